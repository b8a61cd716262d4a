import type { AppDefinition } from '@gongfang/schema';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';
import {
  accept,
  INV_ORG,
  INVENTORY,
  type Line,
  seedInventory,
  stockIn,
  stockOut,
  type TestRecord,
  workflowEvent,
} from './inventoryFixture.ts';

/** The example with one restriction: workshop leads never see the supplier of a stock-in. */
const APP: AppDefinition = structuredClone(INVENTORY);
const stockInForm = APP.forms.find((f) => f.id === 'stock_in');
if (stockInForm) stockInForm.permissions.fieldAccess = [{ role: 'workshop_lead', hidden: ['supplier'] }];

const ITEMS = ['ITM-10001', 'ITM-10002', 'ITM-10003'];
const LOCS = ['A-01', 'B-02'];

function randomLines(seed: number, n: number): Line[] {
  return Array.from({ length: n }, (_, i) => ({
    item: ITEMS[(seed + i) % ITEMS.length] as string,
    location: LOCS[(seed * 7 + i) % LOCS.length] as string,
    qty: ((seed * 13 + i * 5) % 40) + 0.5,
  }));
}

describe.each(DB_KINDS)('views on %s', (kind) => {
  let server: TestServer;
  let ids: Map<string, string>;
  let keeper: Client;
  let op: Client;
  const ins: TestRecord[] = [];
  const outs: { record: TestRecord; outcome: 'approved' | 'rejected' | 'running' }[] = [];

  beforeAll(async () => {
    server = await startServer(kind);
    ids = await seedInventory(server.db, APP);
    keeper = await signedInAs(server.base, 'keeper', INV_ORG);
    op = await signedInAs(server.base, 'op', INV_ORG);
    for (let i = 0; i < 7; i++) {
      const data = stockIn(randomLines(i, 1 + (i % 3)), {
        in_date: `2025-03-0${1 + (i % 5)}`,
        supplier: i === 2 ? '华铝材料' : '宁波精达',
      });
      if (i % 2 === 1) data.in_type = 'production';
      if (data.in_type === 'production') {
        delete data.supplier;
        data.from_line = 'L1';
      }
      ins.push((await accept(server.db, { form: 'stock_in', by: ids.get('keeper') as string, data }, APP)).record);
    }
    const outcomes = ['approved', 'approved', 'rejected', 'running', 'approved'] as const;
    for (const [i, outcome] of outcomes.entries()) {
      const by = ids.get(i % 2 === 0 ? 'op' : 'keeper') as string;
      const data = stockOut(
        randomLines(i + 3, 2).map((l) => ({ ...l, qty: 1 + i })),
        { to_line: i % 2 ? 'L2' : 'L1' },
      );
      const { record } = await accept(server.db, { form: 'stock_out', by, status: 'running', data }, APP);
      if (outcome !== 'running') await workflowEvent(server.db, record, outcome, APP);
      outs.push({ record, outcome });
    }
  });
  afterAll(() => server.close());

  test('stock balance view equals the stock-in line items minus the approved stock-out line items', async () => {
    const expected = new Map<string, { received: number; issued: number }>();
    const add = (rec: TestRecord, field: 'received' | 'issued') => {
      for (const l of rec.data.lines as { item_code: string; location: string; qty: number }[]) {
        const k = `${l.item_code}|${l.location}`;
        const e = expected.get(k) ?? { received: 0, issued: 0 };
        e[field] += l.qty;
        expected.set(k, e);
      }
    };
    for (const r of ins) add(r, 'received');
    for (const o of outs) if (o.outcome === 'approved') add(o.record, 'issued');
    const answer = await keeper.get('/api/apps/inventory/views/stock_balance');
    expect(answer.status).toBe(200);
    expect(answer.body.columns.map((c: { id: string }) => c.id)).toEqual([
      'item',
      'location',
      'received',
      'issued',
      'balance',
    ]);
    const got = new Map(
      answer.body.rows.map((r: { keys: { item: string; location: string }; values: Record<string, number> }) => [
        `${r.keys.item}|${r.keys.location}`,
        r.values,
      ]),
    );
    expect(got.size).toBe(expected.size);
    for (const [k, e] of expected) {
      const v = got.get(k) as Record<string, number>;
      expect(v.received).toBeCloseTo(e.received, 6);
      expect(v.issued ?? 0).toBeCloseTo(e.issued, 6);
      expect(v.balance).toBeCloseTo(e.received - e.issued, 6);
    }
    // Sorted by item then location; highlights follow the balance.
    const keys = answer.body.rows.map(
      (r: { keys: { item: string; location: string } }) => `${r.keys.item}|${r.keys.location}`,
    );
    expect(keys).toEqual([...keys].sort());
    for (const r of answer.body.rows) {
      const tone = r.values.balance <= 0 ? 'danger' : r.values.balance < 50 ? 'warning' : null;
      expect(r.highlight?.tone ?? null).toBe(tone);
    }
  });

  test('an aggregate over a form, per sub-table row, with a `where` expression (JS path)', async () => {
    const expected = new Map<string, { issued: number; n: number }>();
    for (const o of outs) {
      if (o.outcome === 'rejected' || o.record.data.out_type !== 'production') continue;
      for (const l of o.record.data.lines as { item_code: string; qty: number }[]) {
        const k = `${o.record.data.to_line}|${l.item_code}`;
        const e = expected.get(k) ?? { issued: 0, n: 0 };
        e.issued += l.qty;
        e.n += 1;
        expected.set(k, e);
      }
    }
    const answer = await keeper.get('/api/apps/inventory/views/issues_by_line');
    expect(answer.status).toBe(200);
    expect(answer.body.rows).toHaveLength(expected.size);
    for (const r of answer.body.rows) {
      expect(r.values).toEqual({
        issued: expected.get(`${r.keys.to_line}|${r.keys.item_code}`)?.issued,
        requisitions: expected.get(`${r.keys.to_line}|${r.keys.item_code}`)?.n,
      });
    }
    const issued = answer.body.rows.map((r: { values: { issued: number } }) => r.values.issued);
    expect(issued).toEqual([...issued].sort((a, b) => b - a));
  });

  test('a chart view returns categories and one series per location', async () => {
    const chart = await keeper.get('/api/apps/inventory/views/balance_chart');
    expect(chart.status).toBe(200);
    expect(chart.body).toMatchObject({ chart: 'stackedBar', x: 'item' });
    expect(chart.body.categories).toEqual(ITEMS);
    expect(chart.body.series.map((s: { key: string }) => s.key).sort()).toEqual(LOCS);
    const table = (await keeper.get('/api/apps/inventory/views/stock_balance')).body.rows;
    const a01 = chart.body.series.find((s: { key: string }) => s.key === 'A-01');
    const row = table.find(
      (r: { keys: { item: string; location: string } }) => r.keys.item === ITEMS[0] && r.keys.location === 'A-01',
    );
    expect(a01.data[0]).toBeCloseTo(row?.values.balance ?? null, 6);
  });

  test('list view: keyset pages cover every record once, in the view order', async () => {
    const seen: { id: string; date: string }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/apps/inventory/views/stock_in_list?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await keeper.get(url);
      expect(page.status).toBe(200);
      expect(page.body.rows.length).toBeLessThanOrEqual(3);
      for (const r of page.body.rows) seen.push({ id: r.id, date: r.values.in_date });
      cursor = page.body.next;
    } while (cursor);
    expect(seen.map((s) => s.id).sort()).toEqual(ins.map((r) => r.id).sort());
    const dates = seen.map((s) => s.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await keeper.get('/api/apps/inventory/views/stock_in_list?cursor=garbage')).body.code).toBe(
      'invalid-cursor',
    );
  });

  test('list view: user filters, search, and filters outside userFilters refused', async () => {
    const filter = encodeURIComponent(JSON.stringify([{ field: 'in_type', op: 'eq', value: 'production' }]));
    const production = await keeper.get(`/api/apps/inventory/views/stock_in_list?filter=${filter}&limit=50`);
    expect(production.body.rows.map((r: { values: { in_type: string } }) => r.values.in_type)).toEqual([
      'production',
      'production',
      'production',
    ]);
    const searched = await keeper.get(`/api/apps/inventory/views/stock_in_list?q=${encodeURIComponent('华铝')}`);
    expect(searched.body.rows).toHaveLength(1);
    expect(searched.body.rows[0].values.supplier).toBe('华铝材料');
    const notAllowed = encodeURIComponent(JSON.stringify([{ field: 'supplier', op: 'eq', value: 'x' }]));
    const refused = await keeper.get(`/api/apps/inventory/views/stock_in_list?filter=${notAllowed}`);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('invalid-filter');
    expect((await keeper.get('/api/apps/inventory/views/stock_in_list?filter=nope')).body.code).toBe('invalid-filter');
    const status = encodeURIComponent(JSON.stringify([{ field: '$status', op: 'in', value: ['approved'] }]));
    const approved = await keeper.get(`/api/apps/inventory/views/stock_out_list?filter=${status}`);
    expect(approved.body.rows).toHaveLength(3);
  });

  test('list view: an operator sees only their own records; hidden fields are left out; roles are checked', async () => {
    const mine = await op.get('/api/apps/inventory/views/stock_out_list?limit=50');
    expect(mine.status).toBe(200);
    const own = outs.filter((_, i) => i % 2 === 0).map((o) => o.record.id);
    expect(mine.body.rows.map((r: { id: string }) => r.id).sort()).toEqual(own.sort());
    expect((await op.get('/api/apps/inventory/views/stock_in_list')).status).toBe(403);
    const wlead = await signedInAs(server.base, 'wlead', INV_ORG);
    const led = await wlead.get('/api/apps/inventory/views/stock_in_list?limit=50');
    expect(led.status).toBe(200);
    expect(led.body.columns).not.toContain('supplier');
    expect(JSON.stringify(led.body)).not.toMatch(/宁波精达|华铝/);
    expect(
      (await wlead.get(`/api/apps/inventory/views/stock_in_list?q=${encodeURIComponent('华铝')}`)).body.rows,
    ).toEqual([]);
    const qc = await signedInAs(server.base, 'qc', INV_ORG);
    expect((await qc.get('/api/apps/inventory/views/stock_balance')).status).toBe(403);
    expect((await keeper.get('/api/apps/inventory/views/nope')).body.code).toBe('view-not-found');
    const alpha = await signedInAs(server.base, 'admin', 'alpha');
    expect((await alpha.get('/api/apps/inventory/views/stock_balance')).body.code).toBe('app-not-found');
  });
});
