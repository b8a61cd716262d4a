import type { Mutation } from '@gongfang/schema';
import { isOfflineError, OfflineError } from '../errors.ts';
import type { OfflineStore } from '../OfflineStore.ts';
import { StatusStore } from '../status.ts';
import type { OutboxEntry } from '../types.ts';
import { applyPullPage, readCursor } from './applyPull.ts';
import { type BackoffOptions, backoffDelay } from './backoff.ts';
import { applyResults, type Batch, type BatchLimits, type BatchStart, scanBatch } from './outbox.ts';
import { type EncodedPush, Transport, type TransportOptions } from './transport.ts';

/** Mutations per push at most, by the sync contract (schemas/sync.schema.json). */
const MAX_PUSH_COUNT = 200;

/** A push made ready: its outbox entries and its body. */
interface ReadyPush extends Batch {
  encoded: EncodedPush;
}

export interface SyncClientOptions {
  store: OfflineStore;
  transport: Transport | TransportOptions;
  /**
   * Mutations per push (default and most: 200, by contract) and JSON bytes per push (default
   * 512 KB, before compression); a batch ends at whichever comes first.
   */
  batch?: { maxCount?: number; maxBytes?: number };
  pullLimit?: number;
  /** Periodic sync, in ms; 0 turns it off. */
  intervalMs?: number;
  /** Delay after a local save before syncing, so a burst of saves goes in one push. */
  afterSaveMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  /**
   * 'session-user' (default): push only the signed-in user's mutations, because the server
   * attributes a push to the session's user; others' work waits for them. 'all': push every
   * mutation (a device session that may act for every user).
   */
  pushScope?: 'session-user' | 'all';
  /** Source of `online`/`offline` events; defaults to `window` where there is one. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  isOnline?: () => boolean;
}

export interface SyncReport {
  ok: boolean;
  pushed: number;
  pulled: number;
  error?: OfflineError;
}

/**
 * Pushes the outbox and pulls by cursor, one cycle at a time per device. Failures back off
 * exponentially with full jitter (a Retry-After is a floor); while backing off only the user
 * ("sync now") or the network coming back starts a cycle early.
 */
export class SyncClient {
  readonly status: StatusStore;
  private readonly store: OfflineStore;
  private readonly transport: Transport;
  private readonly options: SyncClientOptions;
  private readonly events: SyncClientOptions['events'];
  private readonly isOnline: () => boolean;
  private running: Promise<SyncReport> | undefined;
  private next: Promise<SyncReport> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backingOff = false;
  /** A "sync now" came while a cycle ran: the repeat after it skips any backoff that cycle planned. */
  private repeatNow = false;
  private interval: ReturnType<typeof setInterval> | undefined;
  private attempt = 0;
  private abort = new AbortController();
  private started = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(options: SyncClientOptions) {
    this.options = options;
    this.store = options.store;
    this.transport = options.transport instanceof Transport ? options.transport : new Transport(options.transport);
    this.events = options.events ?? (typeof window === 'undefined' ? undefined : window);
    this.isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
    this.status = new StatusStore({ online: this.isOnline() });
  }

  /** Starts the triggers: online event, interval, local saves; and syncs once. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.abort = new AbortController();
    const online = () => {
      this.status.update({ online: true });
      // The failures counted while offline say nothing about the network now: a glitch on the
      // first request back retries within a second, not after the ceiling a long shift offline
      // grew (minutes with the tablet showing "offline" on a working network).
      this.attempt = 0;
      void this.syncNow();
    };
    const offline = () => this.status.update({ online: false });
    this.events?.addEventListener('online', online);
    this.events?.addEventListener('offline', offline);
    this.cleanups.push(() => {
      this.events?.removeEventListener('online', online);
      this.events?.removeEventListener('offline', offline);
    });
    this.cleanups.push(
      this.store.onChange((change) => {
        void this.refreshCounts();
        if (change === 'record' || change === 'outbox') this.soon(this.options.afterSaveMs ?? 500);
      }),
    );
    this.cleanups.push(this.store.onError((error) => this.status.update({ lastError: error })));
    const every = this.options.intervalMs ?? 60_000;
    if (every > 0) this.interval = setInterval(() => this.soon(0), every);
    void this.refreshCounts();
    void this.syncNow();
  }

  /** Stops triggers and timers, aborts the request in flight, and waits for the cycle to end. */
  async stop(): Promise<void> {
    this.started = false;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (this.interval !== undefined) clearInterval(this.interval);
    this.interval = undefined;
    this.clearTimer();
    this.abort.abort();
    await this.running?.catch(() => undefined);
    await this.next?.catch(() => undefined);
  }

