/** A stored file as a record keeps it (the shape compileRecordValidator checks). */
export interface FileRef {
  /** SHA-256 of the content, hex: the same bytes always get the same id. */
  id: string;
  name: string;
  type: string;
  size: number;
}

/**
 * Where photos, signatures and attachments go. The offline package provides the IndexedDB one;
 * `createMemoryAttachments` serves tests and the preview page.
 */
export interface AttachmentStore {
  put(blob: Blob, name: string): Promise<FileRef>;
  get(id: string): Promise<Blob | undefined>;
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createMemoryAttachments(): AttachmentStore & { readonly size: number } {
  const blobs = new Map<string, Blob>();
  return {
    async put(blob, name) {
      const id = await sha256Hex(blob);
      blobs.set(id, blob);
      return { id, name, type: blob.type || 'application/octet-stream', size: blob.size };
    },
    async get(id) {
      return blobs.get(id);
    },
    get size() {
      return blobs.size;
    },
  };
}
