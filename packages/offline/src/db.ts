import type { Task } from '@gongfang/schema';
import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  AppVersionRow,
  AttachmentRow,
  BalanceRow,
  Draft,
  LocalPosting,
  OutboxEntry,
  RefusedMutation,
  StoredRecord,
  SyncStateRow,
  TaskRow,
} from './types.ts';

/**
 * 'strict': a resolved write has reached the disk, not only the OS cache (Chromium; other browsers
 * ignore the hint and are strict already). Writes made on IndexedDB directly pass it too.
 */
export const DURABILITY: IDBTransactionDurability = 'strict';

/** The device database. One per signed-in organization on a device; the name says which. */
export class GongfangDb extends Dexie {
  apps!: Table<AppVersionRow, [string, number]>;
  drafts!: EntityTable<Draft, 'recordId'>;
  records!: EntityTable<StoredRecord, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'order'>;
  attachments!: EntityTable<AttachmentRow, 'sha256'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  balances!: EntityTable<BalanceRow, 'id'>;
  postings!: EntityTable<LocalPosting, 'id'>;
  tasks!: EntityTable<TaskRow, 'id'>;
  refused!: EntityTable<RefusedMutation, 'id'>;

  constructor(name: string, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { chromeTransactionDurability: DURABILITY, ...options });
    this.version(1).stores({
      apps: '[app+version], app',
      drafts: 'recordId, userId, [userId+updatedAt]',
      // [app+form+savedAt]: newest N of a form; [status+savedAt]: records by status, newest first.
      records: 'id, status, userId, [app+form+savedAt], [status+savedAt], [app+version]',
      outbox: '++order, &id, recordId, userId',
      attachments: 'sha256, state, recordId',
      syncState: 'key',
      balances: 'id, [app+ledger]',
      postings: '++id, recordId, balanceId',
      tasks: 'id, recordId',
      refused: 'id, recordId, at',
    });
    // v2: task rows hold the contract's Task under `task`; v1 rows kept the pulled data as it came.
    this.version(2)
      .stores({})
      .upgrade(async (tx) => {
        const tasks = tx.table('tasks');
        for (const row of (await tasks.toArray()) as { id: string; data?: Record<string, unknown> }[]) {
          const data = row.data ?? {};
          const task = (typeof data.task === 'object' && data.task !== null ? data.task : data) as Task;
          if (typeof task.recordId === 'string' && task.status === 'open') {
            await tasks.put({ id: row.id, recordId: task.recordId, task, seq: (row as { seq?: number }).seq ?? 0 });
          } else {
            await tasks.delete(row.id);
          }
        }
      });
    // v3: task rows keyed by record and task (a task id is unique within its record only: two
    // records' reviews at the same node overwrote each other on the device).
    this.version(3)
      .stores({})
      .upgrade(async (tx) => {
        const tasks = tx.table('tasks');
        for (const row of (await tasks.toArray()) as TaskRow[]) {
          const id = taskRowId(row.task);
          if (row.id === id) continue;
          await tasks.delete(row.id);
          await tasks.put({ ...row, id });
        }
      });
  }
}

/** The device's key of a task: its record and its id. */
export function taskRowId(task: Pick<Task, 'recordId' | 'id'>): string {
  return `${task.recordId}/${task.id}`;
}

/**
 * The IndexedDB connection under Dexie, for the hot paths written on IndexedDB itself (draft
 * saves, counts), got as Dexie's own operations get it: after any open or upgrade in progress,
 * opening a database nobody closed; a closed one fails as closed, so Connection.run reopens it once.
 */
export async function connectionOf(db: GongfangDb): Promise<IDBDatabase> {
  if (db.hasBeenClosed()) throw Object.assign(new Error('The database was closed.'), { name: 'DatabaseClosedError' });
  await db.open();
  return db.backendDB();
}
