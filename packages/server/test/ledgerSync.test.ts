import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from './client.ts';
import { DB_KINDS, type TestServer } from './harness.ts';
import { demo, pushAll, startSyncServer, uuidv7 } from './syncHarness.ts';

/** Through the real sync push: the ledger and webhook hooks run inside the accept transaction. */
const line = (qty: number) => ({
  _id: uuidv7(),
  item_code: 'ITM-20001',
  item_name: '轴承',
  batch: 'B-1',
  qty,
  unit: 'pcs',
  location: 'A-03',
});

const record = (form: string, createdBy: string, data: Record<string, unknown>) => ({
  id: uuidv7(),
  app: 'inventory',
  form,
  version: 1,
  revision: 1,
  data,
  createdBy,
  createdAt: new Date().toISOString(),
  deviceId: 'tablet-wh-01',
});

const create = (r: ReturnType<typeof record>) => ({ id: uuidv7(), kind: 'create', record: r });

describe.each(DB_KINDS)('ledger through sync push on %s', (kind) => {
  let server: TestServer;
  let keeper: Client;
  let operator: Client;
  let admin: Client;
  beforeAll(async () => {
    server = await startSyncServer(kind);
    keeper = await demo(server.base, 'sun.li');
    operator = await demo(server.base, 'liu.yang');
    admin = await demo(server.base, 'wang.fang');
  });
  afterAll(() => server.close());

  test('stock-in posts on accept; an approved stock-out that overdraws is kept, flagged to the keeper and sent to the webhook outbox', async () => {
    const hook = await admin.post('/api/webhooks', {
      name: 'warehouse group',
      url: 'http://127.0.0.1:9/robot',
      events: ['task.created', 'record.approved', 'exception.opened'],
      format: 'dingtalk',
    });
    expect(hook.status).toBe(201);
    const stockIn = record('stock_in', 'sun.li', {
      doc_no: 'RK-20250310-001',
      in_date: '2025-03-10',
      in_type: 'purchase',
      supplier: '宁波精达',
      keeper: 'sun.li',
      lines: [line(10)],
    });
    const [accepted] = await pushAll(keeper, [create(stockIn)], 'tablet-wh-01');
    expect(accepted.status).toBe('accepted');
    const balances = async () =>
      (await keeper.get('/api/ledgers/inventory/stock/balances?key.item=ITM-20001')).body.balances[0]?.measures;
    expect(await balances()).toEqual({ qty: 10, in_qty: 10 });

    const stockOut = record('stock_out', 'liu.yang', {
      doc_no: 'CK-20250310-001',
      out_date: '2025-03-10',
      out_type: 'production',
      to_line: 'L1',
      requester: 'liu.yang',
      keeper: 'sun.li',
      lines: [line(15)],
    });
    const [out] = await pushAll(operator, [create(stockOut)], 'tablet-l1-01');
    expect(out.status).toBe('accepted');
    expect(await balances()).toEqual({ qty: 10, in_qty: 10 });
    const taskId = out.workflow.tasks[0].id as string;
    const before = (await keeper.get('/api/notifications/count')).body;
    expect(before.tasks).toBeGreaterThanOrEqual(1);
    const [approved] = await pushAll(keeper, [
      { id: uuidv7(), kind: 'action', recordId: stockOut.id, action: 'approve', taskId, at: new Date().toISOString() },
    ]);
    expect(approved.status).toBe('accepted');
    expect(await balances()).toEqual({ qty: -5, in_qty: 10, out_qty: 15 });
    const exceptions = (await keeper.get('/api/exceptions?status=open')).body.exceptions;
    expect(exceptions).toEqual([
      expect.objectContaining({ recordId: stockOut.id, balance: -5, role: 'warehouse_keeper' }),
    ]);
    const after = (await keeper.get('/api/notifications/count')).body;
    expect(after.exceptions).toBe(1);
    expect(after.total).toBe(after.tasks + after.notices + after.exceptions);
    const outbox = await server.db.query<{ event: string }>('select event from webhook_outbox order by id');
    expect(outbox.map((o) => o.event).sort()).toEqual(['exception.opened', 'record.approved']);
  });
});
