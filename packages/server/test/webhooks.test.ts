import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../src/db/Db.ts';
import { parseEgressPolicy } from '../src/notify/egress.ts';
import { enqueueWebhookEvent } from '../src/notify/outbox.ts';
import { createWebhookWorker } from '../src/notify/worker.ts';
import { type Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';
import { accept, INV_ORG, seedInventory, stockIn, stockOut, workflowEvent } from './inventoryFixture.ts';
import { type Receiver, startReceiver } from './receiver.ts';

const summary = { 'zh-CN': '审批通过：CK-001', en: 'Approved: CK-001' };

async function emit(db: Db, n = 1, event: 'record.approved' | 'exception.opened' = 'record.approved') {
  await db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) await enqueueWebhookEvent(tx, INV_ORG, event, { summary, app: 'inventory', seqNo: i });
  });
}

describe.each(DB_KINDS)('webhooks on %s', (kind) => {
  let server: TestServer;
  let receiver: Receiver;
  let admin: Client;
  let ids: Map<string, string>;
  // The receiver listens on 127.0.0.1, which deliveries may reach only when allowed.
  const fast = { baseDelayMs: 1, timeoutMs: 2000, egress: parseEgressPolicy('127.0.0.1') };
  beforeAll(async () => {
    server = await startServer(kind);
    ids = await seedInventory(server.db);
    receiver = await startReceiver();
    admin = await signedInAs(server.base, 'admin', INV_ORG);
  });
  afterAll(async () => {
    await receiver.close();
    await server.close();
  });
  beforeEach(async () => {
    // One webhook at a time: earlier ones go, with their outbox.
    for (const h of (await admin.get('/api/webhooks')).body.webhooks)
      await admin.request('DELETE', `/api/webhooks/${h.id}`);
    receiver.received.length = 0;
    receiver.answers.length = 0;
  });

  const addHook = async (format: string, path = '/hook', events = ['record.approved', 'exception.opened']) => {
    const created = await admin.post('/api/webhooks', { name: format, url: `${receiver.url}${path}`, events, format });
    expect(created.status).toBe(201);
    return created.body as { id: string; secret: string };
  };

  test('IT admin manages webhooks; others may not; bad input is refused', async () => {
    const hook = await addHook('generic');
    expect(hook.secret.length).toBeGreaterThan(20);
    const list = (await admin.get('/api/webhooks')).body.webhooks;
    expect(list).toHaveLength(1);
    expect(list[0].secret).toBeUndefined();
    expect(list[0].secretHint).toBe(`…${hook.secret.slice(-4)}`);
    const changed = await admin.patch(`/api/webhooks/${hook.id}`, { active: false, events: ['task.created'] });
    expect(changed.body).toMatchObject({ active: false, events: ['task.created'] });
    const keeper = await signedInAs(server.base, 'keeper', INV_ORG);
    expect((await keeper.get('/api/webhooks')).status).toBe(403);
    expect(
      (
        await keeper.post('/api/webhooks', {
          name: 'x',
          url: receiver.url,
          events: ['task.created'],
          format: 'generic',
        })
      ).status,
    ).toBe(403);
    const badUrl = await admin.post('/api/webhooks', {
      name: 'x',
      url: 'file:///etc/passwd',
      events: ['task.created'],
      format: 'generic',
    });
    expect(badUrl.body.code).toBe('invalid-url');
    const badEvent = await admin.post('/api/webhooks', {
      name: 'x',
      url: receiver.url,
      events: ['everything'],
      format: 'generic',
    });
    expect(badEvent.status).toBe(400);
    const alpha = await signedInAs(server.base, 'admin', 'alpha');
    expect((await alpha.get(`/api/webhooks/${hook.id}`)).status).toBe(404);
    expect((await admin.request('DELETE', `/api/webhooks/${hook.id}`)).status).toBe(204);
    expect((await admin.get(`/api/webhooks/${hook.id}/deliveries`)).body.code).toBe('webhook-not-found');
  });

  test('generic: the body is signed with HMAC-SHA256 of timestamp and body', async () => {
    const hook = await addHook('generic');
    await emit(server.db);
    expect(await createWebhookWorker(server.db, fast).runOnce()).toBe(1);
    const [got] = receiver.received;
    const ts = got?.headers['x-gongfang-timestamp'] as string;
    const expected = `sha256=${createHmac('sha256', hook.secret).update(`${ts}.${got?.body}`).digest('hex')}`;
    expect(got?.headers['x-gongfang-signature']).toBe(expected);
    expect(got?.headers['x-gongfang-event']).toBe('record.approved');
    expect(JSON.parse(got?.body ?? '')).toMatchObject({ event: 'record.approved', org: INV_ORG, summary });
  });

  test('a delivery to a private address is refused unless WEBHOOK_ALLOW_NETS allows it', async () => {
    const hook = await addHook('generic');
    await emit(server.db);
    // No egress policy: the receiver on 127.0.0.1 is the server's own loopback.
    expect(await createWebhookWorker(server.db, { ...fast, egress: undefined }).runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(0);
    const [refused] = (await admin.get(`/api/webhooks/${hook.id}/deliveries`)).body.deliveries;
    expect(refused).toMatchObject({ ok: false, statusCode: null });
    expect(refused.error).toMatch(/^EgressRefused: address 127\.0\.0\.1 .*WEBHOOK_ALLOW_NETS/);
    // The row stays pending: once the network is allowed, the retry goes through.
    await new Promise((r) => setTimeout(r, 20));
    expect(await createWebhookWorker(server.db, fast).runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(1);
  });

  test('DingTalk: text message, timestamp and sign in the query', async () => {
    const hook = await addHook('dingtalk', '/robot/send?access_token=abc');
    await emit(server.db);
    await createWebhookWorker(server.db, fast).runOnce();
    const got = receiver.received[0];
    const url = new URL(got?.url ?? '', receiver.url);
    expect(url.searchParams.get('access_token')).toBe('abc');
    const ts = url.searchParams.get('timestamp') as string;
    const sign = createHmac('sha256', hook.secret).update(`${ts}\n${hook.secret}`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(sign);
    expect(JSON.parse(got?.body ?? '')).toEqual({
      msgtype: 'text',
      text: { content: '【工坊 Gongfang】审批通过：CK-001\nApproved: CK-001' },
    });
  });

  test('WeCom: text message; a robot errcode counts as a failure', async () => {
    const hook = await addHook('wecom');
    receiver.answers.push({ status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' });
    await emit(server.db);
    const worker = createWebhookWorker(server.db, fast);
    await worker.runOnce();
    await new Promise((r) => setTimeout(r, 20));
    await worker.runOnce();
    expect(receiver.received).toHaveLength(2);
    expect(JSON.parse(receiver.received[0]?.body ?? '').msgtype).toBe('text');
    const log = (await admin.get(`/api/webhooks/${hook.id}/deliveries`)).body.deliveries;
    expect(log.map((d: { ok: boolean }) => d.ok)).toEqual([true, false]);
    expect(log[1].error).toMatch(/93000/);
  });

  test('a 500 is retried with backoff and logged; after max attempts the event is given up', async () => {
    const hook = await addHook('generic');
    receiver.answers.push({ status: 500, body: 'boom' }, { status: 503 });
    await emit(server.db);
    const worker = createWebhookWorker(server.db, { ...fast, baseDelayMs: 200, maxAttempts: 3 });
    await worker.runOnce();
    // Backoff: not due again at once.
    expect(await worker.runOnce()).toBe(0);
    await new Promise((r) => setTimeout(r, 250));
    expect(await worker.runOnce()).toBe(1);
    await new Promise((r) => setTimeout(r, 450));
    expect(await worker.runOnce()).toBe(1);
    const log = (await admin.get(`/api/webhooks/${hook.id}/deliveries`)).body.deliveries;
    expect(log.map((d: { statusCode: number; attempt: number }) => [d.attempt, d.statusCode])).toEqual([
      [3, 200],
      [2, 503],
      [1, 500],
    ]);
    expect(log[2].latencyMs).toBeGreaterThanOrEqual(0);
    // Max attempts: a receiver that always fails is given up after 3.
    receiver.answers.push({ status: 500 }, { status: 500 }, { status: 500 });
    await emit(server.db);
    for (let i = 0; i < 3; i++) {
      await worker.runOnce();
      await new Promise((r) => setTimeout(r, 200 * 2 ** i + 50));
    }
    expect(await worker.runOnce()).toBe(0);
    const [dead] = await server.db.query<{ status: string; attempts: number }>(
      'select status, attempts from webhook_outbox order by id desc limit 1',
    );
    expect(dead).toEqual({ status: 'dead', attempts: 3 });
  });

  test('a webhook that hangs or is down never blocks a submission', async () => {
    await addHook('generic');
    await admin.post('/api/webhooks', {
      name: 'down',
      url: 'http://127.0.0.1:9/nothing',
      events: ['exception.opened'],
      format: 'generic',
    });
    receiver.answers.push({ status: 200, delayMs: 3000 });
    const worker = createWebhookWorker(server.db, { ...fast, timeoutMs: 500 });
    const keeper = ids.get('keeper') as string;
    await accept(server.db, {
      form: 'stock_in',
      by: keeper,
      data: stockIn([{ item: 'ITM-55555', qty: 1, location: 'A-01' }]),
    });
    const { record } = await accept(server.db, {
      form: 'stock_out',
      by: keeper,
      status: 'running',
      data: stockOut([{ item: 'ITM-55555', qty: 4, location: 'A-01' }]),
    });
    const started = Date.now();
    const delivering = worker.runOnce();
    const posted = await workflowEvent(server.db, record, 'approved');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(posted.exceptions).toHaveLength(1);
    await delivering;
    const outbox = await server.db.query<{ event: string }>(
      `select event from webhook_outbox where org_id = $1 and payload->>'recordId' = $2`,
      [INV_ORG, record.id],
    );
    expect(outbox.map((o) => o.event)).toEqual(['exception.opened', 'exception.opened']);
    expect(await worker.runOnce()).toBe(2);
    const down = await server.db.query<{ error: string }>(
      "select d.error from webhook_deliveries d join webhooks w on w.id = d.webhook_id where w.name = 'down'",
    );
    expect(down[0]?.error).toMatch(/fetch failed|ECONNREFUSED|Error/);
  });

  test('two workers (two database handles) never send the same event twice', async () => {
    await addHook('generic');
    await emit(server.db, 40);
    const second = kind === 'postgres' ? await server.database.open() : server.db;
    try {
      const a = createWebhookWorker(server.db, { ...fast, batch: 5 });
      const b = createWebhookWorker(second, { ...fast, batch: 5 });
      const drain = async (w: typeof a) => {
        while ((await w.runOnce()) > 0);
      };
      await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
    } finally {
      if (second !== server.db) await second.close();
    }
    const seen = receiver.received.map((r) => JSON.parse(r.body).seqNo as number);
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });

  test('start/stop: a started worker delivers on its own and stops cleanly', async () => {
    await addHook('generic');
    const worker = createWebhookWorker(server.db, { ...fast, intervalMs: 20 });
    worker.start();
    await emit(server.db, 3);
    await expect.poll(() => receiver.received.length, { timeout: 5000 }).toBe(3);
    await worker.stop();
    await emit(server.db, 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.received).toHaveLength(3);
  });
});
