import type { MutationResult } from '@gongfang/schema';
import type { StoreContext } from '../context.ts';
import type { GongfangDb } from '../db.ts';
import type { OutboxEntry, RefusedMutation, StoredRecord } from '../types.ts';

export interface BatchLimits {
  maxCount: number;
  maxBytes: number;
  /**
   * Push only this user's mutations (the session's). Another user's work waits, attributed to
   * them, and so does anything later on a record that has one of their mutations still queued,
   * since it depends on it.
   */
  user?: string;
}

/** Where a scan of the outbox resumes: after an entry, with the records held up to it. */
export interface BatchStart {
  after: number;
  held: ReadonlySet<string>;
}

export interface Batch {
  entries: OutboxEntry[];
  /** Where the next batch's scan resumes, once this one is settled. */
  next: BatchStart;
}

/**
 * The next mutations to push, in outbox order, within the count and byte limits (at least one).
 * From `start`, the scan resumes after a batch still in flight (the next push made ready meanwhile).
 */
export async function nextBatch(db: GongfangDb, limits: BatchLimits, start?: BatchStart): Promise<OutboxEntry[]> {
  return (await scanBatch(db, limits, start)).entries;
}

export async function scanBatch(db: GongfangDb, limits: BatchLimits, start?: BatchStart): Promise<Batch> {
  const batch: OutboxEntry[] = [];
  const heldRecords = new Set(start?.held);
  let bytes = 0;
  let full = false;
  const entries = start ? db.outbox.where('order').above(start.after) : db.outbox.orderBy('order');
  await entries
    .until(() => full)
    .each((entry) => {
      if (full) return;
      const held = limits.user !== undefined && entry.userId !== limits.user;
      if (held || heldRecords.has(entry.recordId)) {
        heldRecords.add(entry.recordId);
        return;
      }
      if (batch.length > 0 && bytes + entry.bytes > limits.maxBytes) {
        full = true;
        return;
      }
      batch.push(entry);
      bytes += entry.bytes;
      if (batch.length >= limits.maxCount) full = true;
    });
  return { entries: batch, next: { after: batch.at(-1)?.order ?? start?.after ?? 0, held: heldRecords } };
}

/** What the answers did to one record's local postings: the last accepted seq, or deleted. */
type PostingsChange = { deleted: true } | { deleted: false; seq: number };

/**
 * Applies the server's answers to a pushed batch in one transaction. Answers are matched by
 * mutation id; a mutation without an answer stays queued and is pushed again with the same id,
 * which the server answers with its first answer. Records are never deleted here.
 *
 * The answers are applied in order, as if one by one, but on rows read and written in bulk (a
 * handful of requests for the whole batch): one request per answer took 2-3 s for 100 answers
 * on a tablet-class CPU, longer than the push itself on a slow network.
 */
