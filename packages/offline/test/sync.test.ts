import { afterEach, describe, expect, it } from 'vitest';
import type { OfflineStore } from '../src/OfflineStore.ts';
import type { SyncClient } from '../src/sync/SyncClient.ts';
import { FakeServer, field, makeClient, makeStore, stockIn } from './harness.ts';

let store: OfflineStore;
let client: SyncClient;

afterEach(async () => {
  await client?.stop();
  store?.close();
});

describe('push', () => {
  it('syncs 500 saved records: 500 on the server, no duplicates, batches of at most 200 (the contract’s most)', async () => {
    const server = new FakeServer();
    store = makeStore();
    for (let i = 0; i < 500; i++) await store.submitRecord(stockIn(i));
    client = makeClient(store, server);
    const report = await client.syncNow();
    expect(report).toMatchObject({ ok: true, pushed: 500 });
    expect(server.records.size).toBe(500);
    expect(server.applied).toHaveLength(500);
    const pushes = server.log.filter((r) => r.path === '/api/sync/push');
    expect(pushes.map((p) => p.mutationIds.length)).toEqual([200, 200, 100]);
    expect(await store.counts()).toEqual({ pending: 0, rejected: 0, conflict: 0, outbox: 0 });
    expect((await store.recordsByStatus('synced')).length).toBe(500);
    expect(client.status.getSnapshot()).toMatchObject({ pending: 0, syncing: false, lastError: undefined });
    expect(client.status.getSnapshot().lastSyncAt).toBeTypeOf('number');
  });

  it('splits batches by bytes too', async () => {
    const server = new FakeServer();
    store = makeStore();
    for (let i = 0; i < 6; i++) await store.submitRecord(stockIn(i, { note: 'x'.repeat(4000) }));
    client = makeClient(store, server, { batch: { maxBytes: 10_000 } });
    await client.syncNow();
    expect(server.log.filter((r) => r.path === '/api/sync/push').map((p) => p.mutationIds.length)).toEqual([2, 2, 2]);
  });

  it('sends cookies and the CSRF header', async () => {
    const server = new FakeServer();
    store = makeStore();
    await store.submitRecord(stockIn(1));
    client = makeClient(store, server);
    await client.syncNow();
    expect(server.log[0]).toMatchObject({ path: '/api/sync/push', csrf: 'csrf-123', credentials: 'include' });
    expect(server.log.find((r) => r.path === '/api/sync/pull')?.credentials).toBe('include');
  });

  it('a response lost after the server committed is retried with the same ids: no duplicate', async () => {
    const server = new FakeServer();
    store = makeStore();
    for (let i = 0; i < 3; i++) await store.submitRecord(stockIn(i));
    server.failures.push({ dropAfterCommit: true });
    client = makeClient(store, server);
    const first = await client.syncNow();
    expect(first.error?.code).toBe('network');
    expect(server.records.size).toBe(3);
    expect(await store.counts()).toMatchObject({ pending: 3, outbox: 3 });
    const second = await client.syncNow();
    expect(second.ok).toBe(true);
    const [a, b] = server.log.filter((r) => r.path === '/api/sync/push');
    expect(b?.mutationIds).toEqual(a?.mutationIds);
    expect(server.applied).toHaveLength(3);
    expect(await store.counts()).toMatchObject({ pending: 0, outbox: 0 });
  });

  it('keeps a rejected record with its reason and field problems, and sends the others', async () => {
    const server = new FakeServer();
    store = makeStore();
    const bad = await store.submitRecord(stockIn(-5));
    await store.submitRecord(stockIn(5));
    await store.queueAction({ recordId: bad.record.id, action: 'comment', comment: '请复核' });
    client = makeClient(store, server);
    await client.syncNow();
    expect(server.records.size).toBe(1);
    const [rejected, ...others] = await store.recordsByStatus('rejected');
    expect(others).toEqual([]);
    expect(rejected?.id).toBe(bad.record.id);
    expect(field(rejected?.envelope, 'qty')).toBe(-5);
    expect(rejected?.rejection).toMatchObject({
      code: 'invalid-record',
      problems: [{ pointer: '/qty', code: 'minimum' }],
    });
    expect(await store.counts()).toEqual({ pending: 0, rejected: 1, conflict: 0, outbox: 0 });
    expect((await store.refused()).map((r) => r.recordId)).toEqual([bad.record.id]);
    expect(client.status.getSnapshot().rejected).toBe(1);

    // The user fixes it: a new create (the server never had it) that is accepted.
    await store.submitRecord({ id: bad.record.id, ...stockIn(5) });
    await client.syncNow();
    expect(field(server.records.get(bad.record.id), 'qty')).toBe(5);
    expect((await store.getRecord(bad.record.id))?.status).toBe('synced');
  });

  it('uploads the attachments a mutation names before the mutation', async () => {
    const server = new FakeServer();
    store = makeStore();
    const photo = await store.storeAttachment(new Blob(['photo-bytes'], { type: 'image/jpeg' }));
    await store.submitRecord({ ...stockIn(1, { photo: photo.sha256 }), attachments: [photo.sha256] });
    client = makeClient(store, server);
    await client.syncNow();
    expect(server.log.slice(0, 2).map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT /api/attachments/${photo.sha256}`,
      'POST /api/sync/push',
    ]);
    expect(server.records.size).toBe(1);
    expect((await store.getAttachment(photo.sha256))?.state).toBe('uploaded');
  });
});

describe('conflicts', () => {
  async function conflicted(server: FakeServer) {
    store = makeStore();
    client = makeClient(store, server);
    const { record } = await store.submitRecord(stockIn(1));
    await client.syncNow();
    server.editOnServer(record.id, { item: 'M-100', qty: 100 });
    await store.submitRecord({ id: record.id, ...stockIn(2) });
    await client.syncNow();
    return record.id;
  }

  it('keeps both versions and lets the user keep theirs', async () => {
    const server = new FakeServer();
    const id = await conflicted(server);
    const local = await store.getRecord(id);
    expect(local?.status).toBe('conflict');
    expect(field(local?.envelope, 'qty')).toBe(2);
    expect(field(local?.conflict?.theirs, 'qty')).toBe(100);
    expect(client.status.getSnapshot().conflict).toBe(1);
    const resolved = await store.resolveConflict(id, 'theirs');
    expect(resolved).toMatchObject({ status: 'synced', serverRevision: 2, envelope: { data: { qty: 100 } } });
    expect(await store.counts()).toMatchObject({ conflict: 0, outbox: 0 });
  });

  it("keeps mine as a new update on top of the server's revision", async () => {
    const server = new FakeServer();
    const id = await conflicted(server);
    await store.resolveConflict(id, 'mine');
    const [entry] = await store.outbox();
    expect(entry?.mutation).toMatchObject({ kind: 'update', baseRevision: 2, record: { revision: 3 } });
    await client.syncNow();
    expect(server.records.get(id)).toMatchObject({ revision: 3, data: { qty: 2 } });
    expect(await store.getRecord(id)).toMatchObject({ status: 'synced', serverRevision: 3 });
  });
});

describe('shared tablet', () => {
  it("switching user neither drops nor re-attributes another user's unsynced work", async () => {
    const server = new FakeServer();
    store = makeStore('wang');
    const wang = await store.submitRecord(stockIn(1));
    await store.saveDraft({ recordId: '01900000-0000-7000-8000-0000000000dd', ...stockIn(7) });
    store.signIn('li');
    const li = await store.submitRecord(stockIn(2));
    client = makeClient(store, server);
    await client.syncNow();
    // Li's session pushes only Li's work; Wang's stays queued, still Wang's.
    expect([...server.records.keys()]).toEqual([li.record.id]);
    const waiting = await store.getRecord(wang.record.id);
    expect(waiting).toMatchObject({ status: 'pending', userId: 'wang', envelope: { createdBy: 'wang' } });
    expect((await store.outbox()).map((e) => e.userId)).toEqual(['wang']);
    expect((await store.draftsOf('wang')).length).toBe(1);
    store.signIn('wang');
    await client.syncNow();
    expect(server.records.get(wang.record.id)?.createdBy).toBe('wang');
    expect(await store.counts()).toMatchObject({ pending: 0, outbox: 0 });
  });

  it("holds another user's later edit of a record whose create is still queued", async () => {
    const server = new FakeServer();
    store = makeStore('wang');
    const { record } = await store.submitRecord(stockIn(1));
    store.signIn('li');
    await store.submitRecord({ id: record.id, ...stockIn(2) });
    client = makeClient(store, server);
    await client.syncNow();
    expect(server.pushCount()).toBe(0);
    expect(await store.db.outbox.count()).toBe(2);
  });
});
