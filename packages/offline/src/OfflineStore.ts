import type { AppDefinition } from '@gongfang/schema';
import { Dexie } from 'dexie';
import { type StoredAttachment, storeAttachment } from './attachments.ts';
import { type CollectOptions, type CollectReport, collectAttachments } from './collectAttachments.ts';
import { Connection } from './connection.ts';
import type { StoreChange, StoreContext } from './context.ts';
import { connectionOf, GongfangDb } from './db.ts';
import { type DraftInput, DraftWriter } from './drafts.ts';
import type { OfflineError } from './errors.ts';
import { availableBalance } from './ledger.ts';
import { type ActionInput, queueAction, resolveConflict, type SaveRecordInput, saveRecord } from './records.ts';
import type {
  AttachmentRow,
  Draft,
  OutboxEntry,
  RecordStatus,
  RefusedMutation,
  StoredRecord,
  TaskRow,
} from './types.ts';

/** A form on screen, as the store sees it: see OfflineStore.openEditor. */
export interface OpenEditor {
  recordId: string;
  /** The values on screen now. */
  data: () => unknown;
  /** Saves the edits not yet autosaved (a no-op when there are none). */
  save: () => Promise<void>;
}

export interface OfflineStoreOptions {
  /** IndexedDB database name; one per organization and server on a device. */
  name: string;
  /** This device's id, sent with every push and stamped on records filled here. */
  deviceId: string;
  /** For tests and non-window contexts; defaults to the global IndexedDB. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  now?: () => number;
}

export interface SubmitResult {
  record: StoredRecord;
  /** Attachments that could not be stored (the record itself was saved). */
  missingAttachments: StoredAttachment[];
}

export interface RecordCounts {
  pending: number;
  rejected: number;
  conflict: number;
  outbox: number;
}

/**
 * The device store: drafts, submitted records with their outbox, attachments, published app
 * versions, ledger balances. Every write is attributed to the signed-in user (`signIn`), and a
 * user switch never touches another user's unsynced work.
 */
export class OfflineStore {
  readonly db: GongfangDb;
  readonly deviceId: string;
  private readonly ctx: StoreContext;
  private readonly drafts: DraftWriter;
  private readonly changeListeners = new Set<(change: StoreChange) => void>();
  private readonly errorListeners = new Set<(error: OfflineError) => void>();
  private userId: string | undefined;
  private collecting: Promise<CollectReport> | undefined;
  private readonly editors = new Set<OpenEditor>();

