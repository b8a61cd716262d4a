/*
 * The ledger's part of accepting a record and of its workflow moving on: registered once into the
 * sync engine's hook lists (src/records/hooks.ts), run inside its accept transaction.
 */
import { onAfterAcceptMany, onAfterWorkflowEvent } from '../records/hooks.ts';
import { postRecord, postRecords } from './post.ts';

let installed = false;

/** Idempotent: several servers built in one process register once. */
export function installLedgerHooks(): void {
  if (installed) return;
  installed = true;
  // A push's batch of records in one posting (same outcome as one after another, fewer statements).
  onAfterAcceptMany(async (events) => {
    const first = events[0];
    if (!first) return [];
    // The status each record was stored with; read only for events that do not say.
    const unknown = events.filter((e) => e.status === undefined).map((e) => e.record.id);
    const rows =
      unknown.length === 0
        ? []
        : await first.tx.query<{ id: string; status: string }>(
            'select id, status from records where org_id = $1 and id = any($2::uuid[])',
            [first.orgId, unknown],
          );
    const status = new Map(rows.map((r) => [r.id, r.status]));
    for (const e of events) if (e.status !== undefined) status.set(e.record.id, e.status);
    const results = await postRecords(
      first.tx,
      events.map((e) => ({
        orgId: e.orgId,
        app: e.app,
        record: { ...e.record, ...(status.has(e.record.id) ? { status: status.get(e.record.id) } : {}) },
        event: e.event,
        actor: { id: e.actor.id, name: e.actor.name },
      })),
    );
    return results.map((r) => (r.exceptions.length > 0 ? { guardFailures: r.exceptions } : undefined));
  });
  onAfterWorkflowEvent(async (e) => {
    if (e.event !== 'approved' && e.event !== 'rejected' && e.event !== 'withdrawn') return undefined;
    const result = await postRecord(e.tx, {
      orgId: e.orgId,
      app: e.app,
      record: { ...e.record, status: e.event },
      event: e.event,
      actor: { id: e.actor.id, name: e.actor.name },
    });
    return result.exceptions.length > 0 ? { guardFailures: result.exceptions } : undefined;
  });
}
