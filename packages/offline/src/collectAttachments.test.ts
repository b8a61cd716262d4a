import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeServer, makeClient, makeStore, stockIn } from '../test/harness.ts';
import { FRESH_MS } from './collectAttachments.ts';
import type { OfflineStore } from './OfflineStore.ts';
import type { SyncClient } from './sync/SyncClient.ts';

let store: OfflineStore;
let client: SyncClient | undefined;
let now = 1_000_000;

afterEach(async () => {
  vi.restoreAllMocks();
  await client?.stop();
  client = undefined;
  store?.close();
});

/** A store whose clock the test moves. */
function clockedStore(): OfflineStore {
  now = 1_000_000;
  const made = makeStore();
  (made.context as { now: () => number }).now = () => now;
  return made;
}

async function photo(label: string): Promise<{ id: string; name: string; type: string; size: number }> {
  const blob = new Blob([`photo ${label} `.repeat(100)], { type: 'image/jpeg' });
  const { sha256, error } = await store.storeAttachment(blob);
  expect(error).toBeUndefined();
  return { id: sha256, name: `${label}.jpg`, type: 'image/jpeg', size: blob.size };
}

const kept = async (...ids: string[]) => (await store.db.attachments.bulkGet(ids)).map((row) => row !== undefined);

const draftId = '01900000-0000-7000-8000-00000000d001';

describe('attachment collection', () => {
  it('a photo removed on screen goes at once, even when its draft could not be saved; the others stay', async () => {
    store = clockedStore();
    const [a, b, c] = [await photo('a'), await photo('b'), await photo('c')];
    await store.saveDraft({ recordId: draftId, ...stockIn(1, { photos: [a, b, c] }) });
    // The removal's autosave failed (device full): the stored draft still names all three.
    const report = await store.collectAttachments({
      editing: [{ recordId: draftId, data: { ...stockIn(1).data, photos: [a] } }],
    });
    expect(report).toEqual({ deleted: 2, bytes: b.size + c.size });
    expect(await kept(a.id, b.id, c.id)).toEqual([true, false, false]);
  });

  it('keeps what drafts, unsent records and the outbox name; a photo just taken waits, an orphan goes', async () => {
    store = clockedStore();
    const inDraft = await photo('draft');
    const inRejected = await photo('rejected');
    const signature = await photo('signature');
    const orphan = await photo('orphan');
    now += FRESH_MS;
    const justTaken = await photo('just taken');
    await store.saveDraft({ recordId: draftId, ...stockIn(1, { photos: [inDraft] }) });
    const { record } = await store.submitRecord({ ...stockIn(2, { photo: inRejected.id }) });
    await store.db.outbox.clear();
    await store.db.records.update(record.id, { status: 'rejected' });
    await store.queueAction({ recordId: record.id, action: 'approve', signature: signature.id });

    expect(await store.collectAttachments()).toEqual({ deleted: 1, bytes: orphan.size });
    expect(await kept(inDraft.id, inRejected.id, signature.id, justTaken.id, orphan.id)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    now += FRESH_MS;
    expect(await store.collectAttachments()).toEqual({ deleted: 1, bytes: justTaken.size });
  });

  it('once synced, uploaded photos of acknowledged records leave the device; a draft still showing one keeps it', async () => {
    store = clockedStore();
    const server = new FakeServer();
    const first = await photo('first');
    const second = await photo('second');
    await store.submitRecord({ ...stockIn(1, { photo: first.id }), attachments: [first.id] });
    await store.submitRecord({ ...stockIn(2, { photo: second.id }), attachments: [second.id] });
    await store.saveDraft({ recordId: draftId, ...stockIn(3, { photo: second.id }) });
    client = makeClient(store, server);
    expect((await client.syncNow()).ok).toBe(true);
    expect(await store.counts()).toMatchObject({ pending: 0, outbox: 0 });

    expect(await store.collectAttachments()).toEqual({ deleted: 1, bytes: first.size });
    expect(await kept(first.id, second.id)).toEqual([false, true]);
    expect(server.attachments.has(first.id)).toBe(true);
  });

  it('keeps a photo an acknowledged record names while the server may not have it', async () => {
    store = clockedStore();
    const notUploaded = await photo('not uploaded');
    const { record } = await store.submitRecord({ ...stockIn(1, { photo: notUploaded.id }) });
    await store.db.transaction('rw', [store.db.records, store.db.outbox], async () => {
      await store.db.outbox.clear();
      await store.db.records.update(record.id, { status: 'synced', serverRevision: 1 });
    });
    now += FRESH_MS;
    expect(await store.collectAttachments()).toEqual({ deleted: 0, bytes: 0 });
    expect(await kept(notUploaded.id)).toEqual([true]);
  });

  it('a save that fails on a full device starts a collection', async () => {
    store = clockedStore();
    const orphan = await photo('orphan');
    now += FRESH_MS;
    vi.spyOn(store.db.outbox, 'add').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    await expect(store.submitRecord(stockIn(1))).rejects.toMatchObject({ code: 'quota-exceeded' });
    await vi.waitFor(async () => expect(await kept(orphan.id)).toEqual([false]));
    const { record } = await store.submitRecord(stockIn(1));
    expect(record.status).toBe('pending');
  });
});

describe('forms open on screen', () => {
  it('a photo on an open form stays however old, though its draft never saved it; flushDrafts saves the form first', async () => {
    store = clockedStore();
    const onScreen = await photo('on screen');
    // The device filled up: every autosave of this form failed, so no draft names the photo.
    let data: unknown = stockIn(1, { photos: [onScreen] }).data;
    const save = vi.fn(async () => {
      await store.saveDraft({ recordId: draftId, ...stockIn(1), data: data as Record<string, unknown> });
    });
    const close = store.openEditor({ recordId: draftId, data: () => data, save });
    now += 2 * FRESH_MS;
    expect(await store.collectAttachments()).toEqual({ deleted: 0, bytes: 0 });
    expect(await kept(onScreen.id)).toEqual([true]);
    // A sign-out or user switch flushes: the form's pending edits are saved before it goes.
    await store.flushDrafts();
    expect(save).toHaveBeenCalledTimes(1);
    expect((await store.getDraft(draftId))?.data).toMatchObject({ photos: [onScreen] });
    // Removed on screen and the form closed: the photo goes.
    data = stockIn(1).data;
    await store.flushDrafts();
    close();
    expect((await store.collectAttachments()).deleted).toBe(1);
    expect(await kept(onScreen.id)).toEqual([false]);
  });
});