  /** Syncs now, skipping any backoff wait; joins (then repeats) a cycle already running. */
  syncNow(): Promise<SyncReport> {
    this.clearTimer();
    return this.trigger(true);
  }

  async refreshCounts(): Promise<void> {
    try {
      const counts = await this.store.counts();
      this.status.update(counts);
    } catch (error) {
      if (isOfflineError(error)) this.status.update({ lastError: error });
    }
  }

  /** A sync soon, unless one is already planned, we are backing off, or offline. */
  private soon(delayMs: number): void {
    if (!this.started || this.timer !== undefined || this.backingOff || !this.isOnline()) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.trigger();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.backingOff = false;
  }

  private trigger(now = false): Promise<SyncReport> {
    if (this.running) {
      if (now) this.repeatNow = true;
      this.next ??= this.running.then((report) => {
        this.next = undefined;
        const forced = this.repeatNow;
        this.repeatNow = false;
        // The cycle failed and planned its retry: a save, a tick or a timer that came while it ran
        // waits for that retry, or a slow failing server would be retried back to back.
        if (this.backingOff && !forced) return report;
        return forced ? this.syncNow() : this.trigger();
      });
      return this.next;
    }
    const cycle = this.cycle().finally(() => {
      this.running = undefined;
    });
    this.running = cycle;
    return cycle;
  }

  private async cycle(): Promise<SyncReport> {
    const signal = this.abort.signal;
    this.status.update({ syncing: true });
    let pushed = 0;
    let pulled = 0;
    try {
      const user = this.store.user;
      if ((this.options.pushScope ?? 'session-user') === 'session-user' && user === undefined) {
        return { ok: true, pushed, pulled };
      }
      pushed = await this.pushAll(signal, user);
      pulled = await this.pullAll(signal);
      this.attempt = 0;
      this.status.update({ online: true, lastError: undefined, lastSyncAt: this.store.context.now() });
      return { ok: true, pushed, pulled };
    } catch (caught) {
      const error = isOfflineError(caught) ? caught : new OfflineError('unexpected', { cause: caught });
      if (signal.aborted) return { ok: false, pushed, pulled, error: new OfflineError('aborted') };
      // Any answer at all, even a refusal, proves the network is there.
      const reached = error.code === 'http' || error.code === 'signed-out';
      this.status.update({
        lastError: error,
        ...(error.code === 'network' ? { online: false } : reached ? { online: true } : {}),
      });
      // Signed out: retrying cannot help; the next sign-in syncs (the app calls syncNow).
      if (error.code !== 'signed-out') this.retryLater(error);
      return { ok: false, pushed, pulled, error };
    } finally {
      this.status.update({ syncing: false });
      await this.refreshCounts();
    }
  }

