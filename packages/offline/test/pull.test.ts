import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfflineStore } from '../src/OfflineStore.ts';
import { applyPullPage } from '../src/sync/applyPull.ts';
import type { SyncClient } from '../src/sync/SyncClient.ts';
import { uuidv7 } from '../src/uuidv7.ts';
import { FakeServer, makeClient, makeStore, stockIn } from './harness.ts';

let store: OfflineStore;
let client: SyncClient;

afterEach(async () => {
  vi.restoreAllMocks();
  await client?.stop();
  store?.close();
});

function serverRecord(server: FakeServer, qty: number): string {
  const id = uuidv7();
  const at = new Date().toISOString();
  const record = { id, ...stockIn(qty), revision: 1, createdBy: 'zhao', createdAt: at, deviceId: 'web' };
  server.records.set(id, record);
  server.addChange('record', { record, workflow: { state: 'approving' } });
  return id;
}

async function cursor(s: OfflineStore): Promise<string | undefined> {
  return (await s.db.syncState.get('sync'))?.cursor;
}

describe('pull', () => {
  it('pulls page by page while `more`, applying apps, records, tasks and balances', async () => {
    const server = new FakeServer();
    server.addChange('app', { id: 'inventory', version: 3, name: { 'zh-CN': '出入库', en: 'Inventory' } });
    for (let i = 0; i < 246; i++) serverRecord(server, i);
    server.addChange('task', { id: 't-1', recordId: 'r-1', node: 'lead' });
    server.addChange('balance', { app: 'inventory', ledger: 'stock', key: { item: 'M-100' }, measures: { qty: 42 } });
    store = makeStore();
    client = makeClient(store, server, { pullLimit: 100 });
    const report = await client.syncNow();
    expect(report).toMatchObject({ ok: true, pulled: 249 });
    expect(server.log.filter((r) => r.path === '/api/sync/pull').length).toBe(3);
    expect(await store.db.records.count()).toBe(246);
    expect((await store.appVersion('inventory'))?.version).toBe(3);
    expect((await store.tasks()).map((t) => t.id)).toEqual(['t-1']);
    expect(await store.availableBalance('inventory', 'stock', { item: 'M-100' })).toEqual({ qty: 42 });
    expect(await cursor(store)).toBe('249');
    const pulled = (await store.recordsByStatus('synced', 1))[0];
    expect(pulled).toMatchObject({ status: 'synced', userId: 'zhao', extras: { workflow: { state: 'approving' } } });
  });

  it('saves the cursor in the same transaction as the page: a failed page leaves neither', async () => {
    const server = new FakeServer();
    for (let i = 0; i < 250; i++) serverRecord(server, i);
    store = makeStore();
    client = makeClient(store, server, { pullLimit: 100 });
    const put = store.db.syncState.put.bind(store.db.syncState);
    let calls = 0;
    vi.spyOn(store.db.syncState, 'put').mockImplementation((row) => {
      if (++calls === 2) throw new Error('crash while saving page 2');
      return put(row);
    });
    const first = await client.syncNow();
    expect(first.ok).toBe(false);
    expect(await store.db.records.count()).toBe(100);
    expect(await cursor(store)).toBe('100');
    vi.restoreAllMocks();
    await client.syncNow();
    expect(await store.db.records.count()).toBe(250);
    expect(await cursor(store)).toBe('250');
  });

  it('keeps a local unsynced edit and stores the pulled version beside it', async () => {
    const server = new FakeServer();
    store = makeStore();
    client = makeClient(store, server);
    const { record } = await store.submitRecord(stockIn(1));
    await client.syncNow();
    server.editOnServer(record.id, { qty: 50 });
    await store.submitRecord({ id: record.id, ...stockIn(2) });
    // Pull only, as if the push had not happened yet.
    await applyPullPage(store.context, { changes: server.changes.slice(-1), cursor: '9', more: false });
    const local = await store.getRecord(record.id);
    expect(local).toMatchObject({ status: 'pending', envelope: { data: { qty: 2 } }, server: { revision: 2 } });
  });

  it('counts a local posting until a balance newer than its acceptance arrives, never twice', async () => {
    const server = new FakeServer();
    const key = { item: 'M-100', location: 'A-03' };
    server.addChange('balance', { app: 'inventory', ledger: 'stock', key, measures: { qty: 20 } });
    store = makeStore();
    client = makeClient(store, server);
    await client.syncNow();
    await store.submitRecord({ ...stockIn(8), postings: [{ ledger: 'stock', key, measures: { qty: -8 } }] });
    expect(await store.availableBalance('inventory', 'stock', key)).toEqual({ qty: 12 });
    await client.syncNow();
    expect(await store.availableBalance('inventory', 'stock', key)).toEqual({ qty: 12 });
    server.addChange('balance', { app: 'inventory', ledger: 'stock', key, measures: { qty: 12 } });
    await client.syncNow();
    expect(await store.availableBalance('inventory', 'stock', key)).toEqual({ qty: 12 });
    expect(await store.db.postings.count()).toBe(0);
  });
});
