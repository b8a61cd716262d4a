import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OfflineStore } from '../src/OfflineStore.ts';
import { backoffDelay } from '../src/sync/backoff.ts';
import type { SyncClient, SyncClientOptions } from '../src/sync/SyncClient.ts';
import { FakeServer, makeClient, makeStore, stockIn } from './harness.ts';

let store: OfflineStore;
let client: SyncClient;

/** Lets IndexedDB work (fake-indexeddb runs on real setImmediate) finish between fake ticks. */
async function settle(): Promise<void> {
  for (let i = 0; i < 40 || client?.status.getSnapshot().syncing; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function advance(ms: number, step = 500): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    await vi.advanceTimersByTimeAsync(step);
    await settle();
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});

afterEach(async () => {
  await client?.stop();
  store?.close();
  vi.useRealTimers();
});

describe('backoffDelay', () => {
  it('draws from [0, min(max, base·2^n)] and treats Retry-After as a floor', () => {
    const opts = { baseMs: 1000, maxMs: 60_000 };
    expect([0, 1, 2, 6, 7, 40].map((n) => backoffDelay(n, () => 1, opts))).toEqual([
      1000, 2000, 4000, 60_000, 60_000, 60_000,
    ]);
    expect(backoffDelay(3, () => 0.5, opts)).toBe(4000);
    expect(backoffDelay(0, () => 0, opts, 30_000)).toBe(30_000);
    expect(backoffDelay(0, () => 0, { ...opts, maxRetryAfterMs: 10_000 }, 999_999)).toBe(10_000);
  });
});

