import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';

interface RoleView {
  id: string;
  name: { 'zh-CN': string; en?: string };
}

const ids = (answer: { body: { roles: RoleView[] } }) => answer.body.roles.map((r) => r.id);

describe.each(DB_KINDS)('organization roles for the designer on %s', (kind) => {
  let server: TestServer;
  let admin: Client;
  let lead: Client;
  beforeAll(async () => {
    server = await startServer(kind);
    admin = await signedInAs(server.base, 'admin');
    const created = await admin.post('/api/admin/roles', {
      id: 'workshop_lead',
      name: { 'zh-CN': '车间主任', en: 'Workshop lead' },
    });
    expect(created.status).toBe(201);
    const users = (await admin.get('/api/admin/users')).body.users as { id: string; name: string }[];
    const leadId = users.find((u) => u.name === 'lead')?.id;
    expect((await admin.patch(`/api/admin/users/${leadId}`, { roles: ['shift_lead', 'workshop_lead'] })).status).toBe(
      200,
    );
    lead = await signedInAs(server.base, 'lead');
  });
  afterAll(() => server.close());

  test('a workshop lead (not IT) gets every role of the factory with both names, by id', async () => {
    const answer = await lead.get('/api/roles');
    expect(answer.status).toBe(200);
    expect(answer.body.roles).toEqual([
      { id: 'it_admin', name: { 'zh-CN': 'IT 管理员', en: 'IT admin' } },
      { id: 'operator', name: { 'zh-CN': '操作工', en: 'Operator' } },
      { id: 'shift_lead', name: { 'zh-CN': '班组长', en: 'Shift lead' } },
      { id: 'workshop_lead', name: { 'zh-CN': '车间主任', en: 'Workshop lead' } },
    ]);
    // The IT admin's own admin route still refuses the lead.
    expect((await lead.get('/api/admin/roles')).status).toBe(403);
  });

  test('a role IT creates (and renames) in the admin pages is offered at once', async () => {
    const name = { 'zh-CN': '巡线员', en: 'Line inspector' };
    expect((await admin.post('/api/admin/roles', { id: 'line_inspector', name })).status).toBe(201);
    expect((await lead.get('/api/roles')).body.roles).toContainEqual({ id: 'line_inspector', name });
    const renamed = { 'zh-CN': '巡检员', en: 'Patrol inspector' };
    expect((await admin.patch('/api/admin/roles/line_inspector', { name: renamed })).status).toBe(200);
    expect((await lead.get('/api/roles')).body.roles).toContainEqual({ id: 'line_inspector', name: renamed });
  });

  test('keeps factories apart: beta’s designer sees only beta’s roles', async () => {
    const beta = await signedInAs(server.base, 'admin', 'beta');
    expect(ids(await beta.get('/api/roles'))).toEqual(['it_admin']);
    expect((await beta.post('/api/admin/roles', { id: 'beta_only', name: { 'zh-CN': '乙厂专属' } })).status).toBe(201);
    expect(ids(await admin.get('/api/roles'))).not.toContain('beta_only');
    expect(ids(await lead.get('/api/roles'))).not.toContain('beta_only');
  });

  test('someone who does not design apps gets 403, a visitor 401', async () => {
    const op = await signedInAs(server.base, 'op');
    const refused = await op.get('/api/roles');
    expect(refused.status).toBe(403);
    expect(refused.body.requiredRoles).toEqual(['it_admin', 'workshop_lead', 'editor']);
    expect(refused.body.message.en).toEqual(expect.any(String));
    const visitor = await new Client(server.base).get('/api/roles');
    expect(visitor.status).toBe(401);
    expect(JSON.stringify(visitor.body)).not.toMatch(/操作工|Operator/);
  });

  test('is in the OpenAPI document with its answer', async () => {
    const doc = (await new Client(server.base).get('/api/openapi.json')).body;
    const get = doc.paths['/api/roles'].get;
    expect(get.summary).toMatch(/roles/i);
    expect(get.responses['200'].content['application/json'].schema.properties.roles.type).toBe('array');
  });
});
