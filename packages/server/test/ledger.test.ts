import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { balanceChangesSince } from '../src/ledger/balances.ts';
import { postRecord } from '../src/ledger/post.ts';
import { type Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';
import { accept, INV_ORG, INVENTORY, seedInventory, stockIn, stockOut, workflowEvent } from './inventoryFixture.ts';

describe.each(DB_KINDS)('stock ledger on %s', (kind) => {
  let server: TestServer;
  let ids: Map<string, string>;
  let keeper: Client;
  let op: Client;
  const by = () => ids.get('keeper') as string;
  const balance = async (item: string, location: string) => {
    const answer = await keeper.get(
      `/api/ledgers/inventory/stock/balances?key.item=${encodeURIComponent(item)}&key.location=${location}`,
    );
    expect(answer.status).toBe(200);
    return answer.body.balances[0]?.measures as Record<string, number> | undefined;
  };
  beforeAll(async () => {
    server = await startServer(kind);
    ids = await seedInventory(server.db);
    keeper = await signedInAs(server.base, 'keeper', INV_ORG);
    op = await signedInAs(server.base, 'op', INV_ORG);
  });
  afterAll(() => server.close());

  test('stock-in posts +qty per line on submit; two lines of one item and location add up', async () => {
    const { posted } = await accept(server.db, {
      form: 'stock_in',
      by: by(),
      data: stockIn([
        { item: 'ITM-00001', qty: 10.1, location: 'A-01' },
        { item: 'ITM-00001', qty: 0.2, location: 'A-01' },
        { item: 'ITM-00002', qty: 5, location: 'A-02' },
      ]),
    });
    expect(posted).toMatchObject({ entries: 3, exceptions: [] });
    expect(await balance('ITM-00001', 'A-01')).toEqual({ qty: 10.3, in_qty: 10.3 });
    expect(await balance('ITM-00002', 'A-02')).toEqual({ qty: 5, in_qty: 5 });
  });

  test('stock-out posts nothing on submit and -qty on approval; rejection after approval reverses', async () => {
    const { record, posted } = await accept(server.db, {
      form: 'stock_out',
      by: ids.get('op') as string,
      status: 'running',
      data: stockOut([{ item: 'ITM-00002', qty: 2, location: 'A-02' }]),
    });
    expect(posted.entries).toBe(0);
    expect(await balance('ITM-00002', 'A-02')).toEqual({ qty: 5, in_qty: 5 });
    const approved = await workflowEvent(server.db, record, 'approved');
    expect(approved.entries).toBe(1);
    expect(await balance('ITM-00002', 'A-02')).toEqual({ qty: 3, in_qty: 5, out_qty: 2 });
    // Approving twice (a retried hook) posts once.
    expect((await workflowEvent(server.db, record, 'approved')).entries).toBe(0);
    await workflowEvent(server.db, record, 'rejected');
    expect(await balance('ITM-00002', 'A-02')).toEqual({ qty: 5, in_qty: 5, out_qty: 0 });
  });

  test('an edit posts the reversal of the previous revision, then the new entries', async () => {
    const data = stockIn([{ item: 'ITM-00003', qty: 7, location: 'B-01' }]);
    const { record } = await accept(server.db, { form: 'stock_in', by: by(), data });
    const edited = { ...data, lines: [{ ...(data.lines as object[])[0], qty: 4, location: 'B-02' }] };
    const { posted } = await accept(server.db, {
      id: record.id,
      revision: 2,
      form: 'stock_in',
      by: by(),
      data: edited,
    });
    expect(posted.entries).toBe(2);
    expect(await balance('ITM-00003', 'B-01')).toEqual({ qty: 0, in_qty: 0 });
    expect(await balance('ITM-00003', 'B-02')).toEqual({ qty: 4, in_qty: 4 });
    const entries = await server.db.query<{ kind: string; revision: number; measures: { qty: number } }>(
      'select kind, revision, measures from ledger_entries where record_id = $1 order by seq',
      [record.id],
    );
    expect(entries).toEqual([
      { kind: 'post', revision: 1, measures: { qty: 7, in_qty: 7 } },
      { kind: 'reverse', revision: 2, measures: { qty: -7, in_qty: -7 } },
      { kind: 'post', revision: 2, measures: { qty: 4, in_qty: 4 } },
    ]);
    // A retried hook for the same revision posts nothing more.
    const again = await server.db.transaction((tx) =>
      postRecord(tx, {
        orgId: INV_ORG,
        app: INVENTORY,
        record: { ...record, revision: 2, data: edited },
        event: 'edited',
      }),
    );
    expect(again.entries).toBe(0);
    expect(await balance('ITM-00003', 'B-02')).toEqual({ qty: 4, in_qty: 4 });
  });

  test('the database refuses UPDATE and DELETE on ledger_entries', async () => {
    await expect(server.db.query("update ledger_entries set kind = 'post'")).rejects.toThrow(/append-only/);
    await expect(server.db.query('delete from ledger_entries')).rejects.toThrow(/append-only/);
  });

  test('a stock-out that drives the balance negative is kept and opens an exception for the warehouse keeper', async () => {
    await accept(server.db, {
      form: 'stock_in',
      by: by(),
      data: stockIn([{ item: 'ITM-00009', qty: 3, location: 'C-01' }]),
    });
    const { record } = await accept(server.db, {
      form: 'stock_out',
      by: ids.get('op') as string,
      status: 'running',
      data: stockOut([{ item: 'ITM-00009', qty: 5, location: 'C-01' }]),
    });
    const result = await workflowEvent(server.db, record, 'approved');
    expect(result.exceptions).toHaveLength(1);
    expect(await balance('ITM-00009', 'C-01')).toMatchObject({ qty: -2 });
    const [kept] = await server.db.query('select status from records where id = $1', [record.id]);
    expect(kept).toEqual({ status: 'approved' });

    const list = await keeper.get('/api/exceptions?status=open');
    expect(list.status).toBe(200);
    const mine = list.body.exceptions.find((e: { recordId: string }) => e.recordId === record.id);
    expect(mine).toMatchObject({
      guard: 'no_negative_stock',
      role: 'warehouse_keeper',
      key: { item: 'ITM-00009', location: 'C-01' },
      balance: -2,
      status: 'open',
      message: {
        'zh-CN': '库存不足：ITM-00009 在 C-01 只剩 -2.00',
        en: 'Not enough stock: ITM-00009 at C-01 has only -2.00',
      },
    });
    // Not the operator's to see or resolve.
    expect((await op.get('/api/exceptions')).body.exceptions).toEqual([]);
    const refused = await op.post(`/api/exceptions/${mine.id}/resolve`, { note: 'not mine' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');

    const resolved = await keeper.post(`/api/exceptions/${mine.id}/resolve`, { note: '盘点后补录入库 / recounted' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolvedBy: ids.get('keeper'),
      note: '盘点后补录入库 / recounted',
    });
    expect((await keeper.post(`/api/exceptions/${mine.id}/resolve`, { note: 'again' })).status).toBe(409);
    const audited = await server.db.query<{ action: string }>(
      "select action from audit_log where org_id = $1 and entity_type = 'ledger_exception' and entity_id = $2 order by seq",
      [INV_ORG, mine.id],
    );
    expect(audited.map((a) => a.action)).toEqual(['ledger.exception.open', 'ledger.exception.resolve']);
    // A later stock-in to the negative key does not open a second exception.
    const topUp = await accept(server.db, {
      form: 'stock_in',
      by: by(),
      data: stockIn([{ item: 'ITM-00009', qty: 1, location: 'C-01' }]),
    });
    expect(topUp.posted.exceptions).toEqual([]);
  });

  test('concurrent stock-outs of the same key: the balance is exact and the one that broke the guard is flagged', async () => {
    await accept(server.db, {
      form: 'stock_in',
      by: by(),
      data: stockIn([{ item: 'ITM-00077', qty: 10, location: 'D-01' }]),
    });
    const outs = await Promise.all(
      Array.from({ length: 8 }, () =>
        accept(server.db, {
          form: 'stock_out',
          by: ids.get('op') as string,
          status: 'running',
          data: stockOut([{ item: 'ITM-00077', qty: 2, location: 'D-01' }]),
        }),
      ),
    );
    const results = await Promise.all(outs.map((o) => workflowEvent(server.db, o.record, 'approved')));
    expect(await balance('ITM-00077', 'D-01')).toMatchObject({ qty: -6, out_qty: 16 });
    // Balances went 8, 6, 4, 2, 0, -2, -4, -6: exactly three postings broke the guard.
    expect(results.filter((r) => r.exceptions.length > 0)).toHaveLength(3);
    const [sum] = await server.db.query<{ qty: string }>(
      `select sum((measures->>'qty')::numeric)::text as qty from ledger_entries
        where org_id = $1 and key_text = $2`,
      [INV_ORG, '{"item":"ITM-00077","location":"D-01"}'],
    );
    expect(Number(sum?.qty)).toBe(-6);
  });

  test('balances equal the sums of entries, and the balance feed lists changes after a cursor', async () => {
    const sums = await server.db.query<{ key_text: string; qty: string }>(
      `select key_text, sum((measures->>'qty')::numeric)::text as qty from ledger_entries where org_id = $1 group by key_text`,
      [INV_ORG],
    );
    const rows = await server.db.query<{ key_text: string; qty: string }>(
      `select key_text, (measures->>'qty') as qty from ledger_balances where org_id = $1`,
      [INV_ORG],
    );
    expect(new Map(rows.map((r) => [r.key_text, Number(r.qty)]))).toEqual(
      new Map(sums.map((r) => [r.key_text, Number(r.qty)])),
    );
    const all = await server.db.transaction((tx) => balanceChangesSince(tx, INV_ORG, 0, 1000));
    expect(all.length).toBe(rows.length);
    expect(all.map((c) => c.seq)).toEqual([...all.map((c) => c.seq)].sort((a, b) => a - b));
    const last = all[all.length - 2]?.seq ?? 0;
    const after = await server.db.transaction((tx) => balanceChangesSince(tx, INV_ORG, last, 1000));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ type: 'balance', data: { app: 'inventory', ledger: 'stock' } });
    expect(await server.db.transaction((tx) => balanceChangesSince(tx, 'alpha', 0, 10))).toEqual([]);
  });

  test('balances: unknown app or ledger is 404, a role without access is 403, other orgs see nothing', async () => {
    expect((await keeper.get('/api/ledgers/nope/stock/balances')).body.code).toBe('app-not-found');
    expect((await keeper.get('/api/ledgers/inventory/nope/balances')).body.code).toBe('ledger-not-found');
    const guest = await signedInAs(server.base, 'guest', INV_ORG);
    expect((await guest.get('/api/ledgers/inventory/stock/balances')).status).toBe(403);
    const alpha = await signedInAs(server.base, 'admin', 'alpha');
    expect((await alpha.get('/api/ledgers/inventory/stock/balances')).status).toBe(404);
    const bad = await keeper.get('/api/ledgers/inventory/stock/balances?item=x');
    expect(bad.status).toBe(400);
    const paged = await keeper.get('/api/ledgers/inventory/stock/balances?limit=2');
    expect(paged.body.balances).toHaveLength(2);
    const next = await keeper.get(
      `/api/ledgers/inventory/stock/balances?limit=2&after=${encodeURIComponent(paged.body.next)}`,
    );
    expect(next.body.balances[0].key).not.toEqual(paged.body.balances[1].key);
  });
});
