import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROUTE_GROUPS } from '../src/app.ts';
import { adminOrgRoutes } from '../src/routes/adminOrgs.ts';
import { type Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';
import { type Receiver, startReceiver } from './receiver.ts';

// Registered once whether or not ROUTE_GROUPS lists it yet.
const extra = ROUTE_GROUPS.includes(adminOrgRoutes) ? [] : [adminOrgRoutes];

describe.each(DB_KINDS)('admin gaps on %s', (kind) => {
  let server: TestServer;
  let admin: Client;
  let receiver: Receiver;
  beforeAll(async () => {
    server = await startServer(kind, { routes: extra });
    admin = await signedInAs(server.base, 'admin');
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await server.close();
  });

  test('an IT admin sees their own organization with its counts, never another', async () => {
    const answer = await admin.get('/api/admin/orgs');
    expect(answer.status).toBe(200);
    expect(answer.body.orgs).toEqual([
      expect.objectContaining({
        id: 'alpha',
        name: { 'zh-CN': '甲厂', en: 'Alpha' },
        users: 3,
        activeUsers: 3,
        roles: 3,
      }),
    ]);
    const lead = await signedInAs(server.base, 'lead');
    expect((await lead.get('/api/admin/orgs')).status).toBe(403);
  });

  test('a template diff lists readable changes between two versions; unknown versions are 404', async () => {
    const definition = {
      schemaVersion: 3,
      id: 'checks',
      version: 1,
      name: { 'zh-CN': '点检', en: 'Checks' },
      roles: [{ id: 'operator', name: { 'zh-CN': '操作工', en: 'Operator' } }],
      forms: [
        {
          id: 'check',
          name: { 'zh-CN': '点检', en: 'Check' },
          permissions: { submit: ['operator'] },
          fields: [{ id: 'machine', type: 'text', label: { 'zh-CN': '设备', en: 'Machine' } }],
        },
      ],
    };
    expect((await admin.post('/api/apps', { id: 'checks', definition })).status).toBe(201);
    expect((await admin.post('/api/apps/checks/publish', { note: 'v1' })).status).toBe(201);
    expect((await admin.post('/api/templates', { app: 'checks', note: 'first' })).status).toBe(201);
    const draft = (await admin.get('/api/apps/checks/draft')).body;
    const next = structuredClone(draft.definition);
    next.forms[0].fields.push({ id: 'ok', type: 'text', label: { 'zh-CN': '结果', en: 'Result' } });
    expect(
      (await admin.request('PUT', '/api/apps/checks/draft', { definition: next, revision: draft.revision })).status,
    ).toBe(200);
    expect((await admin.post('/api/apps/checks/publish', { note: 'v2' })).status).toBe(201);
    expect((await admin.post('/api/templates', { app: 'checks', template: 'checks', note: 'second' })).status).toBe(
      201,
    );

    const diff = await admin.get('/api/templates/checks/diff?from=1&to=2');
    expect(diff.status).toBe(200);
    expect(diff.body.changes.map((c: { kind: string }) => c.kind)).toContain('field.added');
    expect(diff.body.changes.find((c: { kind: string }) => c.kind === 'field.added').summary.en).toMatch(/Result/);
    expect((await admin.get('/api/templates/checks/diff?from=1&to=9')).status).toBe(404);
  });

  test('a test send queues one message for that webhook only, delivered through the worker path', async () => {
    const hook = await admin.post('/api/webhooks', {
      name: 'line robot',
      url: `${receiver.url}/hook`,
      events: ['task.created'],
      format: 'generic',
    });
    expect(hook.status).toBe(201);
    const sent = await admin.post(`/api/webhooks/${hook.body.id}/test`, {});
    expect(sent.status).toBe(202);
    const [row] = await server.db.query<{ webhook_id: string; event: string; payload: { summary: { en: string } } }>(
      'select webhook_id, event, payload from webhook_outbox where id = $1',
      [sent.body.outboxId],
    );
    expect(row).toMatchObject({ webhook_id: hook.body.id, event: 'webhook.test' });
    expect(row?.payload.summary.en).toMatch(/test message \(admin\)/);
    const audit = (await admin.get('/api/audit?action=webhook.test')).body.entries;
    expect(audit).toHaveLength(1);
    expect((await admin.post('/api/webhooks/00000000-0000-4000-8000-000000000000/test', {})).status).toBe(404);
  });
});
