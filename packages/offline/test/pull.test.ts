import type { AppChange, Task } from '@gongfang/schema';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GongfangDb } from '../src/db.ts';
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
  server.addRecord({ record, workflow: { status: 'running' } });
  return id;
}

function appChange(version: number): AppChange {
  const definition = { id: 'inventory', version, name: { 'zh-CN': '出入库', en: 'Inventory' }, forms: [] };
  return { app: 'inventory', version, definition, publishedAt: '2025-03-01T08:00:00Z' };
}

function task(id: string, status: Task['status'], recordId = '0195f1c2-0000-7000-8000-000000000001'): Task {
  const createdAt = '2025-03-01T08:00:00Z';
  return { id, recordId, app: 'inventory', form: 'stock_out', node: 'lead', assignee: 'wang', status, createdAt };
}

async function cursor(s: OfflineStore): Promise<string | undefined> {
  return (await s.db.syncState.get('sync'))?.cursor;
}

describe('pull', () => {
  it('pulls page by page while `more`, applying apps, records, tasks and balances', async () => {
    const server = new FakeServer();
    server.addApp(appChange(3));
    for (let i = 0; i < 246; i++) serverRecord(server, i);
    server.addTask(task('t-1', 'open'));
    server.addBalance({ app: 'inventory', ledger: 'stock', key: { item: 'M-100' }, measures: { qty: 42 } });
    store = makeStore();
    client = makeClient(store, server, { pullLimit: 100 });
    const report = await client.syncNow();
    expect(report).toMatchObject({ ok: true, pulled: 249 });
    expect(server.log.filter((r) => r.path === '/api/sync/pull').length).toBe(3);
    expect(await store.db.records.count()).toBe(246);
    expect((await store.appVersion('inventory'))?.version).toBe(3);
    expect((await store.tasks()).map((t) => t.task)).toEqual([task('t-1', 'open')]);
    expect(await store.availableBalance('inventory', 'stock', { item: 'M-100' })).toEqual({ qty: 42 });
    expect(await cursor(store)).toBe('249');
    const pulled = (await store.recordsByStatus('synced', 1))[0];
    expect(pulled).toMatchObject({ status: 'synced', userId: 'zhao', extras: { workflow: { status: 'running' } } });
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
    server.addBalance({ app: 'inventory', ledger: 'stock', key, measures: { qty: 20 } });
    store = makeStore();
    client = makeClient(store, server);
    await client.syncNow();
    await store.submitRecord({ ...stockIn(8), postings: [{ ledger: 'stock', key, measures: { qty: -8 } }] });
    expect(await store.availableBalance('inventory', 'stock', key)).toEqual({ qty: 12 });
    await client.syncNow();
    expect(await store.availableBalance('inventory', 'stock', key)).toEqual({ qty: 12 });
    server.addBalance({ app: 'inventory', ledger: 'stock', key, measures: { qty: 12 } });
    await client.syncNow();
    expect(await store.availableBalance('inventory', 'stock', key)).toEqual({ qty: 12 });
    expect(await store.db.postings.count()).toBe(0);
  });

  it("stores an app change's definition under the app and version it names, with publishedAt", async () => {
    const server = new FakeServer();
    server.addApp(appChange(2));
    server.addApp(appChange(3));
    store = makeStore();
    client = makeClient(store, server);
    await client.syncNow();
    expect(await store.appVersion('inventory')).toMatchObject({
      id: 'inventory',
      version: 3,
      name: { en: 'Inventory' },
    });
    expect(await store.appVersion('inventory', 2)).toMatchObject({ version: 2 });
    const row = await store.db.apps.get(['inventory', 3]);
    expect(row).toMatchObject({ app: 'inventory', version: 3, publishedAt: '2025-03-01T08:00:00Z' });
    expect(row?.definition).not.toHaveProperty('definition');
  });

  it('reads only the contract shapes: a bare definition or bare task is skipped, the page still applies', async () => {
    const server = new FakeServer();
    server.changes.push({ seq: 1, type: 'app', data: { id: 'inventory', version: 9, forms: [] } });
    server.changes.push({ seq: 2, type: 'task', data: task('t-bare', 'open') });
    serverRecord(server, 5);
    store = makeStore();
    client = makeClient(store, server);
    expect(await client.syncNow()).toMatchObject({ ok: true });
    expect(await store.db.apps.count()).toBe(0);
    expect(await store.tasks()).toEqual([]);
    expect(await store.db.records.count()).toBe(1);
  });

  it('keeps the open tasks of the user and lets a task go once it is approved, rejected or cancelled', async () => {
    const server = new FakeServer();
    server.addTask(task('t-1', 'open'));
    server.addTask(task('t-2', 'open'));
    server.addTask(task('t-3', 'open'));
    store = makeStore();
    client = makeClient(store, server);
    await client.syncNow();
    expect((await store.tasks()).map((t) => t.task.id).sort()).toEqual(['t-1', 't-2', 't-3']);
    server.addTask(task('t-1', 'approved'));
    server.addTask(task('t-3', 'cancelled'));
    await client.syncNow();
    const rows = await store.tasks();
    const { recordId } = task('t-2', 'open');
    expect(rows).toEqual([{ id: `${recordId}/t-2`, recordId, task: task('t-2', 'open'), seq: 2 }]);
  });

  it('two records with a task of the same id (the same review node) are both kept, and close apart', async () => {
    const server = new FakeServer();
    const [a, b] = ['0195f1c2-0000-7000-8000-00000000000a', '0195f1c2-0000-7000-8000-00000000000b'];
    server.addTask(task('qc_review', 'open', a));
    server.addTask(task('qc_review', 'open', b));
    store = makeStore();
    client = makeClient(store, server);
    await client.syncNow();
    expect((await store.tasks()).map((t) => t.recordId).sort()).toEqual([a, b]);
    server.addTask(task('qc_review', 'approved', a));
    await client.syncNow();
    expect((await store.tasks()).map((t) => t.recordId)).toEqual([b]);
  });

  it("keeps workflow and conflictOf as the record's extras, not the record or its seq again", async () => {
    const server = new FakeServer();
    const id = serverRecord(server, 3);
    const copy = uuidv7();
    const record = { ...server.records.get(id)!, id: copy };
    server.addRecord({ record, workflow: { status: 'none' }, conflictOf: id });
    store = makeStore();
    client = makeClient(store, server);
    await client.syncNow();
    expect((await store.getRecord(id))?.extras).toEqual({ workflow: { status: 'running' } });
    expect((await store.getRecord(copy))?.extras).toEqual({ workflow: { status: 'none' }, conflictOf: id });
  });

  it('drops a record the user may no longer see, with its tasks, unless the device has unsent work on it', async () => {
    const server = new FakeServer();
    const gone = serverRecord(server, 1);
    const kept = serverRecord(server, 2);
    server.addTask(task('t-gone', 'open', gone));
    store = makeStore();
    client = makeClient(store, server);
    await client.syncNow();
    expect(await store.db.records.count()).toBe(2);
    const keptRecord = server.records.get(kept)!;
    await store.submitRecord({ id: kept, app: 'inventory', form: 'stock_in', version: 1, data: { qty: 7 } });
    const changes = [
      { seq: 100, type: 'record' as const, data: { record: server.records.get(gone)!, seq: 100, deleted: true } },
      { seq: 101, type: 'record' as const, data: { record: keptRecord, seq: 101, deleted: true } },
    ];
    await applyPullPage(store.context, { changes, cursor: '101', more: false });
    expect(await store.getRecord(gone)).toBeUndefined();
    expect(await store.tasks()).toEqual([]);
    expect(await store.getRecord(kept)).toMatchObject({ status: 'pending', envelope: { data: { qty: 7 } } });
  });
});

