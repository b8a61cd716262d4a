import { createHash } from 'node:crypto';
import type { Auth } from '../context.ts';
import type { Db } from '../db/Db.ts';
import { VISIBLE_RECORD_SQL } from '../records/access.ts';

/** Largest upload; the form's own `maxSizeMB` may be smaller (checked with the record). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Types a tablet may upload: photos and signatures (raster images) and the office/PDF files an
 * attachment field takes. SVG is not here: it can carry script.
 */
const ALLOWED = [
  /^image\/(jpeg|png|webp|gif|heic|heif|avif|bmp)$/,
  /^application\/pdf$/,
  /^text\/(plain|csv)$/,
  /^application\/vnd\.openxmlformats-officedocument\.(spreadsheetml\.sheet|wordprocessingml\.document|presentationml\.presentation)$/,
  /^application\/(msword|vnd\.ms-excel|vnd\.ms-powerpoint|zip|octet-stream)$/,
];

/** The bare media type (`image/png` of `image/png; charset=…`), lower case; undefined when not allowed. */
export function allowedType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type && ALLOWED.some((re) => re.test(type)) ? type : undefined;
}

export function sha256Hex(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Stores an upload; false when this organization already had it (content-addressed: same bytes). */
export async function saveAttachment(db: Db, auth: Auth, sha256: string, type: string, body: Buffer): Promise<boolean> {
  const rows = await db.query(
    `insert into attachments (org_id, sha256, content_type, size, content, uploaded_by)
     values ($1, $2, $3, $4, $5, $6) on conflict (org_id, sha256) do nothing returning sha256`,
    [auth.orgId, sha256, type, body.length, body, auth.userId],
  );
  return rows.length > 0;
}

export interface StoredAttachment {
  content_type: string;
  content: Buffer | Uint8Array;
  size: number;
}

/**
 * The attachment, when the user uploaded it or may see a record that names it; undefined
 * otherwise (also when it does not exist: the answer is the same, so nobody learns which).
 */
export async function readAttachment(db: Db, auth: Auth, sha256: string): Promise<StoredAttachment | undefined> {
  const [row] = await db.query<StoredAttachment>(
    `select a.content_type, a.content, a.size from attachments a
      where a.org_id = $1 and a.sha256 = $4 and (
        a.uploaded_by = $2
        or exists (
          select 1 from record_attachments ra join records r on r.org_id = ra.org_id and r.id = ra.record_id
           where ra.org_id = a.org_id and ra.sha256 = a.sha256 and ${VISIBLE_RECORD_SQL}
        )
      )`,
    [auth.orgId, auth.userId, auth.roles, sha256],
  );
  return row;
}
