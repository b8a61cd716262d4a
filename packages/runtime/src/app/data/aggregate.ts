import type { AggregateView, Highlight } from '@gongfang/schema';
import { compileExpression, evaluateExpression, isTruthy, toExprValue } from '@gongfang/schema';
import { api } from './api.ts';
import { getServices } from './services.ts';

export interface AggregateRow {
  key: Record<string, string>;
  values: Record<string, number | null>;
}

function evalIn(source: string, scope: Readonly<Record<string, unknown>>) {
  const compiled = compileExpression(source);
  if (!compiled.ok) return undefined;
  const result = evaluateExpression(compiled.expr, { get: (path) => toExprValue(scope[path.join('.')]) });
  return result.ok ? result.value : undefined;
}

function bucket(value: unknown, kind: 'day' | 'week' | 'month' | undefined): string {
  const s = String(value ?? '');
  if (!kind) return s;
  if (kind === 'month') return s.slice(0, 7);
  return s.slice(0, 10);
}

/** Groups items by the view's keys and computes its measures, as the server does, on the device. */
export function aggregate(view: AggregateView, items: readonly Readonly<Record<string, unknown>>[]): AggregateRow[] {
  const groups = new Map<string, { key: Record<string, string>; items: Readonly<Record<string, unknown>>[] }>();
  for (const item of items) {
    const key: Record<string, string> = {};
    for (const g of view.groupBy) key[g.key] = bucket(item[g.key], g.bucket);
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key, items: [] };
    group.items.push(item);
    groups.set(id, group);
  }
  return [...groups.values()].map(({ key, items: list }) => {
    const values: Record<string, number | null> = {};
    for (const m of view.measures) {
      if ('expr' in m) {
        const v = evalIn(m.expr, values);
        values[m.id] = typeof v === 'number' && Number.isFinite(v) ? v : null;
        continue;
      }
      const picked = m.where ? list.filter((i) => isTruthy(evalIn(m.where ?? '', i) ?? null)) : list;
      const nums = picked.map((i) => Number(i[m.of ?? ''])).filter((n) => Number.isFinite(n));
      values[m.id] =
        m.agg === 'count'
          ? picked.length
          : nums.length === 0
            ? null
            : m.agg === 'sum'
              ? nums.reduce((a, b) => a + b, 0)
              : m.agg === 'avg'
                ? nums.reduce((a, b) => a + b, 0) / nums.length
                : m.agg === 'min'
                  ? Math.min(...nums)
                  : Math.max(...nums);
    }
    return { key, values };
  });
}

/** The first highlight whose condition holds for the row. */
export function highlightOf(view: AggregateView, row: AggregateRow): Highlight | undefined {
  const scope = { ...row.key, ...row.values };
  return view.highlights?.find((h) => isTruthy(evalIn(h.when, scope) ?? null));
}

/** Items the device can aggregate: ledger balances + local postings, or form records (rows). */
async function localItems(app: string, view: AggregateView): Promise<Record<string, unknown>[]> {
  const { store } = getServices();
  if ('ledger' in view.source) {
    const ledger = view.source.ledger;
    const balances = await store.db.balances.where('id').startsWith(`${app}/${ledger}/`).toArray();
    return Promise.all(
      balances.map(async (b) => ({ ...b.key, ...(await store.availableBalance(app, ledger, b.key)) })),
    );
  }
  const records = await store.newestRecords(app, view.source.form, 100_000);
  return formItems(
    view.source,
    records.map((r) => r.envelope.data),
  );
}

/** A record's value at an expression path: `qty`, or `lines.qty` for the list of a column. */
function recordValue(data: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  const [head, column] = path;
  const value = data[head ?? ''];
  if (column === undefined) return value;
  return Array.isArray(value) ? value.map((row) => (row as Record<string, unknown>)?.[column]) : undefined;
}

/**
 * What a form-sourced aggregate groups: the records its `where` keeps, or with `rows` one item
 * per sub-table row, carrying the record's header fields too.
 */
export function formItems(
  source: { form: string; rows?: string; where?: string },
  records: readonly Readonly<Record<string, unknown>>[],
): Record<string, unknown>[] {
  const compiled = source.where ? compileExpression(source.where) : undefined;
  const out: Record<string, unknown>[] = [];
  for (const data of records) {
    if (compiled) {
      // A rule that does not compile keeps nothing rather than everything.
      if (!compiled.ok) continue;
      const kept = evaluateExpression(compiled.expr, { get: (path) => toExprValue(recordValue(data, path)) });
      if (!kept.ok || !isTruthy(kept.value)) continue;
    }
    if (source.rows)
      for (const row of (data[source.rows] as Record<string, unknown>[] | undefined) ?? [])
        out.push({ ...data, ...row });
    else out.push({ ...data });
  }
  return out;
}

/** The server's aggregate when it answers, else the device's own computation. */
export async function loadAggregate(
  app: string,
  view: AggregateView,
): Promise<{ rows: AggregateRow[]; fromDevice: boolean }> {
  try {
    const answer = await api<{ rows: AggregateRow[] } | AggregateRow[]>(
      `/api/apps/${encodeURIComponent(app)}/views/${encodeURIComponent(view.id)}`,
    );
    const rows = Array.isArray(answer) ? answer : answer.rows;
    if (!Array.isArray(rows)) throw new Error('unexpected answer');
    return { rows: rows.map(normalize(view)), fromDevice: false };
  } catch {
    return { rows: aggregate(view, await localItems(app, view)), fromDevice: true };
  }
}

/** Server rows may come flat (`{ item, location, balance }`) or as `{ key, values }`. */
function normalize(view: AggregateView): (row: AggregateRow | Record<string, unknown>) => AggregateRow {
  return (row) => {
    if ('key' in row && 'values' in row && typeof row.key === 'object') return row as AggregateRow;
    if ('keys' in row && 'values' in row && typeof row.keys === 'object' && row.keys) {
      const keys = row.keys as Record<string, string | null>;
      return {
        key: Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, v ?? ''])),
        values: row.values as Record<string, number | null>,
      };
    }
    const flat = row as Record<string, unknown>;
    const key: Record<string, string> = {};
    for (const g of view.groupBy) key[g.key] = String(flat[g.key] ?? '');
    const values: Record<string, number | null> = {};
    for (const m of view.measures) values[m.id] = typeof flat[m.id] === 'number' ? (flat[m.id] as number) : null;
    return { key, values };
  };
}