  constructor(options: OfflineStoreOptions) {
    this.deviceId = options.deviceId;
    this.db = new GongfangDb(options.name, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    const conn = new Connection(this.db, (error) => {
      for (const listener of this.errorListeners) listener(error);
      // A full device: give back what nothing needs, so the operator's next try can succeed.
      if (error.code === 'quota-exceeded' && !this.collecting) void this.collectAttachments().catch(() => undefined);
    });
    this.ctx = {
      conn,
      deviceId: options.deviceId,
      now: options.now ?? Date.now,
      user: () => this.userId,
      emit: (change) => {
        for (const listener of this.changeListeners) listener(change);
      },
    };
    this.drafts = new DraftWriter(this.ctx);
  }

  /** Who is signed in on this tablet now. Nothing already saved is re-attributed. */
  signIn(userId: string): void {
    this.userId = userId;
    this.ctx.emit('sync');
  }

  signOut(): void {
    this.userId = undefined;
  }

  get user(): string | undefined {
    return this.userId;
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Database trouble (quota, blocked, closed, upgraded elsewhere) as typed, localized errors. */
  onError(listener: (error: OfflineError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** @internal for the sync client. */
  get context(): StoreContext {
    return this.ctx;
  }

  // Drafts

  saveDraft(input: DraftInput): Promise<void> {
    return this.drafts.save(input);
  }

  /** Saves what the open forms have not autosaved yet, then waits for every draft write. */
  async flushDrafts(): Promise<void> {
    await Promise.allSettled([...this.editors].map((editor) => editor.save()));
    await this.drafts.flush();
  }

  /**
   * A form open on screen: until the returned function is called, its values (newer than its
   * stored draft when an autosave failed, e.g. on a full device) keep its photos from being
   * collected, and flushDrafts (sign-out, user switch) first saves its pending edits.
   */
  openEditor(editor: OpenEditor): () => void {
    this.editors.add(editor);
    return () => this.editors.delete(editor);
  }

  getDraft(recordId: string): Promise<Draft | undefined> {
    return this.ctx.conn.run((db) => db.drafts.get(recordId));
  }

  /** A user's drafts, newest first. */
  draftsOf(userId: string): Promise<Draft[]> {
    return this.ctx.conn.run((db) =>
      db.drafts.where('[userId+updatedAt]').between([userId, Dexie.minKey], [userId, Dexie.maxKey]).reverse().toArray(),
    );
  }

  async deleteDraft(recordId: string): Promise<void> {
    await this.ctx.conn.run((db) => db.drafts.delete(recordId));
    this.ctx.emit('draft');
  }

  // Records

  /**
   * Submits (or edits) a record: the record and its mutation in one transaction first, then the
   * attachment blobs, each on its own, so a full disk loses a photo at worst, never the text.
   */
  async submitRecord(input: SaveRecordInput, blobs: readonly Blob[] = []): Promise<SubmitResult> {
    const record = await saveRecord(this.ctx, input);
    const missingAttachments: StoredAttachment[] = [];
    for (const blob of blobs) {
      const stored = await storeAttachment(this.ctx, blob, record.id);
      if (stored.error) missingAttachments.push(stored);
    }
    return { record, missingAttachments };
  }

  queueAction(input: ActionInput): ReturnType<typeof queueAction> {
    return queueAction(this.ctx, input);
  }

  resolveConflict(recordId: string, choice: 'mine' | 'theirs'): Promise<StoredRecord> {
    return resolveConflict(this.ctx, recordId, choice);
  }

  getRecord(id: string): Promise<StoredRecord | undefined> {
    return this.ctx.conn.run((db) => db.records.get(id));
  }

  /** The newest `limit` records of a form, newest first. */
  newestRecords(app: string, form: string, limit: number): Promise<StoredRecord[]> {
    return this.ctx.conn.run((db) =>
      db.records
        .where('[app+form+savedAt]')
        .between([app, form, Dexie.minKey], [app, form, Dexie.maxKey])
        .reverse()
        .limit(limit)
        .toArray(),
    );
  }

  recordsByStatus(status: RecordStatus, limit = Number.POSITIVE_INFINITY): Promise<StoredRecord[]> {
    return this.ctx.conn.run((db) =>
      db.records
        .where('[status+savedAt]')
        .between([status, Dexie.minKey], [status, Dexie.maxKey])
        .reverse()
        .limit(limit)
        .toArray(),
    );
  }

  /**
   * What waits on the device, for the status bar (asked at every start and after each save).
   * Four index counts in one read transaction, issued together on IndexedDB itself: through Dexie,
   * in a freshly opened page under 4x CPU throttling, they cost about twice one count.
   */
  counts(): Promise<RecordCounts> {
    return this.ctx.conn.run(async (db) => {
      const tx = (await connectionOf(db)).transaction(['records', 'outbox'], 'readonly');
      const status = tx.objectStore('records').index('status');
      const [pending, rejected, conflict, outbox] = await Promise.all([
        counted(status.count('pending')),
        counted(status.count('rejected')),
        counted(status.count('conflict')),
        counted(tx.objectStore('outbox').count()),
      ]);
      return { pending, rejected, conflict, outbox };
    });
  }

  /** Mutations the server refused (records and workflow actions), newest first. */
  refused(): Promise<RefusedMutation[]> {
    return this.ctx.conn.run((db) => db.refused.orderBy('at').reverse().toArray());
  }

  outbox(): Promise<OutboxEntry[]> {
    return this.ctx.conn.run((db) => db.outbox.orderBy('order').toArray());
  }

  tasks(): Promise<TaskRow[]> {
    return this.ctx.conn.run((db) => db.tasks.toArray());
  }

  // Attachments

  storeAttachment(blob: Blob, recordId?: string): Promise<StoredAttachment> {
    return storeAttachment(this.ctx, blob, recordId);
  }

  getAttachment(sha256: string): Promise<AttachmentRow | undefined> {
    return this.ctx.conn.run((db) => db.attachments.get(sha256));
  }

  /**
   * Deletes attachments nothing needs any more (removed photos, uploaded photos of acknowledged
   * records); see collectAttachments. Runs one at a time: a call during a run waits, then runs
   * again, since the caller's screen may have changed meanwhile.
   */
  async collectAttachments(options: CollectOptions = {}): Promise<CollectReport> {
    while (this.collecting) await this.collecting.catch(() => undefined);
    const open = [...this.editors].map((editor) => ({ recordId: editor.recordId, data: editor.data() }));
    const editing = [...open, ...(options.editing ?? [])];
    const run = collectAttachments(this.ctx, { ...options, editing }).finally(() => {
      this.collecting = undefined;
    });
    this.collecting = run;
    return run;
  }

  // Published apps

  async putAppVersion(definition: AppDefinition): Promise<void> {
    const row = { app: definition.id, version: definition.version, definition, receivedAt: this.ctx.now() };
    await this.ctx.conn.run((db) => db.apps.put(row));
    this.ctx.emit('app');
  }

  async appVersion(app: string, version?: number): Promise<AppDefinition | undefined> {
    const row = await this.ctx.conn.run((db) =>
      version === undefined
        ? db.apps.where('[app+version]').between([app, Dexie.minKey], [app, Dexie.maxKey]).last()
        : db.apps.get([app, version]),
    );
    return row?.definition;
  }

  /** Drops old versions of an app that no record or draft on the device was filled with. */
  pruneAppVersions(app: string): Promise<number> {
    return this.ctx.conn.run((db) =>
      db.transaction('rw', [db.apps, db.records, db.drafts], async () => {
        const versions = await db.apps.where('app').equals(app).toArray();
        const latest = Math.max(...versions.map((v) => v.version));
        let dropped = 0;
        for (const { version } of versions) {
          if (version === latest) continue;
          const used =
            (await db.records.where('[app+version]').equals([app, version]).count()) > 0 ||
            (await db.drafts.filter((d) => d.app === app && d.version === version).count()) > 0;
          if (used) continue;
          await db.apps.delete([app, version]);
          dropped++;
        }
        return dropped;
      }),
    );
  }

  // Ledgers

  availableBalance(app: string, ledger: string, key: Record<string, string>): Promise<Record<string, number>> {
    return this.ctx.conn.run((db) => availableBalance(db, app, ledger, key));
  }

  close(): void {
    this.db.close();
  }
}

function counted(request: IDBRequest<number>): Promise<number> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
