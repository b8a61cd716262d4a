import type { AggregateView, ListView } from '@gongfang/schema';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formOf, inspectionApp, inventoryApp } from '../../test/forms.ts';
import { aggregate, formItems, highlightOf } from './aggregate.ts';
import { compareBy, filterRows, type ListRow, passes } from './listRows.ts';
import { usePersonName } from './people.ts';
import { loadDirectory } from './ports.ts';
import { checkGuards, fillGuardMessage } from './postings.ts';

const viewOf = <T,>(app: typeof inventoryApp, id: string) => app.views?.find((v) => v.id === id) as T;

describe('ledger guards on the device', () => {
  const stockOut = formOf(inventoryApp, 'stock_out');
  const issue = (qty: number) => ({ lines: [{ item_code: 'ITM-10002', location: 'A-03', qty }] });
  const balances = (qty: number) => vi.fn(async () => ({ qty }));

  it('blocks an issue of more than the last synced balance plus local postings, with the localized message', async () => {
    const available = balances(12);
    const found = await checkGuards(inventoryApp, stockOut, issue(20), available);
    expect(available).toHaveBeenCalledWith('stock', { item: 'ITM-10002', location: 'A-03' });
    expect(found).toHaveLength(1);
    const [w] = found;
    if (!w?.message) throw new Error('the guard has a message');
    expect(fillGuardMessage(w.message.en ?? '', w)).toBe('Not enough stock: ITM-10002 at A-03 has only 12');
    expect(fillGuardMessage(w.message['zh-CN'] ?? '', w)).toBe('库存不足：ITM-10002 在 A-03 只剩 12');
  });

  it('sums the lines of one item and location before comparing', async () => {
    const data = {
      lines: [
        { item_code: 'ITM-10002', location: 'A-03', qty: 7 },
        { item_code: 'ITM-10002', location: 'A-03', qty: 6 },
      ],
    };
    expect(await checkGuards(inventoryApp, stockOut, data, balances(12))).toHaveLength(1);
    expect(await checkGuards(inventoryApp, stockOut, data, balances(13))).toHaveLength(0);
  });

  it('lets an issue within the balance and any receipt through', async () => {
    expect(await checkGuards(inventoryApp, stockOut, issue(12), balances(12))).toEqual([]);
    const receipt = await checkGuards(inventoryApp, formOf(inventoryApp, 'stock_in'), issue(500), balances(0));
    expect(receipt).toEqual([]);
  });
});

describe('aggregates computed on the device', () => {
  it('stock balance per item and location, with its highlights', () => {
    const view = viewOf<AggregateView>(inventoryApp, 'stock_balance');
    const rows = aggregate(view, [
      { item: 'ITM-1', location: 'A-01', qty: 30, in_qty: 50, out_qty: 20 },
      { item: 'ITM-1', location: 'A-01', qty: 10, in_qty: 10 },
      { item: 'ITM-2', location: 'A-01', qty: 0, in_qty: 5, out_qty: 5 },
      { item: 'ITM-1', location: 'B-02', qty: 80, in_qty: 80 },
    ]);
    const byKey = Object.fromEntries(rows.map((r) => [`${r.key.item}@${r.key.location}`, r]));
    expect(byKey['ITM-1@A-01']?.values).toEqual({ received: 60, issued: 20, balance: 40 });
    expect(byKey['ITM-2@A-01']?.values.balance).toBe(0);
    expect(byKey['ITM-1@B-02']?.values).toEqual({ received: 80, issued: null, balance: 80 });
    expect(highlightOf(view, byKey['ITM-2@A-01'] as never)?.tone).toBe('danger');
    expect(highlightOf(view, byKey['ITM-1@A-01'] as never)?.tone).toBe('warning');
    expect(highlightOf(view, byKey['ITM-1@B-02'] as never)).toBeUndefined();
  });

  it('defect rate by line and shift: counts, a filtered count and a ratio of measures', () => {
    const view = viewOf<AggregateView>(inspectionApp, 'defect_rate');
    const records = [
      ...Array.from({ length: 9 }, () => ({ line: 'L1', shift: 'day', result: 'OK' })),
      { line: 'L1', shift: 'day', result: 'NG' },
      { line: 'L1', shift: 'night', result: 'NG' },
      { line: 'L1', shift: 'night', result: 'OK' },
    ];
    const rows = aggregate(view, formItems({ form: 'inspection' }, records));
    const day = rows.find((r) => r.key.shift === 'day');
    const night = rows.find((r) => r.key.shift === 'night');
    expect(day?.values).toEqual({ total: 10, ng: 1, rate: 0.1 });
    expect(night?.values).toEqual({ total: 2, ng: 1, rate: 0.5 });
    expect(highlightOf(view, night as never)?.tone).toBe('danger');
  });

  it("keeps only the records the source's where selects, one item per sub-table row", () => {
    const view = viewOf<AggregateView>(inventoryApp, 'issues_by_line');
    const source = view.source as { form: string; rows?: string; where?: string };
    const records = [
      {
        out_type: 'production',
        to_line: 'L1',
        lines: [
          { item_code: 'A', qty: 5 },
          { item_code: 'B', qty: 2 },
        ],
      },
      { out_type: 'production', to_line: 'L1', lines: [{ item_code: 'A', qty: 1 }] },
      { out_type: 'scrap', to_line: 'L1', lines: [{ item_code: 'A', qty: 100 }] },
    ];
    const items = formItems(source, records);
    expect(items).toHaveLength(3);
    const rows = aggregate(view, items);
    expect(rows.find((r) => r.key.item_code === 'A')?.values).toEqual({ issued: 6, requisitions: 2 });
    expect(rows.find((r) => r.key.item_code === 'B')?.values).toEqual({ issued: 2, requisitions: 1 });
    // A where that does not compile keeps nothing rather than everything.
    expect(formItems({ form: 'x', where: 'out_type = ' }, records)).toEqual([]);
  });
});

