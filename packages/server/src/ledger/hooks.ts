/*
 * The ledger's part of accepting a record and of its workflow moving on: registered once into the
 * sync engine's hook lists (src/records/hooks.ts), run inside its accept transaction.
 */
import { onAfterAccept, onAfterWorkflowEvent } from '../records/hooks.ts';
import { postRecord } from './post.ts';

let installed = false;

/** Idempotent: several servers built in one process register once. */
export function installLedgerHooks(): void {
  if (installed) return;
  installed = true;
  onAfterAccept(async (e) => {
    const [row] = await e.tx.query<{ status: string }>('select status from records where org_id = $1 and id = $2', [
      e.orgId,
      e.record.id,
    ]);
    const result = await postRecord(e.tx, {
      orgId: e.orgId,
      app: e.app,
      record: { ...e.record, ...(row ? { status: row.status } : {}) },
      event: e.event,
      actor: { id: e.actor.id, name: e.actor.name },
    });
    return result.exceptions.length > 0 ? { guardFailures: result.exceptions } : undefined;
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
