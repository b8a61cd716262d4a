import type { MutationResult } from '@gongfang/schema';
import type { StoreContext } from '../context.ts';
import type { GongfangDb } from '../db.ts';
import type { OutboxEntry, StoredRecord } from '../types.ts';

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

/** The next mutations to push, in outbox order, within the count and byte limits (at least one). */
export async function nextBatch(db: GongfangDb, limits: BatchLimits): Promise<OutboxEntry[]> {
  const batch: OutboxEntry[] = [];
  const heldRecords = new Set<string>();
  let bytes = 0;
  let full = false;
  await db.outbox
    .orderBy('order')
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
  return batch;
}

/**
 * Applies the server's answers to a pushed batch in one transaction. Answers are matched by
 * mutation id; a mutation without an answer stays queued and is pushed again with the same id,
 * which the server answers with its first answer. Records are never deleted here.
 */
export async function applyResults(
  ctx: StoreContext,
  batch: readonly OutboxEntry[],
  results: readonly MutationResult[],
): Promise<number> {
  const byId = new Map(batch.map((entry) => [entry.id, entry]));
  const answered = await ctx.conn.run((db) =>
    db.transaction('rw', [db.records, db.outbox, db.postings, db.refused], async () => {
      let count = 0;
      for (const result of results) {
        const entry = byId.get(result.id);
        if (!entry) continue;
        byId.delete(result.id);
        const current = await db.outbox.get(entry.order!);
        if (!current || current.id !== entry.id) continue;
        await db.outbox.delete(entry.order!);
        await applyOne(db, ctx.now(), entry, result);
        count++;
      }
      return count;
    }),
  );
  ctx.emit('sync');
  return answered;
}

async function applyOne(db: GongfangDb, now: number, entry: OutboxEntry, result: MutationResult): Promise<void> {
  if (result.status === 'rejected') {
    await db.refused.put({
      id: entry.id,
      recordId: entry.recordId,
      entry,
      code: result.code ?? 'rejected',
      problems: result.problems ?? [],
      at: now,
      ...(result.message ? { message: result.message } : {}),
    });
  }
  if (entry.mutation.kind === 'action') return;
  const record = await db.records.get(entry.recordId);
  if (!record) return;
  const next: StoredRecord = { ...record };
  if (result.status === 'accepted') {
    const revision = result.revision ?? entry.mutation.record.revision;
    next.serverRevision = Math.max(record.serverRevision ?? 0, revision);
    if (result.seq !== undefined) next.seq = result.seq;
    const stillQueued = await db.outbox.where('recordId').equals(entry.recordId).count();
    if (record.status === 'pending' && stillQueued === 0) next.status = 'synced';
    if (result.seq !== undefined) {
      await db.postings.where('recordId').equals(entry.recordId).modify({ acceptedSeq: result.seq });
    }
  } else if (result.status === 'rejected') {
    next.status = 'rejected';
    next.rejection = {
      code: result.code ?? 'rejected',
      problems: result.problems ?? [],
      at: now,
      ...(result.message ? { message: result.message } : {}),
    };
    // A refused record posts nothing; the user's fix re-posts when it is saved again.
    await db.postings.where('recordId').equals(entry.recordId).delete();
  } else {
    const serverRevision = result.revision ?? record.server?.revision ?? entry.mutation.record.revision;
    next.status = 'conflict';
    next.conflict = {
      serverRevision,
      ...(result.conflictCopy ? { conflictCopy: result.conflictCopy } : {}),
      ...(record.server && record.server.revision >= serverRevision ? { theirs: record.server } : {}),
    };
  }
  await db.records.put(next);
}