export async function applyResults(
  ctx: StoreContext,
  batch: readonly OutboxEntry[],
  results: readonly MutationResult[],
): Promise<number> {
  const byId = new Map(batch.map((entry) => [entry.id, entry]));
  const now = ctx.now();
  const answered = await ctx.conn.run((db) =>
    db.transaction('rw', [db.records, db.outbox, db.postings, db.refused], async () => {
      const pairs: [OutboxEntry, MutationResult][] = [];
      for (const result of results) {
        const entry = byId.get(result.id);
        if (!entry) continue;
        byId.delete(result.id);
        pairs.push([entry, result]);
      }
      // Still queued as pushed (not dropped by a conflict resolution meanwhile); keys only, the
      // mutations themselves need not be read again.
      const queuedOrders = new Set(
        await db.outbox
          .where('id')
          .anyOf(pairs.map(([entry]) => entry.id))
          .primaryKeys(),
      );
      const settled = pairs.filter(([entry]) => queuedOrders.has(entry.order!));
      if (settled.length === 0) return 0;
      await db.outbox.bulkDelete(settled.map(([entry]) => entry.order!));
      const recordIds = [...new Set(settled.map(([entry]) => entry.recordId))];
      // Mutations of each record still queued once this batch is gone, plus, while applying in
      // order, the batch's later ones: what "still queued" meant for each answer one by one.
      const queued = new Map<string, number>();
      for (const id of await db.outbox.where('recordId').anyOf(recordIds).keys()) {
        queued.set(String(id), (queued.get(String(id)) ?? 0) + 1);
      }
      for (const [entry] of settled) queued.set(entry.recordId, (queued.get(entry.recordId) ?? 0) + 1);
      const stored = await db.records.bulkGet(recordIds);
      const records = new Map(recordIds.map((id, i) => [id, stored[i]]));
      const changed = new Set<string>();
      const postings = new Map<string, PostingsChange>();
      const refused: RefusedMutation[] = [];
      for (const [entry, result] of settled) {
        queued.set(entry.recordId, (queued.get(entry.recordId) ?? 1) - 1);
        if (result.status === 'rejected') refused.push(refusal(entry, result, now));
        if (entry.mutation.kind === 'action') continue;
        const record = records.get(entry.recordId);
        if (!record) continue;
        records.set(entry.recordId, applyOne(record, entry, result, now, queued.get(entry.recordId) ?? 0));
        changed.add(entry.recordId);
        if (result.status === 'rejected') postings.set(entry.recordId, { deleted: true });
        else if (result.status === 'accepted' && result.seq !== undefined && !postings.get(entry.recordId)?.deleted) {
          postings.set(entry.recordId, { deleted: false, seq: result.seq });
        }
      }
      if (refused.length > 0) await db.refused.bulkPut(refused);
      await db.records.bulkPut([...changed].map((id) => records.get(id) as StoredRecord));
      await writePostingChanges(db, postings);
      return settled.length;
    }),
  );
  ctx.emit('sync');
  return answered;
}

function refusal(entry: OutboxEntry, result: MutationResult, at: number): RefusedMutation {
  return {
    id: entry.id,
    recordId: entry.recordId,
    entry,
    code: result.code ?? 'rejected',
    problems: result.problems ?? [],
    at,
    ...(result.message ? { message: result.message } : {}),
  };
}

/** Accepted postings count until a newer balance; a refused record posts nothing (its fix re-posts). */
async function writePostingChanges(db: GongfangDb, changes: ReadonlyMap<string, PostingsChange>): Promise<void> {
  const deleted = [...changes].filter(([, change]) => change.deleted).map(([id]) => id);
  if (deleted.length > 0) await db.postings.where('recordId').anyOf(deleted).delete();
  const seqs = new Map<string, number>();
  for (const [id, change] of changes) if (!change.deleted) seqs.set(id, change.seq);
  if (seqs.size === 0) return;
  await db.postings
    .where('recordId')
    .anyOf([...seqs.keys()])
    .modify((posting) => {
      posting.acceptedSeq = seqs.get(posting.recordId) as number;
    });
}

/** The record after one answer; `stillQueued`: its mutations still in the outbox after this one. */
function applyOne(
  record: StoredRecord,
  entry: OutboxEntry,
  result: MutationResult,
  now: number,
  stillQueued: number,
): StoredRecord {
  const next: StoredRecord = { ...record };
  if (entry.mutation.kind === 'action') return next;
  if (result.status === 'accepted') {
    const revision = result.revision ?? entry.mutation.record.revision;
    next.serverRevision = Math.max(record.serverRevision ?? 0, revision);
    if (result.seq !== undefined) next.seq = result.seq;
    if (record.status === 'pending' && stillQueued === 0) next.status = 'synced';
  } else if (result.status === 'rejected') {
    next.status = 'rejected';
    next.rejection = {
      code: result.code ?? 'rejected',
      problems: result.problems ?? [],
      at: now,
      ...(result.message ? { message: result.message } : {}),
    };
  } else {
    const serverRevision = result.revision ?? record.server?.revision ?? entry.mutation.record.revision;
    next.status = 'conflict';
    next.conflict = {
      serverRevision,
      ...(result.conflictCopy ? { conflictCopy: result.conflictCopy } : {}),
      ...(record.server && record.server.revision >= serverRevision ? { theirs: record.server } : {}),
    };
  }
  return next;
}
