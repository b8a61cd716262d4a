import { requireUser, type StoreContext } from './context.ts';
import { isOfflineError, type OfflineError } from './errors.ts';
import type { AttachmentRow } from './types.ts';

/** SHA-256 of a blob as lower-case hex: the attachment's name on the device and the server. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface StoredAttachment {
  sha256: string;
  /** Set when the blob could not be stored (the row is kept as `missing` where possible). */
  error?: OfflineError;
}

/**
 * Stores a blob under its hash. Content addressing makes a second store of the same photo free.
 * A failure (quota) does not throw: the caller has usually saved the record already, and the
 * attachment is marked `missing` so the user sees which photo to take again.
 */
export async function storeAttachment(ctx: StoreContext, blob: Blob, recordId?: string): Promise<StoredAttachment> {
  const userId = requireUser(ctx);
  const sha256 = await sha256Hex(blob);
  const row: AttachmentRow = {
    sha256,
    blob,
    type: blob.type,
    size: blob.size,
    state: 'stored',
    userId,
    createdAt: ctx.now(),
    ...(recordId === undefined ? {} : { recordId }),
  };
  try {
    await ctx.conn.run(async (db) => {
      const existing = await db.attachments.get(sha256);
      if (existing?.blob) return;
      await db.attachments.put(row);
    });
    ctx.emit('attachment');
    return { sha256 };
  } catch (error) {
    if (!isOfflineError(error)) throw error;
    const { blob: _dropped, ...rest } = row;
    // The missing marker is a few bytes; if even that cannot be written, the record still names
    // the hash and the upload step reports it as missing.
    await ctx.conn.run((db) => db.attachments.put({ ...rest, state: 'missing' })).catch(() => undefined);
    ctx.emit('attachment');
    return { sha256, error };
  }
}
