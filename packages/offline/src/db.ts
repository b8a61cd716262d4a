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
 * ignore the hint and are strict already). Writes made on IndexedDB directly pass it too. Every
 * write of the operator's own work (drafts, submitted records, the outbox, actions, attachments)
 * is strict; only a pulled page is not (PULLED_PAGE_DURABILITY).
 */
export const DURABILITY: IDBTransactionDurability = 'strict';

/**
 * A pulled page and its cursor are written in one transaction (applyPullPage), the only
 * read-write transaction over `syncState`. Everything in it is the server's and can be fetched
 * again: if a power cut loses the last pages, it loses their cursor with them (a transaction is
 * atomic whatever its durability) and the device pulls them again. A local edit a page sits beside
 * was written strictly before, and a later strict write flushes the pages before it. Relaxed, as
 * Chromium's default: a flush per page was ~10% of a first sync of 10,000 records (issue 7 row 5).
 */
export const PULLED_PAGE_DURABILITY: IDBTransactionDurability = 'relaxed';

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
    // The schema is declared once, at its current version, with one upgrade from any older one:
    // Dexie re-parses every declared version's schema at each version() call (three versions of
    // ten tables: six parses, ~25 ms of a cold open under 4x CPU throttling, issue 7 row 6), and
    // upgrades from the schema it finds on disk, so older declarations are not needed for that.
    this.version(SCHEMA_VERSION)
      .stores({
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
      })
      .upgrade((tx) => upgradeTaskRows(tx.table('tasks')));
    this.use({
      stack: 'dbcore',
      name: 'pulled-page-durability',
      create: (down) => ({
        ...down,
        transaction: (stores, mode, options) =>
          down.transaction(
            stores,
            mode,
            mode === 'readwrite' && stores.includes('syncState')
              ? { ...options, durability: PULLED_PAGE_DURABILITY }
              : options,
          ),
      }),
    });
  }
}

/** v1: the first schema; v2: task rows hold the Task under `task`; v3: task rows keyed by record and task. */
export const SCHEMA_VERSION = 3;

interface OldTaskRow {
  id: string;
  /** v1: the pulled data as it came, the Task itself or `{ task }`. */
  data?: Record<string, unknown>;
  /** v2 on. */
  task?: Task;
  seq?: number;
}

/**
 * Task rows of a v1 or v2 database as v3 rows: the contract's Task under `task` (v1 kept the
 * pulled data as it came), keyed by record and task (a task id is unique within its record only:
 * two records' reviews at the same node overwrote each other on the device). A task that is no
 * longer open, or that cannot be read, leaves the device; the next pull brings back what is open.
 */
export async function upgradeTaskRows(tasks: Table<OldTaskRow | TaskRow, string>): Promise<void> {
  for (const row of (await tasks.toArray()) as OldTaskRow[]) {
    const task = taskOfOldRow(row);
    if (typeof task?.recordId !== 'string' || typeof task.id !== 'string' || task.status !== 'open') {
      await tasks.delete(row.id);
      continue;
    }
    const id = taskRowId(task);
    if (row.id !== id) await tasks.delete(row.id);
    await tasks.put({ id, recordId: task.recordId, task, seq: row.seq ?? 0 });
  }
}

function taskOfOldRow(row: OldTaskRow): Task | undefined {
  if (typeof row.task === 'object' && row.task !== null) return row.task;
  const data = row.data ?? {};
  return (typeof data.task === 'object' && data.task !== null ? data.task : data) as Task;
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
