// Autosave: a debounced PUT of the draft with the revision it was based on. A stale revision is a
// conflict the user sees (nothing is overwritten); a failed save is retried with backoff.
import type { Message } from '@gongfang/schema';
import type { Designer } from '../store/Designer.ts';
import type { DraftClient } from './draftClient.ts';

export type AutosaveStatus =
  | { state: 'saved' | 'pending' | 'saving' }
  | { state: 'failed' | 'conflict'; message: Message };

export class Autosaver {
  status: AutosaveStatus = { state: 'saved' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly unsubscribe: () => void;
  private retryDelay = 2000;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly designer: Designer,
    private readonly client: DraftClient,
    private readonly delay = 1500,
  ) {
    this.unsubscribe = designer.store.subscribe((s, prev) => {
      if (s.changes !== prev.changes && s.changes !== s.savedChanges) this.schedule(this.delay);
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Saves now (tests; before publish). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    const { changes, savedChanges, doc, revision } = this.designer.state;
    if (changes === savedChanges || this.status.state === 'conflict') return;
    this.set({ state: 'saving' });
    const appId = doc.id;
    const result = await this.client.save(appId, doc, revision ?? 1);
    if (result.ok) {
      this.designer.markSaved(changes, result.revision);
      this.retryDelay = 2000;
      this.set(this.designer.state.changes === changes ? { state: 'saved' } : { state: 'pending' });
    } else if (result.conflict) {
      this.set({ state: 'conflict', message: result.message });
    } else {
      this.set({ state: 'failed', message: result.message });
      this.schedule(this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, 60_000);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.unsubscribe();
  }

  private schedule(ms: number): void {
    if (this.status.state !== 'saving' && this.status.state !== 'failed') this.set({ state: 'pending' });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private set(status: AutosaveStatus): void {
    this.status = status;
    for (const l of this.listeners) l();
  }
}
