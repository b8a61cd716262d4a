import type { ActionMutation, Mutation, RecordEnvelope } from '@gongfang/schema';
import { isoTime, jsonBytes, requireUser, type StoreContext } from './context.ts';
import type { GongfangDb } from './db.ts';
import { OfflineError } from './errors.ts';
import { type PostingInput, writePostings } from './ledger.ts';
import type { OutboxEntry, StoredRecord } from './types.ts';
import { uuidv7 } from './uuidv7.ts';

export interface SaveRecordInput {
  /** Record id: omit for a new record; the draft's id when submitting a draft. */
  id?: string;
  app: string;
  form: string;
  version: number;
  data: Record<string, unknown>;
  /** SHA-256 of every attachment the data names (photos, signatures, files). */
  attachments?: readonly string[];
  /** Ledger postings of the record, for on-device guard checks until the server has counted them. */
  postings?: readonly PostingInput[];
}

const notInConflict = {
  'zh-CN': '该记录存在冲突，请先选择保留哪个版本。',
  en: 'This record is in conflict: choose which version to keep first.',
};

/**
 * Saves a submitted record and its mutation in ONE transaction (a record is never stored without
 * the mutation that sends it), and removes its draft in the same one. A new record is a `create`;
 * an edit is an `update` on the revision it was made on, chained after any edit still unsent.
 */
export async function saveRecord(ctx: StoreContext, input: SaveRecordInput): Promise<StoredRecord> {
  const user = requireUser(ctx);
  const id = input.id ?? uuidv7();
  // Made outside the transaction so a retry after a reopened connection reuses them.
  const mutationId = uuidv7();
  const now = ctx.now();
  const stored = await ctx.conn.run((db) =>
    db.transaction('rw', [db.records, db.outbox, db.drafts, db.postings], async () => {
      const existing = await db.records.get(id);
      if (existing?.status === 'conflict') throw new OfflineError('invalid-state', { text: notInConflict });
      const already = await db.outbox.where('id').equals(mutationId).first();
      if (already && existing) return existing;
      const base = existing?.status === 'pending' ? existing.envelope.revision : existing?.serverRevision;
      const envelope: RecordEnvelope = {
        id,
        app: input.app,
        form: input.form,
        version: input.version,
        revision: base === undefined ? 1 : base + 1,
        data: input.data,
        createdBy: existing?.envelope.createdBy ?? user,
        createdAt: existing?.envelope.createdAt ?? isoTime(now),
        updatedAt: isoTime(now),
        deviceId: existing?.envelope.deviceId ?? ctx.deviceId,
      };
      const mutation: Mutation =
        base === undefined
          ? { id: mutationId, kind: 'create', record: envelope }
          : { id: mutationId, kind: 'update', baseRevision: base, record: envelope };
      const record: StoredRecord = {
        ...existing,
        id,
        envelope,
        app: input.app,
        form: input.form,
        version: input.version,
        status: 'pending',
        userId: user,
        savedAt: now,
      };
      delete record.rejection;
      await db.records.put(record);
      await addToOutbox(db, mutation, id, user, input.attachments ?? [], now);
      await db.drafts.delete(id);
      await writePostings(db, id, input.app, user, input.postings ?? []);
      return record;
    }),
  );
  ctx.emit('record');
  return stored;
}

export async function addToOutbox(
  db: GongfangDb,
  mutation: Mutation,
  recordId: string,
  userId: string,
  attachments: readonly string[],
  now: number,
): Promise<void> {
  const entry: OutboxEntry = {
    id: mutation.id,
    mutation,
    recordId,
    userId,
    attachments: [...attachments],
    bytes: jsonBytes(mutation),
    createdAt: now,
  };
  await db.outbox.add(entry);
}

export interface ActionInput {
  recordId: string;
  action: ActionMutation['action'];
  taskId?: string;
  comment?: string;
  /** SHA-256 of a stored signature image; uploaded before the action is pushed. */
  signature?: string;
}

/** Queues a workflow action taken on the device, attributed to the signed-in user. */
export async function queueAction(ctx: StoreContext, input: ActionInput): Promise<ActionMutation> {
  const user = requireUser(ctx);
  const now = ctx.now();
  const mutation: ActionMutation = {
    id: uuidv7(),
    kind: 'action',
    recordId: input.recordId,
    action: input.action,
    at: isoTime(now),
    ...(input.taskId === undefined ? {} : { taskId: input.taskId }),
    ...(input.comment === undefined ? {} : { comment: input.comment }),
    ...(input.signature === undefined ? {} : { signature: input.signature }),
  };
  const signatures = input.signature === undefined ? [] : [input.signature];
  await ctx.conn.run((db) =>
    db.transaction('rw', [db.outbox], () => addToOutbox(db, mutation, input.recordId, user, signatures, now)),
  );
  ctx.emit('outbox');
  return mutation;
}

const theirsNotHere = {
  'zh-CN': '服务器上的版本尚未下载，请先同步。',
  en: "The server's version has not been downloaded yet; sync first.",
};

/**
 * Ends a conflict. 'mine': a new update on top of the server's revision carrying the local data
 * (edits still queued on the stale revision are folded into it). 'theirs': the server's version
 * replaces the local one and queued edits of the record are dropped, which is what the user chose.
 */
export async function resolveConflict(
  ctx: StoreContext,
  recordId: string,
  choice: 'mine' | 'theirs',
): Promise<StoredRecord> {
  const user = requireUser(ctx);
  const mutationId = uuidv7();
  const now = ctx.now();
  const result = await ctx.conn.run((db) =>
    db.transaction('rw', [db.records, db.outbox, db.postings], async () => {
      const record = await db.records.get(recordId);
      if (!record) throw new OfflineError('not-found');
      if (record.status !== 'conflict' || !record.conflict) throw new OfflineError('invalid-state');
      const serverRevision = record.conflict.serverRevision;
      const theirs =
        record.conflict.theirs ??
        (record.server && record.server.revision >= serverRevision ? record.server : undefined);
      const stale = await db.outbox.where('recordId').equals(recordId).toArray();
      const staleEdits = stale.filter((e) => e.mutation.kind !== 'action').map((e) => e.order!);
      await db.outbox.bulkDelete(staleEdits);
      const next: StoredRecord = { ...record, savedAt: now, userId: user };
      delete next.conflict;
      if (choice === 'theirs') {
        if (!theirs) throw new OfflineError('invalid-state', { text: theirsNotHere });
        next.envelope = theirs;
        next.version = theirs.version;
        next.status = 'synced';
        next.serverRevision = theirs.revision;
        delete next.server;
        await db.postings.where('recordId').equals(recordId).delete();
      } else {
        const envelope: RecordEnvelope = {
          ...record.envelope,
          revision: serverRevision + 1,
          updatedAt: isoTime(now),
        };
        next.envelope = envelope;
        next.status = 'pending';
        next.serverRevision = serverRevision;
        const attachments = stale.flatMap((e) => e.attachments);
        await addToOutbox(
          db,
          { id: mutationId, kind: 'update', baseRevision: serverRevision, record: envelope },
          recordId,
          user,
          [...new Set(attachments)],
          now,
        );
      }
      await db.records.put(next);
      return next;
    }),
  );
  ctx.emit('record');
  return result;
}