  private retryLater(error: OfflineError): void {
    if (!this.started) return;
    const backoff = this.options.backoff ?? {};
    // No network costs the server nothing, and the 'online' event does not always come (a Wi-Fi
    // that reconnects without the OS noticing, a browser launched offline): retry at least every
    // networkMaxMs so a tablet back in range syncs within that, whatever the ceiling grew to.
    const options =
      error.code === 'network'
        ? { ...backoff, maxMs: Math.min(backoff.maxMs ?? 5 * 60_000, backoff.networkMaxMs ?? 30_000) }
        : backoff;
    const delay = backoffDelay(this.attempt++, this.options.random ?? Math.random, options, error.retryAfterMs);
    this.clearTimer();
    this.backingOff = true;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.backingOff = false;
      void this.trigger();
    }, delay);
  }

  /**
   * Pushes the outbox one batch at a time, each sent only once the server has answered every
   * mutation of the one before (so per-record order and retries with the same ids are exactly as
   * one push after another). The device's own work overlaps the network's: the next push is read,
   * serialized and compressed while one travels, and an answer is applied while the next travels.
   */
  private async pushAll(signal: AbortSignal, user: string | undefined): Promise<number> {
    const scope = this.options.pushScope ?? 'session-user';
    const limits: BatchLimits = {
      maxCount: Math.min(this.options.batch?.maxCount ?? MAX_PUSH_COUNT, MAX_PUSH_COUNT),
      maxBytes: this.options.batch?.maxBytes ?? 512 * 1024,
      ...(scope === 'session-user' && user !== undefined ? { user } : {}),
    };
    let pushed = 0;
    // The previous push's answers, being applied; answers are applied in push order.
    let applying: Promise<number> = Promise.resolve(0);
    const settle = async () => {
      const settled = applying;
      applying = Promise.resolve(0);
      pushed += await settled;
    };
    let ready = await this.readyPush(limits);
    try {
      while (ready) {
        const push = ready;
        await this.uploadAttachments(push.entries, signal);
        const sending = this.transport.push(push.encoded, signal);
        const following = this.readyPush(limits, push.next);
        following.catch(() => undefined);
        const response = await sending;
        await settle();
        const answeredIds = new Set(response.results.map((result) => result.id));
        const whole = push.entries.every((entry) => answeredIds.has(entry.id));
        const candidate = whole ? await following : undefined;
        const next = candidate && (await this.stillQueued(candidate.entries)) ? candidate : undefined;
        applying = applyResults(this.store.context, push.entries, response.results).then((answered) => {
          // An answer that settles nothing would loop forever: treat it as a server fault and back off.
          if (answered === 0 && !whole) throw new OfflineError('http', { status: 502 });
          return answered;
        });
        applying.catch(() => undefined);
        if (next) {
          ready = next;
        } else {
          await settle();
          ready = await this.readyPush(limits);
        }
      }
    } finally {
      // Whatever failed, the cycle ends only once every answer received is applied.
      await applying.catch(() => undefined);
    }
    await settle();
    return pushed;
  }

  private async readyPush(limits: BatchLimits, start?: BatchStart): Promise<ReadyPush | undefined> {
    const batch = await this.store.context.conn.run((db) => scanBatch(db, limits, start));
    if (batch.entries.length === 0) return undefined;
    const mutations = batch.entries.map((entry) => entry.mutation) as [Mutation, ...Mutation[]];
    return { ...batch, encoded: await this.transport.encodePush({ deviceId: this.store.deviceId, mutations }) };
  }

  /** Every entry is still in the outbox as read (a conflict resolution may have dropped some). */
  private async stillQueued(entries: readonly OutboxEntry[]): Promise<boolean> {
    const ids = entries.map((entry) => entry.id);
    const orders = await this.store.context.conn.run((db) => db.outbox.where('id').anyOf(ids).primaryKeys());
    return orders.length === entries.length;
  }

  private async uploadAttachments(batch: readonly OutboxEntry[], signal: AbortSignal): Promise<void> {
    const hashes = [...new Set(batch.flatMap((entry) => entry.attachments))];
    const { conn } = this.store.context;
    for (const sha256 of hashes) {
      const row = await conn.run((db) => db.attachments.get(sha256));
      // No blob: it could not be stored; the server refuses the mutation and the user sees why.
      if (!row?.blob || row.state === 'uploaded' || row.state === 'failed') continue;
      // A copy in memory is sent: sent as the body itself, the stored blob's file stayed on disk
      // (Chromium 150) after its row was deleted, even once the page was collected and reloaded.
      const body = new Blob([await row.blob.arrayBuffer()], { type: row.blob.type });
      const outcome = await this.transport.putAttachment(sha256, body, signal);
      const patch = outcome.ok ? { state: 'uploaded' as const } : { state: 'failed' as const, error: outcome.status };
      await conn
        .run((db) => db.attachments.update(sha256, patch))
        .catch(async (error: unknown) => {
          // Rewriting the row rewrites its blob, which a full device has no room for: the server has
          // the photo now, so the row is kept without it (the runtime shows it from the server).
          if (!outcome.ok || !isOfflineError(error) || error.code !== 'quota-exceeded') throw error;
          const { blob: _uploaded, ...rest } = row;
          await conn.run((db) => db.attachments.put({ ...rest, state: 'uploaded' }));
        });
    }
  }

  private async pullAll(signal: AbortSignal): Promise<number> {
    const limit = this.options.pullLimit ?? 500;
    let cursor = await this.store.context.conn.run((db) => readCursor(db));
    let pulled = 0;
    for (;;) {
      const page = await this.transport.pull(cursor, limit, signal);
      await applyPullPage(this.store.context, page);
      pulled += page.changes.length;
      if (!page.more || page.cursor === cursor) return pulled;
      cursor = page.cursor;
    }
  }
}
