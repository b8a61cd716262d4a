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
import { type GongfangDb, taskRowId } from '../db.ts';
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
        const records = await PageRecords.read(db, page.changes);
        for (const change of page.changes) {
          // A record change is applied in memory, without an await: Dexie keeps the transaction
          // bound across a limited number of awaits that make no request.
          if (change.type !== 'record') await applyChange(db, change, now);
          else {
            const gone = applyRecord(records, change.seq, change.data as RecordChange);
            if (gone !== undefined) await deleteRecord(db, gone);
          }
        }
        await records.write(db);
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
      return; // applied with the page's records (applyRecord)
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
  if (task.status !== 'open') return void (await db.tasks.delete(taskRowId(task)));
  await db.tasks.put({ id: taskRowId(task), recordId: task.recordId, task, seq });
}

/**
 * A pulled record replaces the local copy only when the device has nothing unsent for it;
 * otherwise it is kept beside the local edit (`server`), which is what a conflict shows as
 * "theirs". Its workflow state and `conflictOf` are kept as `extras`.
 */
function applyRecord(records: PageRecords, seq: number, data: RecordChange): string | undefined {
  const envelope = data.record;
  if (!isObject(envelope) || typeof envelope.id !== 'string') return undefined;
  const local = records.get(envelope.id);
  const unsent = local !== undefined && (records.queued(envelope.id) || local.status !== 'synced');
  if (data.deleted === true) {
    // Out of the user's sight now; work not yet sent stays until the server answers it.
    if (unsent) return undefined;
    records.delete(envelope.id);
    return envelope.id;
  }
  if (local?.serverRevision !== undefined && envelope.revision < local.serverRevision) return undefined;
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
    records.put(next);
    return undefined;
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
  records.put(next);
  return undefined;
}

/** A record the server says the user may no longer see, and its tasks. */
async function deleteRecord(db: GongfangDb, id: string): Promise<void> {
  await db.records.delete(id);
  await db.tasks.where('recordId').equals(id).delete();
}

/**
 * The records a page touches, read with two requests before its changes apply and written with
 * one bulkPut after (a first sync of 10,000 records made three requests per record, a round trip
 * each through the page's transaction). Changes still apply in order: each sees the ones before it.
 */
class PageRecords {
  private readonly local = new Map<string, StoredRecord | undefined>();
  private readonly unsent = new Set<string>();
  private readonly changed = new Map<string, StoredRecord>();

  static async read(db: GongfangDb, changes: readonly Change[]): Promise<PageRecords> {
    const page = new PageRecords();
    const ids = new Set<string>();
    for (const change of changes) {
      const envelope = change.type === 'record' ? (change.data as RecordChange).record : undefined;
      if (isObject(envelope) && typeof envelope.id === 'string') ids.add(envelope.id);
    }
    if (ids.size === 0) return page;
    const list = [...ids];
    const held = await heldRecordIds(db, list);
    const rows = held.length > 0 ? await db.records.bulkGet(held) : [];
    for (const [i, id] of held.entries()) page.local.set(id, rows[i]);
    for (const recordId of await db.outbox.where('recordId').anyOf(list).keys()) page.unsent.add(String(recordId));
    return page;
  }

  get(id: string): StoredRecord | undefined {
    return this.local.get(id);
  }

  /** The outbox holds a mutation of the record (nothing a pull applies adds or removes one). */
  queued(id: string): boolean {
    return this.unsent.has(id);
  }

  put(row: StoredRecord): void {
    this.local.set(row.id, row);
    this.changed.set(row.id, row);
  }

  delete(id: string): void {
    this.local.set(id, undefined);
    this.changed.delete(id);
  }

  async write(db: GongfangDb): Promise<void> {
    if (this.changed.size > 0) await db.records.bulkPut([...this.changed.values()]);
  }
}

/**
 * Which of a page's record ids the device holds, by one key-only read of the range they span when
 * that range holds few records (in a first sync, none: a page of 500 new records made 500 look-ups,
 * ~20% of the writer's time under 4x CPU throttling); otherwise all of them, and bulkGet skips the
 * missing. Strings sort in JavaScript as IndexedDB orders them (by UTF-16 code unit).
 */
async function heldRecordIds(db: GongfangDb, ids: string[]): Promise<string[]> {
  const sorted = [...ids].sort();
  const limit = ids.length * 2;
  const keys = await db.records
    .where(':id')
    .between(sorted[0] as string, sorted.at(-1) as string, true, true)
    .limit(limit)
    .primaryKeys();
  if (keys.length >= limit) return ids;
  const wanted = new Set(ids);
  return keys.filter((key) => wanted.has(key));
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
