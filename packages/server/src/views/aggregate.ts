/*
 * An aggregate view: rows of a source (a ledger's entries, or a form's records, optionally one per
 * sub-table row) grouped by keys (dates bucketed by day/week/month) with measures. Without
 * expressions in `where` the grouping and the aggregates run in SQL; with them the rows are read
 * and grouped here, as the expression language runs only in JS. Expression measures, highlights
 * and the sort are applied to the grouped rows.
 */
import {
  type AggregateView,
  type AppDefinition,
  compileExpression,
  evaluateExpression,
  type Form,
  fieldIndex,
  isTruthy,
  type LocalizedText,
  toExprValue,
  type Value,
} from '@gongfang/schema';
import type { Auth } from '../context.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { hiddenFields } from './access.ts';
import { fieldSql } from './columns.ts';

export interface AggregateRow {
  keys: Record<string, string | null>;
  values: Record<string, number | null>;
  highlight: { tone: string; message: LocalizedText | null } | null;
}

export interface AggregateColumn {
  id: string;
  kind: 'group' | 'measure';
  label: LocalizedText | null;
  precision?: number;
  format?: 'number' | 'percent';
}

export interface AggregateResult {
  columns: AggregateColumn[];
  rows: AggregateRow[];
}

type Agg = { id: string; agg: 'sum' | 'count' | 'avg' | 'min' | 'max'; of?: string; where?: string };

function evalIn(source: string, get: (id: string) => Value | undefined): Value {
  const compiled = compileExpression(source);
  if (!compiled.ok) return null;
  const r = evaluateExpression(compiled.expr, {
    get: (path) => (path.length === 1 ? get(path[0] as string) : undefined),
  });
  return r.ok ? r.value : null;
}

