/* SQL expressions for a view's columns over a records row `r` (record properties and data fields). */
import { type FieldEntry, type Form, fieldIndex } from '@gongfang/schema';

export type SqlType = 'text' | 'numeric' | 'timestamptz' | 'integer';

export interface ColumnSql {
  sql: string;
  type: SqlType;
  /** Value that sorts first, so keyset comparisons never meet NULL. */
  lowest: string;
}

const LOWEST: Record<SqlType, string> = {
  text: "''",
  numeric: "'-Infinity'::numeric",
  timestamptz: "'-infinity'::timestamptz",
  integer: '-2147483648',
};

const PROPERTIES: Record<string, [string, SqlType]> = {
  $createdAt: ['r.created_at', 'timestamptz'],
  $updatedAt: ['r.updated_at', 'timestamptz'],
  $createdBy: ['(select u.name from users u where u.org_id = r.org_id and u.id = r.created_by)', 'text'],
  $status: ['r.status', 'text'],
  $version: ['r.version', 'integer'],
  $id: ['r.id::text', 'text'],
};

const NUMERIC_TYPES = new Set(['number', 'formula']);

/** `source` is the jsonb the field lives in: `r.data` for header fields, a row alias for columns. */
export function fieldSql(entry: FieldEntry | undefined, id: string, source = 'r.data'): ColumnSql {
  const quoted = `'${id.replace(/'/g, "''")}'`;
  const numeric = entry && NUMERIC_TYPES.has(entry.field.type);
  if (numeric) {
    const sql = `(case when jsonb_typeof(${source} -> ${quoted}) = 'number' then (${source} ->> ${quoted})::numeric end)`;
    return { sql, type: 'numeric', lowest: LOWEST.numeric };
  }
  return { sql: `(${source} ->> ${quoted})`, type: 'text', lowest: LOWEST.text };
}

export function columnSql(form: Form, column: string): ColumnSql {
  const prop = PROPERTIES[column];
  if (prop) return { sql: prop[0], type: prop[1], lowest: LOWEST[prop[1]] };
  return fieldSql(fieldIndex(form).get(column), column);
}

export function isProperty(column: string): boolean {
  return column.startsWith('$');
}
