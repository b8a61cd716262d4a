import type { StoreContext } from './context.ts';
import type { GongfangDb } from './db.ts';
import type { AttachmentRow } from './types.ts';

/** A draft as it is on screen now: newer than the stored draft when its autosave failed. */
export interface EditingDraft {
  recordId: string;
  data: unknown;
}

export interface CollectOptions {
  /** Drafts open on screen; their data stands in for the stored draft of the same record. */
  editing?: readonly EditingDraft[];
}

export interface CollectReport {
  /** Attachment rows deleted (with their blob when they had one). */
  deleted: number;
  /** Blob bytes given back to the device. */
  bytes: number;
}

/**
 * A photo stored a moment ago may not be in its draft yet (the autosave is debounced, a signature
 * is stored before its action is queued): kept this long unless the screen says it was removed.
 */
export const FRESH_MS = 10 * 60_000;

const SHA256 = /^[0-9a-f]{64}$/;

/** Every SHA-256 a value names, anywhere in it (file refs `{ id }`, bare hashes, sub-tables). */
export function attachmentRefs(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (SHA256.test(value)) out.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) attachmentRefs(item, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) attachmentRefs(item, out);
  }
  return out;
}

/**
 * Deletes the attachments nothing on the device needs any more, in one transaction: kept are
 * those named by a draft (or the screen's newer copy of it), a record the server has not
 * acknowledged, an outbox entry or a refused mutation; of those only acknowledged records name,
 * only uploaded ones go (the server has them; the runtime shows them from there). Costs one read
 * of the attachment rows when there is nothing to collect.
 */
export async function collectAttachments(ctx: StoreContext, options: CollectOptions = {}): Promise<CollectReport> {
  const now = ctx.now();
  const report = await ctx.conn.run((db) =>
    db.transaction('rw', [db.attachments, db.drafts, db.records, db.outbox, db.refused], async () => {
      const rows = await db.attachments.toArray();
      if (rows.length === 0) return { deleted: 0, bytes: 0 };
      const { needed, removedOnScreen } = await neededRefs(db, options.editing ?? []);
      const candidates = rows.filter(
        (row) => !needed.has(row.sha256) && (removedOnScreen.has(row.sha256) || !isFresh(row, now)),
      );
      if (candidates.length === 0) return { deleted: 0, bytes: 0 };
      // Acknowledged records are read only when something may go; a blob the server may lack stays.
      const acknowledged = new Set<string>();
      if (candidates.some((row) => row.state !== 'uploaded')) {
        await db.records
          .where('status')
          .equals('synced')
          .each((record) => void attachmentRefs(record.envelope.data, acknowledged));
      }
      const doomed = candidates.filter((row) => row.state === 'uploaded' || !acknowledged.has(row.sha256));
      await db.attachments.bulkDelete(doomed.map((row) => row.sha256));
      return { deleted: doomed.length, bytes: doomed.reduce((sum, row) => sum + (row.blob ? row.size : 0), 0) };
    }),
  );
  if (report.deleted > 0) ctx.emit('attachment');
  return report;
}

function isFresh(row: AttachmentRow, now: number): boolean {
  return row.state === 'stored' && now - row.createdAt < FRESH_MS;
}

async function neededRefs(
  db: GongfangDb,
  editing: readonly EditingDraft[],
): Promise<{ needed: Set<string>; removedOnScreen: Set<string> }> {
  const needed = new Set<string>();
  const onScreen = new Map(editing.map((draft) => [draft.recordId, draft.data]));
  for (const data of onScreen.values()) attachmentRefs(data, needed);
  const staleDrafts = new Set<string>();
  await db.drafts.each((draft) => {
    if (onScreen.has(draft.recordId)) attachmentRefs(draft.data, staleDrafts);
    else attachmentRefs(draft.data, needed);
  });
  await db.records
    .where('status')
    .anyOf('pending', 'rejected', 'conflict')
    .each((record) => void attachmentRefs(record.envelope.data, needed));
  await db.outbox.each((entry) => {
    for (const sha256 of entry.attachments) needed.add(sha256);
    attachmentRefs(entry.mutation, needed);
  });
  await db.refused.each((refused) => {
    for (const sha256 of refused.entry.attachments) needed.add(sha256);
  });
  const removedOnScreen = new Set([...staleDrafts].filter((sha256) => !needed.has(sha256)));
  return { needed, removedOnScreen };
}