export function bucket(value: string | null, kind: 'day' | 'week' | 'month' | undefined): string | null {
  if (value === null || !kind) return value;
  const day = value.slice(0, 10);
  if (kind === 'day') return day;
  if (kind === 'month') return value.slice(0, 7);
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

interface Source {
  /** FROM clause and WHERE conditions (params already pushed). */
  from: string;
  where: string[];
  /** SQL of a group key or measure input by id. */
  text(id: string): string;
  number(id: string): string;
  /** Columns to read for the JS path: one jsonb scope per row. */
  scope: string;
}

function sourceOf(
  app: AppDefinition,
  view: AggregateView,
  auth: Auth,
  params: unknown[],
): { source: Source; form?: Form } {
  params.push(auth.orgId, app.id);
  if ('ledger' in view.source) {
    params.push(view.source.ledger);
    return {
      source: {
        from: 'ledger_entries e',
        where: ['e.org_id = $1', 'e.app_id = $2', `e.ledger_id = $${params.length}`],
        text: (id) => `(e.key ->> '${id}')`,
        number: (id) => `(e.measures ->> '${id}')::numeric`,
        scope: 'e.key || e.measures as scope',
      },
    };
  }
  const src = view.source;
  const form = app.forms.find((f) => f.id === src.form);
  if (!form) throw apiError(404, 'form-not-found', '找不到该表单', 'No such form', { form: src.form });
  const index = fieldIndex(form);
  params.push(form.id);
  const rows = src.rows;
  const where = [
    'r.org_id = $1',
    'r.app_id = $2',
    `r.form_id = $${params.length}`,
    'r.conflict_of is null',
    "r.status not in ('rejected', 'withdrawn')",
  ];
  const inRow = (id: string) => rows !== undefined && index.has(`${rows}.${id}`);
  const at = (id: string) =>
    inRow(id) ? fieldSql(index.get(`${rows}.${id}`), id, 'rw.v') : fieldSql(index.get(id), id);
  return {
    form,
    source: {
      from: rows
        ? `records r cross join lateral jsonb_array_elements(coalesce(r.data -> '${rows}', '[]'::jsonb)) as rw(v)`
        : 'records r',
      where,
      text: (id) => `(${at(id).sql})::text`,
      number: (id) => `(${at(id).sql})::numeric`,
      scope: rows ? 'r.data || rw.v as scope' : 'r.data as scope',
    },
  };
}

const SQL_AGG = { sum: 'sum', avg: 'avg', min: 'min', max: 'max', count: 'count' } as const;

export async function runAggregateView(
  db: Queryable,
  auth: Auth,
  app: AppDefinition,
  view: AggregateView,
): Promise<AggregateResult> {
  const params: unknown[] = [];
  const { source, form } = sourceOf(app, view, auth, params);
  const hidden = form ? hiddenFields(form, auth) : new Set<string>();
  const aggs = view.measures.filter((m): m is Agg & (typeof view.measures)[number] => 'agg' in m);
  for (const id of [...view.groupBy.map((g) => g.key), ...aggs.flatMap((m) => (m.of ? [m.of] : []))]) {
    if (hidden.has(id))
      throw apiError(403, 'forbidden', '此视图使用了您看不到的字段', 'This view uses a field hidden from you');
  }
  const where = 'where' in view.source ? view.source.where : undefined;
  const needsJs = where !== undefined || aggs.some((m) => m.where !== undefined);
  const groups = needsJs
    ? await groupInJs(db, view, aggs, source, params, where)
    : await groupInSql(db, view, aggs, source, params);
  return finish(view, groups, app, form);
}

async function groupInSql(db: Queryable, view: AggregateView, aggs: Agg[], s: Source, params: unknown[]) {
  const keys = view.groupBy.map((g, i) => {
    const t = s.text(g.key);
    const b =
      g.bucket === 'day'
        ? `left(${t}, 10)`
        : g.bucket === 'month'
          ? `left(${t}, 7)`
          : g.bucket === 'week'
            ? `to_char(date_trunc('week', left(${t}, 10)::date), 'YYYY-MM-DD')`
            : t;
    return `${b} as k${i}`;
  });
  const measures = aggs.map((m, i) =>
    m.agg === 'count'
      ? `count(${m.of ? s.text(m.of) : '*'})::float8 as m${i}`
      : `${SQL_AGG[m.agg]}(${s.number(m.of as string)})::float8 as m${i}`,
  );
  const sql = `select ${[...keys, ...measures].join(', ')} from ${s.from} where ${s.where.join(' and ')}
    group by ${keys.map((_, i) => i + 1).join(', ')}`;
  const rows = await db.query<Record<string, string | number | null>>(sql, params);
  return rows.map((r) => ({
    keys: Object.fromEntries(view.groupBy.map((g, i) => [g.key, (r[`k${i}`] as string | null) ?? null])),
    values: Object.fromEntries(aggs.map((m, i) => [m.id, r[`m${i}`] === null ? null : Number(r[`m${i}`])])),
  }));
}

async function groupInJs(
  db: Queryable,
  view: AggregateView,
  aggs: Agg[],
  s: Source,
  params: unknown[],
  where?: string,
) {
  const rows = await db.query<{ scope: Record<string, unknown> }>(
    `select ${s.scope} from ${s.from} where ${s.where.join(' and ')}`,
    params,
  );
  type Acc = {
    keys: Record<string, string | null>;
    sum: number[];
    n: number[];
    min: (number | null)[];
    max: (number | null)[];
  };
  const groups = new Map<string, Acc>();
  for (const { scope } of rows) {
    const get = (id: string) => (Object.hasOwn(scope, id) ? toExprValue(scope[id]) : null);
    if (where !== undefined && !isTruthy(evalIn(where, get))) continue;
    const keys = Object.fromEntries(
      view.groupBy.map((g) => {
        const v = get(g.key);
        return [g.key, bucket(v === null ? null : String(v), g.bucket)];
      }),
    );
    const id = JSON.stringify(view.groupBy.map((g) => keys[g.key]));
    let acc = groups.get(id);
    if (!acc) {
      acc = {
        keys,
        sum: aggs.map(() => 0),
        n: aggs.map(() => 0),
        min: aggs.map(() => null),
        max: aggs.map(() => null),
      };
      groups.set(id, acc);
    }
    aggs.forEach((m, i) => {
      if (m.where !== undefined && !isTruthy(evalIn(m.where, get))) return;
      const v = m.of ? get(m.of) : 1;
      if (v === null) return;
      const a = acc as Acc;
      a.n[i] = (a.n[i] as number) + 1;
      if (typeof v !== 'number') return;
      a.sum[i] = (a.sum[i] as number) + v;
      a.min[i] = a.min[i] === null ? v : Math.min(a.min[i] as number, v);
      a.max[i] = a.max[i] === null ? v : Math.max(a.max[i] as number, v);
    });
  }
  return [...groups.values()].map((a) => ({
    keys: a.keys,
    values: Object.fromEntries(
      aggs.map((m, i) => {
        const n = a.n[i] as number;
        const v = {
          count: n,
          sum: a.sum[i] as number,
          avg: n ? (a.sum[i] as number) / n : null,
          min: a.min[i],
          max: a.max[i],
        }[m.agg];
        return [m.id, v ?? null];
      }),
    ),
  }));
}

function finish(
  view: AggregateView,
  groups: { keys: Record<string, string | null>; values: Record<string, number | null> }[],
  app: AppDefinition,
  form: Form | undefined,
): AggregateResult {
  const rows: AggregateRow[] = groups.map((g) => {
    const values = { ...g.values };
    const get = (id: string): Value | undefined =>
      Object.hasOwn(values, id) ? (values[id] ?? null) : Object.hasOwn(g.keys, id) ? (g.keys[id] ?? null) : undefined;
    for (const m of view.measures) {
      if ('expr' in m) {
        const v = evalIn(m.expr, get);
        values[m.id] = typeof v === 'number' ? v : null;
      }
    }
    for (const m of view.measures) {
      const v = values[m.id];
      if (typeof v === 'number' && m.precision !== undefined)
        values[m.id] = Number(v.toFixed(m.precision + ('format' in m && m.format === 'percent' ? 2 : 0)));
    }
    const hit = (view.highlights ?? []).find((h) => isTruthy(evalIn(h.when, get)));
    return { keys: g.keys, values, highlight: hit ? { tone: hit.tone, message: hit.message ?? null } : null };
  });
  const sort = view.sort ?? view.groupBy.map((g) => ({ field: g.key, direction: 'asc' as const }));
  rows.sort((a, b) => {
    for (const s of sort) {
      const x = Object.hasOwn(a.values, s.field) ? a.values[s.field] : a.keys[s.field];
      const y = Object.hasOwn(b.values, s.field) ? b.values[s.field] : b.keys[s.field];
      const c = x === y ? 0 : x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : x < y ? -1 : 1;
      if (c !== 0) return s.direction === 'desc' ? -c : c;
    }
    return 0;
  });
  return { columns: columnsOf(view, app, form), rows };
}

function columnsOf(view: AggregateView, app: AppDefinition, form: Form | undefined): AggregateColumn[] {
  const ledger =
    'ledger' in view.source ? app.ledgers?.find((l) => l.id === (view.source as { ledger: string }).ledger) : undefined;
  const index = form ? fieldIndex(form) : undefined;
  const rows = 'rows' in view.source ? view.source.rows : undefined;
  const labelOf = (key: string): LocalizedText | null =>
    ledger?.keys.find((k) => k.id === key)?.label ??
    (rows ? index?.get(`${rows}.${key}`)?.field.label : undefined) ??
    index?.get(key)?.field.label ??
    null;
  return [
    ...view.groupBy.map((g) => ({ id: g.key, kind: 'group' as const, label: g.label ?? labelOf(g.key) })),
    ...view.measures.map((m) => ({
      id: m.id,
      kind: 'measure' as const,
      label: m.label,
      ...(m.precision !== undefined ? { precision: m.precision } : {}),
      ...('format' in m && m.format ? { format: m.format } : {}),
    })),
  ];
}
