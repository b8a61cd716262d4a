import { afterEach, describe, expect, it } from 'vitest';
import type { OfflineStore } from '../src/OfflineStore.ts';
import type { SyncClient } from '../src/sync/SyncClient.ts';
import type { FetchLike } from '../src/sync/transport.ts';
import { FakeServer, makeClient, makeStore, stockIn } from './harness.ts';

let store: OfflineStore;
let client: SyncClient;

afterEach(async () => {
  await client?.stop();
  store?.close();
});

/** The fake server behind a fetch that counts pushes in flight and can act during one. */
function watched(server: FakeServer, during?: (push: number) => Promise<void>) {
  const seen = { inFlight: 0, most: 0, pushes: 0 };
  const fetch: FetchLike = async (url, init) => {
    if (!url.endsWith('/api/sync/push')) return server.fetch(url, init);
    seen.pushes++;
    seen.inFlight++;
    seen.most = Math.max(seen.most, seen.inFlight);
    try {
      await during?.(seen.pushes);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return await server.fetch(url, init);
    } finally {
      seen.inFlight--;
    }
  };
  return { fetch, seen };
}

const transportOf = (server: FakeServer, fetch: FetchLike) => ({
  baseUrl: 'https://gf.test/',
  fetch,
  csrfToken: () => server.csrfToken,
});

describe('pushes made ready while one travels', () => {
  it('never has two pushes in flight, and sends every mutation once, in outbox order', async () => {
    const server = new FakeServer();
    store = makeStore();
    const ids: string[] = [];
    for (let i = 0; i < 450; i++) {
      const { record } = await store.submitRecord(stockIn(i));
      if (i % 3 === 0) await store.submitRecord({ id: record.id, ...stockIn(i + 1) });
    }
    for (const entry of await store.outbox()) ids.push(entry.id);
    const { fetch, seen } = watched(server);
    client = makeClient(store, server, { transport: transportOf(server, fetch) });
    expect(await client.syncNow()).toMatchObject({ ok: true, pushed: 600 });
    expect(seen.most).toBe(1);
    expect(server.log.filter((r) => r.path === '/api/sync/push').flatMap((r) => r.mutationIds)).toEqual(ids);
    expect(server.applied).toHaveLength(600);
    expect(await store.counts()).toEqual({ pending: 0, rejected: 0, conflict: 0, outbox: 0 });
  });

  it('after a push the server answered only in part, the rest goes next, before the batch made ready', async () => {
    const server = new FakeServer();
    store = makeStore();
    for (let i = 0; i < 300; i++) await store.submitRecord(stockIn(i));
    const outbox = await store.outbox();
    const ids = outbox.map((e) => e.id);
    server.failures.push({ answerOnly: 150 });
    client = makeClient(store, server);
    expect(await client.syncNow()).toMatchObject({ ok: true, pushed: 300 });
    const pushes = server.log.filter((r) => r.path === '/api/sync/push').map((r) => r.mutationIds);
    // Not the 100 made ready after the first 200: the 50 unanswered come first.
    expect(pushes.map((p) => p.length)).toEqual([200, 150]);
    expect(pushes[1]).toEqual(ids.slice(150));
    expect(server.applied).toEqual(outbox.map((e) => e.recordId));
  });

  it('a mutation dropped from the outbox while the push before it travels is not sent', async () => {
    const server = new FakeServer();
    store = makeStore();
    for (let i = 0; i < 250; i++) await store.submitRecord(stockIn(i));
    const outbox = await store.outbox();
    const dropped = outbox[220]!;
    const { fetch } = watched(server, async (push) => {
      if (push === 1) await store.db.outbox.delete(dropped.order!);
    });
    client = makeClient(store, server, { transport: transportOf(server, fetch) });
    expect(await client.syncNow()).toMatchObject({ ok: true, pushed: 249 });
    const sent = server.log.filter((r) => r.path === '/api/sync/push').flatMap((r) => r.mutationIds);
    expect(sent).not.toContain(dropped.id);
    expect(sent).toEqual(outbox.filter((e) => e !== dropped).map((e) => e.id));
  });

  it('a network error on the second push keeps its mutations queued; the retry sends the same ids', async () => {
    const server = new FakeServer();
    store = makeStore();
    for (let i = 0; i < 300; i++) await store.submitRecord(stockIn(i));
    server.failures.push({}, { dropAfterCommit: true });
    client = makeClient(store, server);
    const first = await client.syncNow();
    expect(first.error?.code).toBe('network');
    expect(await store.counts()).toMatchObject({ outbox: 100, pending: 100 });
    expect(await client.syncNow()).toMatchObject({ ok: true, pushed: 100 });
    const pushes = server.log.filter((r) => r.path === '/api/sync/push').map((r) => r.mutationIds);
    expect(pushes[2]).toEqual(pushes[1]);
    expect(server.applied).toHaveLength(300);
    expect(await store.counts()).toMatchObject({ outbox: 0, pending: 0 });
  });
});
