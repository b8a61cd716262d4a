import { type FieldProblem, message } from '@gongfang/schema';
import type { Queryable } from '../db/Db.ts';
import type { CompiledForm } from './definitions.ts';

export interface AttachmentRef {
  sha256: string;
  pointer: string;
  field: string;
}

function fileId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function refsIn(value: unknown, multiple: boolean, pointer: string, field: string, out: AttachmentRef[]): void {
  if (multiple) {
    if (!Array.isArray(value)) return;
    value.forEach((file, i) => {
      const sha256 = fileId(file);
      if (sha256) out.push({ sha256, pointer: `${pointer}/${i}`, field });
    });
  } else {
    const sha256 = fileId(value);
    if (sha256) out.push({ sha256, pointer, field });
  }
}

/** Every attachment a record's data names (photos, files, signatures; in sub-table rows too). */
export function attachmentRefs(form: CompiledForm, data: Record<string, unknown>): AttachmentRef[] {
  const out: AttachmentRef[] = [];
  for (const { path, multiple } of form.fileFields) {
    const dot = path.indexOf('.');
    if (dot < 0) {
      refsIn(Object.hasOwn(data, path) ? data[path] : undefined, multiple, `/${path}`, path, out);
      continue;
    }
    const table = path.slice(0, dot);
    const column = path.slice(dot + 1);
    const rows = Object.hasOwn(data, table) ? data[table] : undefined;
    if (!Array.isArray(rows)) continue;
    rows.forEach((row, i) => {
      if (typeof row === 'object' && row !== null && Object.hasOwn(row, column)) {
        refsIn((row as Record<string, unknown>)[column], multiple, `/${table}/${i}/${column}`, path, out);
      }
    });
  }
  return out;
}

/** Which of these attachments were uploaded to this organization. */
export async function presentAttachments(q: Queryable, orgId: string, shas: readonly string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const rows = await q.query<{ sha256: string }>(
    'select sha256 from attachments where org_id = $1 and sha256 = any($2::text[])',
    [orgId, [...new Set(shas)]],
  );
  return new Set(rows.map((r) => r.sha256));
}

/** Problems for the named attachments that are not in `present`. */
export function missingProblems(refs: readonly AttachmentRef[], present: ReadonlySet<string>): FieldProblem[] {
  return refs
    .filter((r) => !present.has(r.sha256))
    .map((r) => ({
      pointer: r.pointer,
      field: r.field,
      code: 'missing-attachment',
      message: message(
        `附件 ${r.sha256.slice(0, 12)}… 尚未上传`,
        `Attachment ${r.sha256.slice(0, 12)}… has not been uploaded`,
      ),
    }));
}

/** Problems for the named attachments that were never uploaded to this organization. */
export async function missingAttachments(
  q: Queryable,
  orgId: string,
  refs: readonly AttachmentRef[],
): Promise<FieldProblem[]> {
  if (refs.length === 0) return [];
  return missingProblems(
    refs,
    await presentAttachments(
      q,
      orgId,
      refs.map((r) => r.sha256),
    ),
  );
}
