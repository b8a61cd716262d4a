import type { FieldError, FormEngine } from '@gongfang/schema';

/**
 * Where an error is shown: `qty` for a header field, `lines` for a sub-table as a whole, and
 * `lines#<rowId>/qty` for a cell. Row ids (not indexes) so an error follows its row when rows move.
 */
export function cellKey(subtable: string, rowId: string, column: string): string {
  return `${subtable}#${rowId}/${column}`;
}

/** The display key of a validator error (`/lines/2/qty` → `lines#<id of row 2>/qty`). */
export function errorKey(engine: FormEngine, error: FieldError): string {
  const parts = error.pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [head, index, column] = parts;
  if (head === undefined) return '';
  if (index === undefined || column === undefined || !engine.model.columns.has(head)) return head;
  const row = engine.rows(head)[Number(index)];
  return row ? cellKey(head, row.id, column) : head;
}

/** DOM id of a field's main control, so labels, summaries and scanners can find it. */
export function controlId(formId: string, key: string): string {
  return `gf-${formId}-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
