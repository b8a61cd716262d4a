// Branch conditions as rows (field, operator, value) joined by AND or OR, and back. Rows are a way
// of writing the expression; the expression (`when`) is what is stored.
import type { ExprType } from '@gongfang/schema';

export const OPS = ['=', '<>', '>', '>=', '<', '<='] as const;
export type Op = (typeof OPS)[number];
export type Join = 'AND' | 'OR';

export interface ConditionRow {
  field: string;
  op: Op;
  value: string;
}

export interface Rows {
  join: Join;
  rows: ConditionRow[];
}

function literal(value: string, type: ExprType | undefined): string {
  const v = value.trim();
  if (type === 'number' && v !== '' && Number.isFinite(Number(v))) return String(Number(v));
  if (type === 'boolean' && /^(TRUE|FALSE)$/i.test(v)) return v.toUpperCase();
  return JSON.stringify(value);
}

/** The expression of the rows; rows without a field are left out. */
export function rowsToExpression(rows: Rows, typeOf: (field: string) => ExprType | undefined): string {
  return rows.rows
    .filter((r) => r.field)
    .map((r) => `${r.field} ${r.op} ${literal(r.value, typeOf(r.field))}`)
    .join(` ${rows.join} `);
}

const PART = /^([a-z][a-z0-9_]*)\s*(<>|>=|<=|=|>|<)\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|TRUE|FALSE)$/;

/** Rows for an expression written as rows (or by hand in the same shape); undefined when it is not. */
export function expressionToRows(expr: string): Rows | undefined {
  const text = expr.trim();
  if (text === '') return { join: 'AND', rows: [] };
  const hasAnd = / AND /.test(text);
  const hasOr = / OR /.test(text);
  if (hasAnd && hasOr) return undefined;
  const join: Join = hasOr ? 'OR' : 'AND';
  const rows: ConditionRow[] = [];
  for (const part of text.split(` ${join} `)) {
    const m = PART.exec(part.trim());
    if (!m) return undefined;
    const raw = m[3]!;
    rows.push({ field: m[1]!, op: m[2] as Op, value: raw.startsWith('"') ? (JSON.parse(raw) as string) : raw });
  }
  return { join, rows };
}