describe('list filtering', () => {
  const row = (id: string, values: Record<string, unknown>): ListRow => ({ id, values });
  const rows = [
    row('1', { doc_no: 'RK-001', supplier: 'Ningbo Precision', in_type: 'purchase', total_qty: 10, tags: ['x'] }),
    row('2', { doc_no: 'RK-002', supplier: 'Wuxi Seals', in_type: 'return', total_qty: 3, tags: ['x', 'y'] }),
    row('3', { doc_no: 'RK-003', in_type: 'purchase', total_qty: 7 }),
  ];
  const ids = (list: readonly ListRow[]) => list.map((r) => r.id);

  it("searches the view's search fields, any case, and combines with the user filters", () => {
    const searchIn = viewOf<ListView>(inventoryApp, 'stock_in_list').search ?? [];
    expect(ids(filterRows(rows, { search: ' ningbo ', searchIn, filters: {} }))).toEqual(['1']);
    expect(ids(filterRows(rows, { search: 'rk-00', searchIn, filters: { in_type: 'purchase' } }))).toEqual(['1', '3']);
    expect(ids(filterRows(rows, { search: '', searchIn, filters: { in_type: '' } }))).toEqual(['1', '2', '3']);
    expect(ids(filterRows(rows, { search: 'ningbo', searchIn: [], filters: {} }))).toEqual([]);
    expect(ids(filterRows(rows, { search: '', searchIn, filters: { tags: 'y' } }))).toEqual(['2']);
  });

  it("applies the view's fixed filters and sorts with blanks last", () => {
    expect(ids(rows.filter((r) => passes({ field: 'total_qty', op: 'gte', value: 7 }, r.values)))).toEqual(['1', '3']);
    expect(ids(rows.filter((r) => passes({ field: 'supplier', op: 'blank' }, r.values)))).toEqual(['3']);
    expect(ids(rows.filter((r) => passes({ field: 'in_type', op: 'in', value: ['return'] }, r.values)))).toEqual(['2']);
    expect(ids([...rows].sort(compareBy([{ field: 'supplier', direction: 'asc' }])))).toEqual(['1', '2', '3']);
    expect(ids([...rows].sort(compareBy([{ field: 'total_qty', direction: 'desc' }])))).toEqual(['1', '3', '2']);
  });
});

describe('people by display name', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('shows the user name until the directory arrives, then the display name in the UI language', async () => {
    localStorage.clear();
    const answer = { members: [{ name: 'sun.li', displayName: { 'zh-CN': '孙丽', en: 'Sun Li' } }] };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(answer), { status: 200 })),
    );
    const { result, rerender } = renderHook(({ lang }) => usePersonName(lang), { initialProps: { lang: 'en' } });
    expect(result.current('sun.li')).toBe('sun.li');
    await act(async () => {
      await loadDirectory('en', []);
    });
    expect(result.current('sun.li')).toBe('Sun Li');
    rerender({ lang: 'zh-CN' });
    expect(result.current('sun.li')).toBe('孙丽');
    expect(result.current('nobody')).toBe('nobody');
  });

  it('offline, the cached directory still names people', async () => {
    localStorage.setItem(
      'gf.directory',
      JSON.stringify({ members: [{ name: 'zhou.min', displayName: { 'zh-CN': '周敏', en: 'Zhou Min' } }] }),
    );
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const directory = await loadDirectory('en', []);
    expect(directory.members.map((m) => m.name)).toEqual(['Zhou Min']);
    const { result } = renderHook(() => usePersonName('zh-CN'));
    expect(result.current('zhou.min')).toBe('周敏');
  });
});
