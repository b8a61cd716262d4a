import type { MutationResult } from '@gongfang/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { makeStore, stockIn } from '../../test/harness.ts';
import type { OfflineStore } from '../OfflineStore.ts';
import { applyResults, nextBatch } from './outbox.ts';

let store: OfflineStore;

afterEach(() => store?.close());

const posting = (qty: number) => ({ ledger: 'stock', key: { item: 'M-100' }, measures: { qty } });

/** A record saved, then edited before any push: a create and an update in the outbox, with postings. */
async function createdAndEdited() {
  store = makeStore();
  const { record } = await store.submitRecord({ ...stockIn(1), postings: [posting(1)] });
  await store.submitRecord({ id: record.id, ...stockIn(2), postings: [posting(2)] });
  const batch = await nextBatch(store.db, { maxCount: 100, maxBytes: 1_000_000 });
  const [create, update] = batch;
  if (!create || !update) throw new Error('expected two mutations');
  return { id: record.id, batch, create, update };
}

const accepted = (id: string, recordId: string, revision: number, seq: number): MutationResult => ({
  id,
  status: 'accepted',
  recordId,
  revision,
  seq,
});

describe('applying push answers', () => {
  it('applies a create and its update in order: synced at the update, postings at its seq', async () => {
    const { id, batch, create, update } = await createdAndEdited();
    const answered = await applyResults(store.context, batch, [
      accepted(create.id, id, 1, 7),
      accepted(update.id, id, 2, 8),
    ]);
    expect(answered).toBe(2);
    expect(await store.getRecord(id)).toMatchObject({ status: 'synced', serverRevision: 2, seq: 8 });
    expect(await store.outbox()).toEqual([]);
    expect((await store.db.postings.toArray()).map((p) => [p.measures.qty, p.acceptedSeq])).toEqual([[2, 8]]);
  });

  it('keeps a record pending while its later mutation went unanswered, and keeps that one queued', async () => {
    const { id, batch, create, update } = await createdAndEdited();
    expect(await applyResults(store.context, batch, [accepted(create.id, id, 1, 7)])).toBe(1);
    expect(await store.getRecord(id)).toMatchObject({ status: 'pending', serverRevision: 1, seq: 7 });
    expect((await store.outbox()).map((e) => e.id)).toEqual([update.id]);
  });

  it('a refused update after an accepted create: rejected with its reason, refused kept, postings gone', async () => {
    const { id, batch, create, update } = await createdAndEdited();
    await applyResults(store.context, batch, [
      accepted(create.id, id, 1, 7),
      {
        id: update.id,
        status: 'rejected',
        recordId: id,
        code: 'invalid-record',
        problems: [
          { pointer: '/qty', code: 'minimum', message: { 'zh-CN': '数量不能小于 0', en: 'Quantity below 0' } },
        ],
      },
    ]);
    expect(await store.getRecord(id)).toMatchObject({
      status: 'rejected',
      serverRevision: 1,
      rejection: { code: 'invalid-record', problems: [{ pointer: '/qty', code: 'minimum' }] },
    });
    expect((await store.refused()).map((r) => r.id)).toEqual([update.id]);
    expect(await store.db.postings.count()).toBe(0);
  });

  it('ignores answers to unknown ids, repeated answers, and mutations no longer queued', async () => {
    const { id, batch, create, update } = await createdAndEdited();
    await store.db.outbox.delete(update.order!);
    const answered = await applyResults(store.context, batch, [
      accepted('01900000-0000-7000-8000-00000000dead', id, 9, 99),
      accepted(create.id, id, 1, 7),
      accepted(create.id, id, 5, 50),
      accepted(update.id, id, 2, 8),
    ]);
    expect(answered).toBe(1);
    expect(await store.getRecord(id)).toMatchObject({ status: 'synced', serverRevision: 1, seq: 7 });
  });

  it('a conflict keeps the server revision it names', async () => {
    const { id, batch, create } = await createdAndEdited();
    await applyResults(store.context, batch.slice(0, 1), [
      { id: create.id, status: 'conflict', recordId: id, revision: 3, conflictCopy: 'copy-1' },
    ]);
    expect(await store.getRecord(id)).toMatchObject({
      status: 'conflict',
      conflict: { serverRevision: 3, conflictCopy: 'copy-1' },
    });
  });
});
