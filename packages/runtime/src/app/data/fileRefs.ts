const SHA256 = /^[0-9a-f]{64}$/;

/** SHA-256 of every file a record's data names (photos, signatures, attachments, in sub-tables too). */
export function attachmentIds(data: unknown, out = new Set<string>()): string[] {
  if (Array.isArray(data)) for (const item of data) attachmentIds(item, out);
  else if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    if (typeof o.id === 'string' && SHA256.test(o.id) && typeof o.size === 'number') out.add(o.id);
    else for (const v of Object.values(o)) attachmentIds(v, out);
  }
  return [...out];
}
