import { afterEach, describe, expect, it, vi } from 'vitest';
import { field, makeStore, stockIn } from '../test/harness.ts';
import { OfflineError } from './errors.ts';
import type { OfflineStore } from './OfflineStore.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
let store: OfflineStore;

afterEach(() => {
  vi.restoreAllMocks();
  store?.close();
});

describe('records and the outbox', () => {
  it('saves a record and its create mutation together, and removes its draft', async () => {
    store = makeStore('wang');
    await store.saveDraft({ recordId: '01900000-0000-7000-8000-000000000001', ...stockIn(3) });
    const { record } = await store.submitRecord({ id: '01900000-0000-7000-8000-000000000001', ...stockIn(3) });
    expect(record.status).toBe('pending');
    expect(record.envelope).toMatchObject({ revision: 1, createdBy: 'wang', deviceId: 'tablet-7' });
    const [entry, ...rest] = await store.outbox();
    expect(rest).toEqual([]);
    expect(entry?.mutation).toMatchObject({ kind: 'create', record: { id: record.id } });
    expect(entry?.userId).toBe('wang');
    expect(await store.getDraft(record.id)).toBeUndefined();
  });

  it('never keeps a record without its mutation: a failed outbox write rolls the record back', async () => {
    store = makeStore();
    vi.spyOn(store.db.outbox, 'add').mockRejectedValueOnce(new Error('disk gone'));
    await expect(store.submitRecord(stockIn(1))).rejects.toThrow('disk gone');
    expect(await store.db.records.count()).toBe(0);
    expect(await store.db.outbox.count()).toBe(0);
  });

  it('chains an edit of an unsent record as an update on its revision', async () => {
    store = makeStore();
    const { record } = await store.submitRecord(stockIn(1));
    await store.submitRecord({ id: record.id, ...stockIn(2) });
    const kinds = (await store.outbox()).map((e) => e.mutation);
    expect(kinds).toMatchObject([
      { kind: 'create', record: { revision: 1 } },
      { kind: 'update', baseRevision: 1, record: { revision: 2, data: { qty: 2 } } },
    ]);
  });

  it('lists the newest records of a form, by status, and counts what waits', async () => {
    let now = 1_000;
    store = makeStore();
    (store.context as { now: () => number }).now = () => now++;
    for (let i = 0; i < 30; i++) await store.submitRecord(stockIn(i));
    await store.submitRecord({ ...stockIn(99), form: 'stock_out' });
    const newest = await store.newestRecords('inventory', 'stock_in', 5);
    expect(newest.map((r) => field(r.envelope, 'qty'))).toEqual([29, 28, 27, 26, 25]);
    expect((await store.recordsByStatus('pending', 3)).map((r) => field(r.envelope, 'qty'))).toEqual([99, 29, 28]);
    expect(await store.counts()).toEqual({ pending: 31, rejected: 0, conflict: 0, outbox: 31 });
  });

  it('refuses to save with nobody signed in', async () => {
    store = makeStore(null);
    await expect(store.submitRecord(stockIn(1))).rejects.toMatchObject({ code: 'invalid-state' });
  });
});

describe('drafts', () => {
  it('autosave writes the newest value and skips values overtaken while a write is in flight', async () => {
    store = makeStore('li');
    // Each finished write tells the store's listeners once.
    let writes = 0;
    store.onChange((change) => {
      if (change === 'draft') writes++;
    });
    const id = '01900000-0000-7000-8000-0000000000aa';
    const saves = Array.from({ length: 50 }, (_, i) => store.saveDraft({ recordId: id, ...stockIn(i) }));
    await Promise.all(saves);
    await store.flushDrafts();
    expect((await store.getDraft(id))?.data).toEqual({ item: 'M-100', qty: 49 });
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(3);
  });

  it('a late autosave of a submitted record is dropped, but a draft editing it (with its revision) is kept', async () => {
    store = makeStore();
    const { record } = await store.submitRecord(stockIn(1));
    await expect(store.saveDraft({ recordId: record.id, ...stockIn(2) })).resolves.toBeUndefined();
    expect(await store.getDraft(record.id)).toBeUndefined();
    await store.saveDraft({ recordId: record.id, ...stockIn(3), baseRevision: 1 });
    expect(field(await store.getDraft(record.id), 'qty')).toBe(3);
    expect(field((await store.getRecord(record.id))?.envelope, 'qty')).toBe(1);
  });

  it('a draft that cannot be stored rejects and leaves the saved draft as it was', async () => {
    store = makeStore();
    const id = '01900000-0000-7000-8000-0000000000ab';
    await store.saveDraft({ recordId: id, ...stockIn(1) });
    const unclonable = { ...stockIn(2), data: { qty: 2, at: () => 0 } };
    await expect(store.saveDraft({ recordId: id, ...unclonable })).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(field(await store.getDraft(id), 'qty')).toBe(1);
  });

  it('a draft saved after the connection closed reopens it', async () => {
    store = makeStore();
    const id = '01900000-0000-7000-8000-0000000000ac';
    await store.saveDraft({ recordId: id, ...stockIn(1) });
    store.close();
    await store.saveDraft({ recordId: id, ...stockIn(2) });
    expect(field(await store.getDraft(id), 'qty')).toBe(2);
  });

  it('lists drafts by user, newest first, across user switches', async () => {
    store = makeStore('li');
    await store.saveDraft({ recordId: '01900000-0000-7000-8000-000000000011', ...stockIn(1) });
    store.signIn('zhao');
    await store.saveDraft({ recordId: '01900000-0000-7000-8000-000000000022', ...stockIn(2) });
    expect((await store.draftsOf('li')).map((d) => field(d, 'qty'))).toEqual([1]);
    expect((await store.draftsOf('zhao')).map((d) => d.userId)).toEqual(['zhao']);
  });
});