describe('retries', () => {
  it('backs off on 503 without a retry storm: bounded requests over ten minutes', async () => {
    const server = new FakeServer();
    for (let i = 0; i < 1000; i++) server.failures.push({ status: 503 });
    store = makeStore();
    await store.submitRecord(stockIn(1));
    client = makeClient(store, server, { backoff: { baseMs: 1000, maxMs: 60_000 }, afterSaveMs: 0 });
    client.start();
    await settle();
    await advance(10 * 60_000);
    const pushes = server.log.filter((r) => r.path === '/api/sync/push');
    // Retries after 1, 2, 4, 8, 16, 32 s, then every 60 s: 6 + 1 + 8 = 15 requests in 600 s.
    expect(pushes.length).toBeGreaterThanOrEqual(12);
    expect(pushes.length).toBeLessThanOrEqual(16);
    const gaps = pushes.slice(1).map((p, i) => p.at - pushes[i]!.at);
    for (const [i, gap] of gaps.entries()) {
      expect(gap).toBeGreaterThanOrEqual(Math.min(60_000, 1000 * 2 ** i));
      expect(gap).toBeLessThanOrEqual(Math.min(60_000, 1000 * 2 ** i) + 1000);
    }
    expect(client.status.getSnapshot().lastError).toMatchObject({ code: 'http', status: 503 });
    expect(await store.counts()).toMatchObject({ pending: 1, outbox: 1 });
  });

  it('honours Retry-After on 429 even when the jitter draws zero', async () => {
    const server = new FakeServer();
    server.failures.push({ status: 429, retryAfter: '120' });
    store = makeStore();
    await store.submitRecord(stockIn(1));
    client = makeClient(store, server, { random: () => 0 });
    client.start();
    await settle();
    await advance(119_000);
    expect(server.pushCount()).toBe(1);
    await advance(2_000);
    expect(server.pushCount()).toBe(2);
    expect(server.records.size).toBe(1);
    expect(client.status.getSnapshot()).toMatchObject({ lastError: undefined, pending: 0 });
  });

  it('a network error shows offline, and the online event syncs at once, skipping the backoff', async () => {
    const server = new FakeServer();
    server.failures.push({ network: true });
    const events = new EventTarget();
    store = makeStore();
    await store.submitRecord(stockIn(1));
    client = makeClient(store, server, { events, backoff: { baseMs: 600_000, maxMs: 600_000 } });
    client.start();
    await settle();
    expect(client.status.getSnapshot()).toMatchObject({ online: false, lastError: { code: 'network' } });
    events.dispatchEvent(new Event('online'));
    await settle();
    expect(server.records.size).toBe(1);
    expect(client.status.getSnapshot()).toMatchObject({ online: true, pending: 0 });
  });

  it('the online event forgets the failures counted offline: a glitch on the way back retries within a second', async () => {
    const server = new FakeServer();
    // A shift offline: twelve failed cycles (at 0, 1, 3, 7 … 511, 811, 1111 s) reach the
    // 5-minute ceiling.
    for (let i = 0; i < 13; i++) server.failures.push({ network: true });
    const events = new EventTarget();
    store = makeStore();
    await store.submitRecord(stockIn(1));
    client = makeClient(store, server, { events, backoff: { baseMs: 1000, maxMs: 300_000, networkMaxMs: 300_000 } });
    client.start();
    await settle();
    await advance(1_200_000, 10_000);
    expect(server.pushCount()).toBe(12);
    // Back online, and the first request back fails too.
    events.dispatchEvent(new Event('online'));
    await settle();
    expect(server.pushCount()).toBe(13);
    expect(server.records.size).toBe(0);
    await advance(1_500);
    expect(server.records.size).toBe(1);
    expect(client.status.getSnapshot()).toMatchObject({ online: true, pending: 0 });
  });

  it('without an online event, a tablet back in range syncs within 30 s of the network returning', async () => {
    const server = new FakeServer();
    // No network for the first 15 tries (at 0, 1, 3, 7, 15, 31 s, then every 30 s: the last at 301 s).
    for (let i = 0; i < 15; i++) server.failures.push({ network: true });
    store = makeStore();
    await store.submitRecord(stockIn(1));
    client = makeClient(store, server, { backoff: { baseMs: 1000, maxMs: 300_000 } });
    client.start();
    await settle();
    await advance(302_000, 1_000);
    expect(server.pushCount()).toBe(15);
    expect(server.records.size).toBe(0);
    await advance(30_000, 1_000);
    expect(server.records.size).toBe(1);
    // A server that answers 503 still backs off to its full ceiling.
    expect(backoffDelay(12, () => 1, { maxMs: 300_000 })).toBe(300_000);
  });

  it('a 401 (the session is gone) is told as signed out, not retried, and the next sign-in syncs', async () => {
    const server = new FakeServer();
    server.failures.push({ status: 401 });
    const events = new EventTarget();
    store = makeStore();
    await store.submitRecord(stockIn(1));
    client = makeClient(store, server, { events, isOnline: () => false });
    client.start();
    await settle();
    // An answer came back, so the network is there whatever navigator.onLine says.
    expect(client.status.getSnapshot()).toMatchObject({ online: true, lastError: { code: 'signed-out', status: 401 } });
    await advance(600_000, 10_000);
    expect(server.pushCount()).toBe(1);
    expect(await store.counts()).toMatchObject({ pending: 1 });
    // The same operator signs in again (the app's sign-in calls syncNow).
    store.signIn('wang');
    await client.syncNow();
    await settle();
    expect(server.records.size).toBe(1);
    expect(client.status.getSnapshot()).toMatchObject({ lastError: undefined, pending: 0 });
  });

  it('a request that never answers times out as a network error and is retried', async () => {
    const server = new FakeServer();
    server.failures.push({ hang: true });
    store = makeStore();
    await store.submitRecord(stockIn(1));
    client = makeClient(store, server, {
      transport: {
        baseUrl: 'https://gf.test/',
        fetch: server.fetch,
        csrfToken: () => server.csrfToken,
        timeoutMs: 30_000,
      },
      backoff: { baseMs: 1000, maxMs: 1000 },
    });
    client.start();
    // settle() waits for a cycle to end, which is what a hanging request never does.
    const flush = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      for (let i = 0; i < 40; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    await flush(0);
    await flush(29_000);
    expect(server.pushCount()).toBe(1);
    expect(client.status.getSnapshot().syncing).toBe(true);
    await flush(1_000);
    await advance(2_000);
    expect(server.pushCount()).toBe(2);
    expect(server.records.size).toBe(1);
    expect(client.status.getSnapshot()).toMatchObject({ lastError: undefined, pending: 0 });
  });

  describe('an overloaded server that answers 503 after 10 s', () => {
    /** Advances the fake clock; settle() would wait forever on a request held by a timer. */
    const flush = async (ms: number) => {
      for (let t = 0; t < ms; t += 500) {
        await vi.advanceTimersByTimeAsync(500);
        for (let i = 0; i < 40; i++) await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const slowClient = (server: FakeServer, sent: number[], options: Partial<SyncClientOptions> = {}) =>
      makeClient(store, server, {
        transport: {
          baseUrl: 'https://gf.test/',
          fetch: async (url, init) => {
            if (url.includes('/api/sync/push')) sent.push(Date.now());
            await new Promise((resolve, reject) => {
              setTimeout(resolve, 10_000);
              init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
            });
            return server.fetch(url, init);
          },
          csrfToken: () => server.csrfToken,
        },
        ...options,
      });

    it('an interval tick during a failing request waits for the backoff, it does not retry at once', async () => {
      const server = new FakeServer();
      for (let i = 0; i < 6; i++) server.failures.push({ status: 503 });
      store = makeStore();
      await store.submitRecord(stockIn(1));
      const sent: number[] = [];
      // Ticks every 3 s, so each 10 s request has ticks (like saves) arriving while it runs.
      client = slowClient(server, sent, { intervalMs: 3_000, backoff: { baseMs: 1000, maxMs: 60_000 } });
      client.start();
      await flush(100_000);
      // Each retry waits its answer (10 s) and then its backoff (1, 2, 4, 8, 16 s with random() = 1).
      expect(sent.map((at) => at - sent[0]!)).toEqual([0, 11_000, 23_000, 37_000, 55_000, 81_000]);
      await flush(60_000);
      expect(server.records.size).toBe(1);
    });

    it('"sync now" during a failing request still syncs at once after it', async () => {
      const server = new FakeServer();
      server.failures.push({ status: 503 });
      store = makeStore();
      await store.submitRecord(stockIn(1));
      const sent: number[] = [];
      client = slowClient(server, sent, { backoff: { baseMs: 600_000, maxMs: 600_000 } });
      client.start();
      await flush(5_000);
      void client.syncNow();
      await flush(6_000);
      expect(sent.map((at) => at - sent[0]!)).toEqual([0, 10_000]);
      await flush(20_000);
      expect(server.records.size).toBe(1);
    });
  });

  it('stops cleanly: no request after stop, whatever the timers do', async () => {
    const server = new FakeServer();
    for (let i = 0; i < 10; i++) server.failures.push({ status: 503 });
    store = makeStore();
    await store.submitRecord(stockIn(1));
    client = makeClient(store, server, { intervalMs: 5_000 });
    client.start();
    await settle();
    const before = server.log.length;
    await client.stop();
    await store.submitRecord(stockIn(2));
    await advance(120_000, 5_000);
    expect(server.log.length).toBe(before);
  });

  it('syncs after a local save and on the interval', async () => {
    const server = new FakeServer();
    store = makeStore();
    client = makeClient(store, server, { intervalMs: 30_000, afterSaveMs: 500 });
    client.start();
    await settle();
    await store.submitRecord(stockIn(1));
    await advance(1_000);
    expect(server.records.size).toBe(1);
    const pulls = server.log.filter((r) => r.path === '/api/sync/pull').length;
    await advance(30_000);
    expect(server.log.filter((r) => r.path === '/api/sync/pull').length).toBe(pulls + 1);
  });
});