describe('pulled page writer', () => {
  it('finds local unsent edits when the page spans more records than its quick look-up reads', async () => {
    store = makeStore();
    // Nine pending records, then a page of three whose id range holds all nine (more than 2 x 3).
    const ids = Array.from({ length: 11 }, () => uuidv7());
    for (const id of ids.slice(1, 10)) await store.submitRecord({ id, ...stockIn(1) });
    const at = new Date().toISOString();
    const pulled = (id: string, qty: number, seq: number) => ({
      seq,
      type: 'record' as const,
      data: { record: { id, ...stockIn(qty), revision: 3, createdBy: 'zhao', createdAt: at, deviceId: 'web' } },
    });
    const changes = [
      pulled(ids[0] as string, 10, 1),
      pulled(ids[10] as string, 11, 2),
      pulled(ids[5] as string, 12, 3),
    ];
    await applyPullPage(store.context, { changes, cursor: '3', more: false });
    expect(await store.getRecord(ids[5] as string)).toMatchObject({
      status: 'pending',
      envelope: { data: { qty: 1 } },
      server: { revision: 3, data: { qty: 12 } },
    });
    expect(await store.getRecord(ids[0] as string)).toMatchObject({
      status: 'synced',
      envelope: { data: { qty: 10 } },
    });
    expect(await store.getRecord(ids[10] as string)).toMatchObject({
      status: 'synced',
      envelope: { data: { qty: 11 } },
    });
  });

  it("writes a pulled page relaxed and the operator's own records strict", async () => {
    // Dexie binds the connection's transaction() when it opens: spy on every connection's first.
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    store = makeStore();
    const { record } = await store.submitRecord(stockIn(1));
    const at = new Date().toISOString();
    const change = {
      seq: 1,
      type: 'record' as const,
      data: { record: { id: uuidv7(), ...stockIn(2), revision: 1, createdBy: 'zhao', createdAt: at, deviceId: 'web' } },
    };
    await applyPullPage(store.context, { changes: [change], cursor: '1', more: false });
    const writes = transaction.mock.calls
      .filter(([, mode]) => mode === 'readwrite')
      .map(([stores, , options]) => [[...stores].includes('syncState') ? 'page' : 'own', options?.durability]);
    expect(writes).toEqual([
      ['own', 'strict'],
      ['page', 'relaxed'],
    ]);
    expect(await store.getRecord(record.id)).toMatchObject({ status: 'pending' });
  });
});

