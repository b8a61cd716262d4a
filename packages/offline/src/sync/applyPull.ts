import type {
  AppChange,
  AppDefinition,
  BalanceChange,
  Change,
  PullResponse,
  RecordChange,
  TaskChange,
} from '@gongfang/schema';
import type { StoreContext } from '../context.ts';
import type { GongfangDb } from '../db.ts';
import { balanceId } from '../ledger.ts';
import type { AppVersionRow, StoredRecord } from '../types.ts';

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

/**
 * Each change's `data` has the contract's shape for its type (schemas/sync.schema.json):
 * AppChange, RecordChange, TaskChange or BalanceChange. A change the device cannot read is
 * skipped, never guessed at: the next page still applies.
 */
async function applyChange(db: GongfangDb, change: Change, now: number): Promise<void> {
  switch (change.type) {
    case 'app':
      return applyApp(db, change.data as AppChange, now);
    case 'record':
      return applyRecord(db, change.seq, change.data as RecordChange);
    case 'task':
      return applyTask(db, change.seq, change.data as TaskChange);
    case 'balance':
      return applyBalance(db, change.seq, change.data as BalanceChange);
  }
}

async function applyApp(db: GongfangDb, data: AppChange, now: number): Promise<void> {
  if (typeof data.app !== 'string' || typeof data.version !== 'number' || !isObject(data.definition)) return;
  // The change names the version; the definition is stored as published, under that name.
  const definition = { ...data.definition, id: data.app, version: data.version } as unknown as AppDefinition;
  const row: AppVersionRow = { app: data.app, version: data.version, definition, receivedAt: now };
  if (typeof data.publishedAt === 'string') row.publishedAt = data.publishedAt;
  await db.apps.put(row);
}

/** The device keeps the user's open tasks: a task that is no longer open leaves it. */
async function applyTask(db: GongfangDb, seq: number, data: TaskChange): Promise<void> {
  const task = data.task;
  if (!isObject(task) || typeof task.id !== 'string' || typeof task.recordId !== 'string') return;
  if (task.status !== 'open') return void (await db.tasks.delete(task.id));
  await db.tasks.put({ id: task.id, recordId: task.recordId, task, seq });
}

/**
 * A pulled record replaces the local copy only when the device has nothing unsent for it;
 * otherwise it is kept beside the local edit (`server`), which is what a conflict shows as
 * "theirs". Its workflow state and `conflictOf` are kept as `extras`.
 */
async function applyRecord(db: GongfangDb, seq: number, data: RecordChange): Promise<void> {
  const envelope = data.record;
  if (!isObject(envelope) || typeof envelope.id !== 'string') return;
  const local = await db.records.get(envelope.id);
  const queued = await db.outbox.where('recordId').equals(envelope.id).count();
  const unsent = local !== undefined && (queued > 0 || local.status !== 'synced');
  if (data.deleted === true) {
    // Out of the user's sight now; work not yet sent stays until the server answers it.
    if (unsent) return;
    await db.records.delete(envelope.id);
    await db.tasks.where('recordId').equals(envelope.id).delete();
    return;
  }
  if (local?.serverRevision !== undefined && envelope.revision < local.serverRevision) return;
  const extras: Record<string, unknown> = {};
  if (data.workflow !== undefined) extras.workflow = data.workflow;
  if (data.conflictOf !== undefined) extras.conflictOf = data.conflictOf;
  const hasExtras = Object.keys(extras).length > 0;
  if (local && unsent) {
    const next: StoredRecord = { ...local, server: envelope, seq };
    if (hasExtras) next.extras = extras;
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
    ...(hasExtras ? { extras } : {}),
  };
  await db.records.put(next);
}

async function applyBalance(db: GongfangDb, seq: number, data: BalanceChange): Promise<void> {
  if (typeof data.app !== 'string' || typeof data.ledger !== 'string') return;
  const { app, ledger } = data;
  const key = (isObject(data.key) ? data.key : {}) as Record<string, string>;
  const measures = (isObject(data.measures) ? data.measures : {}) as Record<string, number>;
  const id = balanceId(app, ledger, key);
  await db.balances.put({ id, app, ledger, key, measures, seq });
  // Postings the server has now counted stop counting locally.
  await db.postings
    .where('balanceId')
    .equals(id)
    .filter((p) => p.acceptedSeq !== undefined && p.acceptedSeq <= seq)
    .delete();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
