import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DB_KINDS, type TestServer } from './harness.ts';
import { demo, pushAll, startSyncServer, uuidv7 } from './syncHarness.ts';

const stockIn = (qty: number) => ({
  id: uuidv7(),
  app: 'inventory',
  form: 'stock_in',
  version: 1,
  revision: 1,
  data: {
    doc_no: 'RK-20250303-001',
    in_date: '2025-03-03',
    in_type: 'purchase',
    supplier: '宁波精达轴承有限公司',
    keeper: 'sun.li',
    lines: [
      {
        _id: 'l1',
        item_code: 'ITM-10002',
        item_name: '轴承 6204',
        batch: 'NB2502-117',
        qty,
        unit: 'pcs',
        location: 'A-03',
      },
    ],
  },
  createdBy: 'sun.li',
  createdAt: '2025-03-03T09:00:00+08:00',
  deviceId: 'tablet-wh-01',
});

describe.each(DB_KINDS)('ledger balances in the pull on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startSyncServer(kind);
  });
  afterAll(() => server.close());

  test('an accepted stock-in moves a balance that the keeper pulls, after the record that moved it', async () => {
    const keeper = await demo(server.base, 'sun.li');
    const record = stockIn(400);
    const [answer] = await pushAll(keeper, [{ id: uuidv7(), kind: 'create', record }]);
    expect(answer, JSON.stringify(answer)).toMatchObject({ status: 'accepted' });
    const { changes } = (await keeper.get('/api/sync/pull?limit=500')).body;
    const balance = changes.find((c: { type: string }) => c.type === 'balance');
    expect(balance?.data).toMatchObject({ app: 'inventory', ledger: 'stock', key: { item: 'ITM-10002' } });
    const recordSeq = changes.find(
      (c: { type: string; data: { record?: { id: string } } }) => c.data.record?.id === record.id,
    )?.seq;
    expect(balance.seq).toBeGreaterThan(0);
    expect(recordSeq).toBeGreaterThan(0);
    // An operator sees no one else's stock-in records.
    const operator = await demo(server.base, 'liu.yang');
    const theirs = (await operator.get('/api/sync/pull?limit=500')).body.changes;
    expect(theirs.filter((c: { type: string }) => c.type === 'record')).toEqual([]);
  });
});
