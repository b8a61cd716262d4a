import { requireUser, type StoreContext } from './context.ts';
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
      .run(async (db) => {
        // A draft whose record was submitted meanwhile must not come back as a stale draft.
        await db.transaction('rw', [db.drafts, db.records], async () => {
          const submitted = await db.records.get(draft.recordId);
          if (submitted && draft.baseRevision === undefined) return;
          await db.drafts.put(draft);
        });
      })
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
