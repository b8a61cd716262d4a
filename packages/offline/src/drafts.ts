import { requireUser, type StoreContext } from './context.ts';
import { connectionOf, DURABILITY, type GongfangDb } from './db.ts';
import type { Draft } from './types.ts';

export interface DraftInput {
  recordId: string;
  app: string;
  form: string;
  version: number;
  data: Record<string, unknown>;
  baseRevision?: number;
}

/**
 * Autosave for drafts, cheap enough to call on every debounced change: one small put per draft,
 * and while a put is in flight only the newest value waits behind it (older ones are skipped).
 * The promise resolves once that value, or a newer one, is on disk.
 */
export class DraftWriter {
  private readonly ctx: StoreContext;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly waiting = new Map<string, Draft>();

  constructor(ctx: StoreContext) {
    this.ctx = ctx;
  }

  save(input: DraftInput): Promise<void> {
    const draft: Draft = {
      recordId: input.recordId,
      userId: requireUser(this.ctx),
      app: input.app,
      form: input.form,
      version: input.version,
      data: input.data,
      updatedAt: this.ctx.now(),
      ...(input.baseRevision === undefined ? {} : { baseRevision: input.baseRevision }),
    };
    const running = this.inFlight.get(draft.recordId);
    if (!running) return this.start(draft);
    this.waiting.set(draft.recordId, draft);
    return running.then(() => this.inFlight.get(draft.recordId) ?? Promise.resolve());
  }

  /** Resolves when every draft handed to `save` so far is written. */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  private start(draft: Draft): Promise<void> {
    const write = this.ctx.conn
      .run((db) => putDraft(db, draft))
      .finally(() => {
        this.inFlight.delete(draft.recordId);
        const next = this.waiting.get(draft.recordId);
        if (next) {
          this.waiting.delete(draft.recordId);
          void this.start(next).catch(() => undefined);
        }
        this.ctx.emit('draft');
      });
    this.inFlight.set(draft.recordId, write);
    return write;
  }
}

/**
 * Puts a draft unless its record was submitted meanwhile (a late autosave must not bring back a
 * stale draft), in one transaction over drafts and records with the database's durability.
 *
 * Written on IndexedDB itself, not through a Dexie transaction: under 4x CPU throttling Dexie's
 * transaction machinery (its zones and promises around two requests) was about 5 ms of a 13 ms
 * save. The record's look-up and the put are queued together, so the save waits for one round
 * trip, not two; when the look-up finds a submitted record the transaction is aborted, which
 * undoes the put. The look-up reads the key only, never the record's value.
 */
export async function putDraft(db: GongfangDb, draft: Draft): Promise<void> {
  const tx = (await connectionOf(db)).transaction(['drafts', 'records'], 'readwrite', { durability: DURABILITY });
  let superseded = false;
  const written = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () =>
      superseded ? resolve() : reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
  if (draft.baseRevision === undefined) {
    const submitted = tx.objectStore('records').getKey(draft.recordId);
    submitted.onsuccess = () => {
      if (submitted.result === undefined) return;
      superseded = true;
      tx.abort();
    };
  }
  // The put's own failure (quota, a value that cannot be cloned) aborts the transaction: onabort.
  tx.objectStore('drafts').put(draft);
  return written;
}
