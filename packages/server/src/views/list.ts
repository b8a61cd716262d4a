/*
 * A list view: the form's records the user may see, its columns (hidden fields left out), fixed
 * filters, the user's filters on `userFilters`, search over `search`, the sort with the record id as
 * tie-breaker, and keyset paging (the cursor holds the last row's sort values: no OFFSET scans).
 */
import type { Form, ListView } from '@gongfang/schema';
import type { Auth } from '../context.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { hiddenFields, visibilitySql } from './access.ts';
import { type ColumnSql, columnSql, isProperty } from './columns.ts';

export interface Filter {
  field: string;
  op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains' | 'in' | 'blank' | 'notBlank';
  value?: string | number | boolean | (string | number)[];
}

export interface ListRequest {
  appId: string;
  filters?: Filter[];
  search?: string;
  cursor?: string;
  limit: number;
}

export interface ListResult {
  columns: string[];
  rows: { id: string; values: Record<string, unknown> }[];
  next: string | null;
}

const OPS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

function badFilter(field: string): never {
  throw apiError(400, 'invalid-filter', `不能按 ${field} 筛选`, `Cannot filter on ${field}`, { field });
}

function filterSql(c: ColumnSql, f: Filter, params: unknown[]): string {
  const bind = (v: unknown) => {
    params.push(v);
    return `$${params.length}::${c.type}`;
  };
  if (f.op === 'blank') return `(${c.sql} is null${c.type === 'text' ? ` or ${c.sql} = ''` : ''})`;
  if (f.op === 'notBlank') return `(${c.sql} is not null${c.type === 'text' ? ` and ${c.sql} <> ''` : ''})`;
  if (f.value === undefined) badFilter(f.field);
  if (f.op === 'in') {
    const list = Array.isArray(f.value) ? f.value : [f.value];
    params.push(list.map(String));
    return `${c.sql} = any($${params.length}::${c.type}[])`;
  }
  if (Array.isArray(f.value)) badFilter(f.field);
  if (f.op === 'contains') {
    params.push(`%${String(f.value).replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    return `(${c.sql})::text ilike $${params.length}`;
  }
  return `${c.sql} ${OPS[f.op]} ${bind(String(f.value))}`;
}

function encodeCursor(values: (string | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, length: number): string[] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === length && parsed.every((v) => typeof v === 'string')) return parsed;
  } catch {
    // falls through to the error
  }
  throw apiError(400, 'invalid-cursor', '分页游标无效', 'The page cursor is not valid');
}

export async function runListView(
  db: Queryable,
  auth: Auth,
  form: Form,
  view: ListView,
  request: ListRequest,
): Promise<ListResult> {
  const hidden = hiddenFields(form, auth);
  const params: unknown[] = [auth.orgId, request.appId, form.id];
  const where = ['r.org_id = $1', 'r.app_id = $2', 'r.form_id = $3', await visibilitySql(db, form, auth, params)];
  for (const f of view.filters ?? []) where.push(filterSql(columnSql(form, f.field), f as Filter, params));
  const allowed = new Set(view.userFilters ?? []);
  for (const f of request.filters ?? []) {
    if (!allowed.has(f.field) || hidden.has(f.field)) badFilter(f.field);
    where.push(filterSql(columnSql(form, f.field), f, params));
  }
  const searchFields = (view.search ?? []).filter((f) => !hidden.has(f));
  if (request.search && searchFields.length > 0) {
    params.push(`%${request.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    const p = `$${params.length}`;
    where.push(`(${searchFields.map((f) => `(${columnSql(form, f).sql})::text ilike ${p}`).join(' or ')})`);
  }
  const sortKeys = [...(view.sort ?? [{ field: '$createdAt', direction: 'desc' as const }])]
    .filter((s) => !hidden.has(s.field))
    .map((s) => ({ c: columnSql(form, s.field), desc: s.direction === 'desc' }));
  const keyed = [
    ...sortKeys.map((k) => ({ ...k, expr: `coalesce(${k.c.sql}, ${k.c.lowest})` })),
    {
      c: { sql: 'r.id', type: 'text' as const, lowest: "''" },
      desc: false,
      expr: 'r.id::text',
    },
  ];
  if (request.cursor) {
    const values = decodeCursor(request.cursor, keyed.length);
    const cmp = (i: number) => {
      const k = keyed[i] as (typeof keyed)[number];
      params.push(values[i]);
      return { k, p: `$${params.length}::${k.c.type}` };
    };
    const bound = keyed.map((_, i) => cmp(i));
    const ors = bound.map(({ k, p }, i) => {
      const eqs = bound.slice(0, i).map((b) => `${b.k.expr} = ${b.p}`);
      return `(${[...eqs, `${k.expr} ${k.desc ? '<' : '>'} ${p}`].join(' and ')})`;
    });
    where.push(`(${ors.join(' or ')})`);
  }
  const columns = view.columns.filter((c) => !hidden.has(c));
  const select = columns.map((c, i) =>
    isProperty(c) ? `${columnSql(form, c).sql} as c${i}` : `r.data -> '${c}' as c${i}`,
  );
  const sortSelect = keyed.map((k, i) => `(${k.expr})::text as s${i}`);
  const sql = `select r.id, ${[...select, ...sortSelect].join(', ')} from records r
    where ${where.join(' and ')}
    order by ${keyed.map((k) => `${k.expr} ${k.desc ? 'desc' : 'asc'}`).join(', ')}
    limit ${request.limit + 1}`;
  const rows = await db.query<Record<string, unknown>>(sql, params);
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    columns,
    rows: page.map((r) => ({
      id: r.id as string,
      values: Object.fromEntries(columns.map((c, i) => [c, toJson(r[`c${i}`])])),
    })),
    next:
      rows.length > request.limit && last
        ? encodeCursor(keyed.map((_, i) => (last[`s${i}`] as string | null) ?? ''))
        : null,
  };
}

function toJson(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : (v ?? null);
}
