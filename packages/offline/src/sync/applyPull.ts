import type { AppDefinition, Change, PullResponse, RecordEnvelope } from '@gongfang/schema';
import type { StoreContext } from '../context.ts';
import type { GongfangDb } from '../db.ts';
import { balanceId } from '../ledger.ts';
import type { StoredRecord } from '../types.ts';

/**
 * Applies one pulled page and saves its cursor in the SAME transaction: after a crash the device
 * either has the page and the new cursor, or neither, and pulls the page again.
 */
export async function applyPullPage(ctx: StoreContext, page: PullResponse): Promise<void> {
  const now = ctx.now();
  await ctx.conn.run((db) =>
    db.transaction(
      'rw',
      [db.apps, db.records, db.outbox, db.tasks, db.balances, db.postings, db.syncState],
      async () => {
        for (const change of page.changes) await applyChange(db, change, now);
        await db.syncState.put({ key: 'sync', cursor: page.cursor, lastSyncAt: now });
      },
    ),
  );
  ctx.emit('sync');
}

export async function readCursor(db: GongfangDb): Promise<string> {
  return (await db.syncState.get('sync'))?.cursor ?? '';
}

async function applyChange(db: GongfangDb, change: Change, now: number): Promise<void> {
  const data = change.data as Record<string, unknown>;
  switch (change.type) {
    case 'app': {
      const definition = data as unknown as AppDefinition;
      await db.apps.put({ app: definition.id, version: definition.version, definition, receivedAt: now });
      return;
    }
    case 'record':
      return applyRecord(db, change.seq, data);
    case 'task': {
      const id = String(data.id ?? '');
      if (!id) return;
      if (data.deleted === true) return void (await db.tasks.delete(id));
      const recordId = typeof data.recordId === 'string' ? data.recordId : undefined;
      await db.tasks.put({ id, data, seq: change.seq, ...(recordId ? { recordId } : {}) });
      return;
    }
    case 'balance':
      return applyBalance(db, change.seq, data);
  }
}

/**
 * A pulled record replaces the local copy only when the device has nothing unsent for it;
 * otherwise it is kept beside the local edit (`server`), which is what a conflict shows as
 * "theirs". The contract leaves the data's shape open: `{ record, ...extras }` or the envelope.
 */
async function applyRecord(db: GongfangDb, seq: number, data: Record<string, unknown>): Promise<void> {
  const nested = typeof data.record === 'object' && data.record !== null;
  const envelope = (nested ? data.record : data) as RecordEnvelope;
  const extras = nested ? Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'record')) : undefined;
  const local = await db.records.get(envelope.id);
  if (local?.serverRevision !== undefined && envelope.revision < local.serverRevision) return;
  const queued = await db.outbox.where('recordId').equals(envelope.id).count();
  if (local && (queued > 0 || local.status !== 'synced')) {
    const next: StoredRecord = { ...local, server: envelope, seq };
    if (extras) next.extras = extras;
    if (local.status === 'conflict' && local.conflict && envelope.revision >= local.conflict.serverRevision) {
      next.conflict = { ...local.conflict, theirs: envelope };
    }
    await db.records.put(next);
    return;
  }
  const next: StoredRecord = {
    id: envelope.id,
    envelope,
    app: envelope.app,
    form: envelope.form,
    version: envelope.version,
    status: 'synced',
    userId: local?.userId ?? envelope.createdBy,
    serverRevision: envelope.revision,
    seq,
    savedAt: local?.savedAt ?? (Date.parse(envelope.updatedAt ?? envelope.createdAt) || 0),
    ...(extras ? { extras } : {}),
  };
  await db.records.put(next);
}

async function applyBalance(db: GongfangDb, seq: number, data: Record<string, unknown>): Promise<void> {
  const app = String(data.app ?? '');
  const ledger = String(data.ledger ?? '');
  const key = (data.key ?? {}) as Record<string, string>;
  const measures = (data.measures ?? {}) as Record<string, number>;
  const id = balanceId(app, ledger, key);
  await db.balances.put({ id, app, ledger, key, measures, seq });
  // Postings the server has now counted stop counting locally.
  await db.postings
    .where('balanceId')
    .equals(id)
    .filter((p) => p.acceptedSeq !== undefined && p.acceptedSeq <= seq)
    .delete();
}