describe('device database upgrade', () => {
  it('keys v2 task rows by record and task, keeping every open task of two records', async () => {
    const name = `gf-upgrade-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores({ tasks: 'id, recordId', records: 'id, status' });
    const a = task('review', 'open', '0195f1c2-0000-7000-8000-00000000000a');
    const b = task('check', 'open', '0195f1c2-0000-7000-8000-00000000000b');
    await v2.table('tasks').bulkPut([
      { id: 'review', recordId: a.recordId, task: a, seq: 7 },
      { id: 'check', recordId: b.recordId, task: b, seq: 8 },
    ]);
    await v2.table('records').put({ id: 'r-1', status: 'pending' });
    v2.close();
    const db = new GongfangDb(name);
    const rows = await db.tasks.orderBy('id').toArray();
    expect(rows).toEqual([
      { id: `${a.recordId}/review`, recordId: a.recordId, task: a, seq: 7 },
      { id: `${b.recordId}/check`, recordId: b.recordId, task: b, seq: 8 },
    ]);
    // Nothing else is touched; the tables v2 lacked are made.
    expect(await db.records.get('r-1')).toEqual({ id: 'r-1', status: 'pending' });
    expect(await db.outbox.count()).toBe(0);
    expect(db.verno).toBe(3);
    db.close();
  });

  it('moves v1 task rows (pulled data as it came) to the Task under `task`, dropping closed ones', async () => {
    const name = `gf-upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ tasks: 'id, recordId' });
    await v1.table('tasks').bulkPut([
      { id: 't-1', data: { task: task('t-1', 'open') }, seq: 4 },
      { id: 't-2', data: task('t-2', 'open'), seq: 5 },
      { id: 't-3', data: { task: task('t-3', 'approved') }, seq: 6 },
    ]);
    v1.close();
    const db = new GongfangDb(name);
    const rows = await db.tasks.orderBy('id').toArray();
    // v3 keys them by record and task.
    const recordId = task('t-1', 'open').recordId;
    expect(rows.map((r) => [r.id, r.task.status, r.seq])).toEqual([
      [`${recordId}/t-1`, 'open', 4],
      [`${recordId}/t-2`, 'open', 5],
    ]);
    db.close();
  });
});
