import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfflineStore } from '../src/OfflineStore.ts';
import type { SyncClient } from '../src/sync/SyncClient.ts';
import { FakeServer, makeClient, makeStore, stockIn } from './harness.ts';

let store: OfflineStore;
let client: SyncClient;

afterEach(async () => {
  vi.restoreAllMocks();
  await client?.stop();
  store?.close();
});

describe('attachments through sync', () => {
  it('a photo lost to a full disk still lets the record sync; the server refusal is kept and shown', async () => {
    const server = new FakeServer();
    store = makeStore();
    vi.spyOn(store.db.attachments, 'put').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    const photo = new Blob(['big photo'], { type: 'image/jpeg' });
    const { sha256, error } = await store.storeAttachment(photo);
    expect(error?.code).toBe('quota-exceeded');
    const { record } = await store.submitRecord({ ...stockIn(1, { photo: sha256 }), attachments: [sha256] });
    client = makeClient(store, server);
    await client.syncNow();
    expect(server.log.some((r) => r.method === 'PUT')).toBe(false);
    expect(await store.getRecord(record.id)).toMatchObject({
      status: 'rejected',
      rejection: { problems: [{ code: 'missing-attachment' }] },
    });
  });

  it('an upload the server refuses (413) is marked failed and does not block the outbox', async () => {
    const server = new FakeServer();
    store = makeStore();
    const { sha256 } = await store.storeAttachment(new Blob(['huge'], { type: 'image/jpeg' }));
    await store.submitRecord({ ...stockIn(1, { photo: sha256 }), attachments: [sha256] });
    await store.submitRecord(stockIn(2));
    server.failures.push({ status: 413 });
    client = makeClient(store, server);
    const report = await client.syncNow();
    expect(report.ok).toBe(true);
    expect(await store.getAttachment(sha256)).toMatchObject({ state: 'failed', error: 413 });
    expect(await store.counts()).toMatchObject({ rejected: 1, pending: 0, outbox: 0 });
    expect(server.records.size).toBe(1);
  });

  it('a device too full to rewrite an uploaded photo row keeps the row without its blob; the record syncs', async () => {
    const server = new FakeServer();
    store = makeStore();
    const { sha256 } = await store.storeAttachment(new Blob(['photo on a full tablet'], { type: 'image/jpeg' }));
    const { record } = await store.submitRecord({ ...stockIn(1, { photo: sha256 }), attachments: [sha256] });
    vi.spyOn(store.db.attachments, 'update').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    client = makeClient(store, server);
    expect((await client.syncNow()).ok).toBe(true);
    expect(server.attachments.has(sha256)).toBe(true);
    const row = await store.getAttachment(sha256);
    expect(row?.state).toBe('uploaded');
    expect(row?.blob).toBeUndefined();
    expect((await store.getRecord(record.id))?.status).toBe('synced');
  });

  it('a 409 on upload means the server already has it', async () => {
    const server = new FakeServer();
    store = makeStore();
    const { sha256 } = await store.storeAttachment(new Blob(['same photo'], { type: 'image/jpeg' }));
    server.attachments.set(sha256, 10);
    await store.submitRecord({ ...stockIn(1, { photo: sha256 }), attachments: [sha256] });
    client = makeClient(store, server);
    await client.syncNow();
    expect((await store.getAttachment(sha256))?.state).toBe('uploaded');
    expect(server.records.size).toBe(1);
  });
});

describe('drafts and submission', () => {
  it('an autosave that lands after the submit does not bring the draft back', async () => {
    store = makeStore();
    const id = '01900000-0000-7000-8000-0000000000ee';
    const late = store.saveDraft({ recordId: id, ...stockIn(1) });
    const again = store.saveDraft({ recordId: id, ...stockIn(2) });
    await store.submitRecord({ id, ...stockIn(2) });
    await Promise.all([late, again]);
    await store.flushDrafts();
    expect(await store.getDraft(id)).toBeUndefined();
  });
});