describe('durability and errors', () => {
  it('a draft save on a full device is a quota-exceeded error, localized, and the saved draft stays', async () => {
    store = makeStore();
    const id = '01900000-0000-7000-8000-0000000000ad';
    await store.saveDraft({ recordId: id, ...stockIn(1) });
    const errors: OfflineError[] = [];
    store.onError((e) => errors.push(e));
    const proto = Object.getPrototypeOf(store.db.backendDB().transaction('drafts').objectStore('drafts'));
    vi.spyOn(proto, 'put').mockImplementationOnce(() => {
      throw quota();
    });
    const failed = await store.saveDraft({ recordId: id, ...stockIn(2) }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(OfflineError);
    expect((failed as OfflineError).code).toBe('quota-exceeded');
    expect((failed as OfflineError).localized.en).toContain('storage is full');
    expect(errors.map((e) => e.code)).toEqual(['quota-exceeded']);
    expect(field(await store.getDraft(id), 'qty')).toBe(1);
  });

  it('a quota error on the photo keeps the text record and marks the photo missing', async () => {
    store = makeStore();
    vi.spyOn(store.db.attachments, 'put').mockRejectedValueOnce(quota());
    const photo = new Blob(['jpeg bytes'], { type: 'image/jpeg' });
    const result = await store.submitRecord(stockIn(4), [photo]);
    expect(result.missingAttachments).toHaveLength(1);
    const error = result.missingAttachments[0]?.error;
    expect(error).toBeInstanceOf(OfflineError);
    expect(error?.code).toBe('quota-exceeded');
    expect(error?.localized['zh-CN']).toContain('存储空间已满');
    expect(field((await store.getRecord(result.record.id))?.envelope, 'qty')).toBe(4);
    expect(await store.db.outbox.count()).toBe(1);
    const row = await store.getAttachment(result.missingAttachments[0]!.sha256);
    expect(row).toMatchObject({ state: 'missing' });
    expect(row?.blob).toBeUndefined();
  });

  it('a quota error on the record is a typed error and loses nothing saved before', async () => {
    store = makeStore();
    const errors: string[] = [];
    store.onError((e) => errors.push(e.code));
    await store.submitRecord(stockIn(1));
    vi.spyOn(store.db.records, 'put').mockRejectedValueOnce(quota());
    await expect(store.submitRecord(stockIn(2))).rejects.toMatchObject({ code: 'quota-exceeded' });
    expect(errors).toEqual(['quota-exceeded']);
    expect((await store.recordsByStatus('pending')).map((r) => field(r.envelope, 'qty'))).toEqual([1]);
    expect(await store.db.outbox.count()).toBe(1);
  });

  it('reopens a closed connection once and carries on', async () => {
    store = makeStore();
    await store.submitRecord(stockIn(1));
    store.db.close();
    await store.submitRecord(stockIn(2));
    expect((await store.counts()).pending).toBe(2);
  });

  it('reports db-unavailable when the reopen fails too', async () => {
    store = makeStore();
    await store.submitRecord(stockIn(1));
    store.db.close();
    const open = vi
      .spyOn(store.db, 'open')
      .mockRejectedValue(Object.assign(new Error('nope'), { name: 'OpenFailedError' }));
    await expect(store.counts()).rejects.toMatchObject({ code: 'db-unavailable' });
    expect(open).toHaveBeenCalledTimes(1);
  });
});

describe('apps and ledgers', () => {
  it('keeps every app version a local record still needs and drops the others', async () => {
    store = makeStore();
    const def = (version: number) => ({ id: 'inventory', version }) as never;
    for (const v of [1, 2, 3, 4]) await store.putAppVersion(def(v));
    await store.submitRecord({ ...stockIn(1), version: 2 });
    expect(await store.pruneAppVersions('inventory')).toBe(2);
    expect((await store.db.apps.toArray()).map((a) => a.version)).toEqual([2, 4]);
    expect((await store.appVersion('inventory'))?.version).toBe(4);
  });

  it('adds local postings of unsynced records to the last synced balance', async () => {
    store = makeStore();
    const key = { item: 'M-100', location: 'A-03' };
    await store.db.balances.put({
      id: 'inventory/stock/item=M-100|location=A-03',
      app: 'inventory',
      ledger: 'stock',
      key,
      measures: { qty: 20 },
      seq: 5,
    });
    await store.submitRecord({ ...stockIn(8), postings: [{ ledger: 'stock', key, measures: { qty: -8 } }] });
    expect(await store.availableBalance('inventory', 'stock', { location: 'A-03', item: 'M-100' })).toEqual({
      qty: 12,
    });
  });
});
