import type { StoredRecord } from '@gongfang/offline';
import type { ListView } from '@gongfang/schema';

type ViewFilter = NonNullable<ListView['filters']>[number];
type SortKey = NonNullable<ListView['sort']>[number];

import { api } from './api.ts';
import { getServices } from './services.ts';

export interface ListRow {
  id: string;
  values: Record<string, unknown>;
}

/** A device record as a view row: its data plus the `$` record properties. */
export function rowOf(r: StoredRecord): ListRow {
  const wf = r.extras?.workflow as { status?: string } | undefined;
  return {
    id: r.id,
    values: {
      ...r.envelope.data,
      $id: r.id,
      $status: wf?.status ?? (r.status === 'synced' ? 'none' : r.status),
      $createdAt: r.envelope.createdAt,
      $createdBy: r.envelope.createdBy,
      $updatedAt: r.envelope.updatedAt,
      $version: r.envelope.version,
    },
  };
}

interface ServerRows {
  rows: { id: string; values: Record<string, unknown> }[];
  next?: string | null;
}

/** Pages of 500 (the server's maximum), up to 20,000 rows. */
async function serverRows(app: string, view: string): Promise<ListRow[]> {
  const rows: ListRow[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 40; page++) {
    const query = new URLSearchParams({ limit: '500', ...(cursor ? { cursor } : {}) });
    const answer = await api<ServerRows>(
      `/api/apps/${encodeURIComponent(app)}/views/${encodeURIComponent(view)}?${query}`,
    );
    if (!Array.isArray(answer.rows)) throw new Error('unexpected answer');
    rows.push(...answer.rows);
    if (!answer.next) break;
    cursor = answer.next;
  }
  return rows;
}

/**
 * The view's rows: the server's (GET /api/apps/:app/views/:view) when it answers, else the records
 * on this tablet. `fromDevice` tells the screen which one it shows.
 */
export async function loadListRows(app: string, view: ListView): Promise<{ rows: ListRow[]; fromDevice: boolean }> {
  try {
    return { rows: await serverRows(app, view.id), fromDevice: false };
  } catch {
    const { store } = getServices();
    const records = await store.newestRecords(app, view.form, 100_000);
    return {
      rows: records.map(rowOf).filter((r) => (view.filters ?? []).every((f) => passes(f, r.values))),
      fromDevice: true,
    };
  }
}

export function passes(f: ViewFilter, values: Record<string, unknown>): boolean {
  const v = values[f.field];
  const blank = v === undefined || v === null || v === '';
  switch (f.op) {
    case 'blank':
      return blank;
    case 'notBlank':
      return !blank;
    case 'eq':
      return v === f.value;
    case 'ne':
      return v !== f.value;
    case 'in':
      return Array.isArray(f.value) && f.value.includes(v as string);
    case 'contains':
      return String(v ?? '').includes(String(f.value ?? ''));
    default: {
      if (blank) return false;
      const a = v as number | string;
      const b = f.value as number | string;
      return f.op === 'lt' ? a < b : f.op === 'lte' ? a <= b : f.op === 'gt' ? a > b : a >= b;
    }
  }
}

/**
 * The list screen's own narrowing: each user filter (field → chosen value, '' for any) must match
 * (a multiple choice: hold the value), and the search text, if any, must occur in one of the view's search fields (any case).
 */
export function filterRows(
  rows: readonly ListRow[],
  o: { search: string; searchIn: readonly string[]; filters: Readonly<Record<string, string>> },
): ListRow[] {
  const q = o.search.trim().toLowerCase();
  const chosen = Object.entries(o.filters).filter(([, v]) => v !== '');
  return rows.filter(
    (r) =>
      chosen.every(([field, value]) => {
        const v = r.values[field];
        // A multiple choice matches when the chosen option is among its values.
        return Array.isArray(v) ? v.includes(value) : passes({ field, op: 'eq', value }, r.values);
      }) &&
      (!q ||
        o.searchIn.some((f) =>
          String(r.values[f] ?? '')
            .toLowerCase()
            .includes(q),
        )),
  );
}

export function compareBy(sort: readonly SortKey[]): (a: ListRow, b: ListRow) => number {
  return (a, b) => {
    for (const key of sort) {
      const x = a.values[key.field];
      const y = b.values[key.field];
      if (x === y) continue;
      const order = x === undefined || x === null ? 1 : y === undefined || y === null ? -1 : x < y ? -1 : 1;
      return key.direction === 'desc' ? -order : order;
    }
    return 0;
  };
}
