import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';

describe.each(DB_KINDS)('IT admin: users and roles on %s', (kind) => {
  let server: TestServer;
  let admin: Client;
  let betaAdmin: Client;
  let ids: Record<string, string>;
  beforeAll(async () => {
    server = await startServer(kind);
    admin = await signedInAs(server.base, 'admin');
    betaAdmin = await signedInAs(server.base, 'admin', 'beta');
    const users = (await admin.get('/api/admin/users')).body.users as { id: string; name: string }[];
    ids = Object.fromEntries(users.map((u) => [u.name, u.id]));
  });
  afterAll(() => server.close());

  test('roles are checked on every admin route: an operator gets 403, a visitor 401', async () => {
    const op = await signedInAs(server.base, 'op');
    for (const path of ['/api/admin/users', '/api/admin/roles', '/api/audit', '/api/audit/verify', '/api/devices']) {
      const answer = await op.get(path);
      expect(answer.status, path).toBe(403);
      expect(answer.body.code).toBe('forbidden');
      expect(answer.body.requiredRoles).toEqual(['it_admin']);
    }
    const create = await op.post('/api/admin/roles', { id: 'sneaky', name: { 'zh-CN': '偷偷' } });
    expect(create.status).toBe(403);
    expect((await new Client(server.base).get('/api/admin/users')).status).toBe(401);
  });

  test('creates a user with roles, lead, PIN and badge; the answer never contains a hash', async () => {
    const created = await admin.post('/api/admin/users', {
      name: 'new.op',
      displayName: { 'zh-CN': '新员工', en: 'New hire' },
      password: 'first-day-pass',
      roles: ['operator'],
      leadId: ids.lead,
      pin: '4321',
      badge: 'BADGE-NEW',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'new.op',
      roles: ['operator'],
      leadId: ids.lead,
      hasPin: true,
      hasBadge: true,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/scrypt|password|pin_hash/);
    const login = await signedInAs(server.base, 'new.op', 'alpha').catch(() => null);
    expect(login).toBeNull(); // signedInAs uses the test password; this user has its own
    const own = await new Client(server.base).post('/api/auth/login', {
      org: 'alpha',
      user: 'new.op',
      password: 'first-day-pass',
    });
    expect(own.status).toBe(200);
  });

  test('user names are unique per org (409), roles must exist (400), leads must be in the org and acyclic (400)', async () => {
    const base = { displayName: { 'zh-CN': '重名' }, password: 'long enough', roles: [] };
    expect((await admin.post('/api/admin/users', { ...base, name: 'op' })).body.code).toBe('name-taken');
    const unknownRole = await admin.post('/api/admin/users', { ...base, name: 'x1', roles: ['astronaut'] });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body).toMatchObject({ code: 'unknown-role', roles: ['astronaut'] });
    expect(unknownRole.body.message['zh-CN']).toContain('astronaut');
    const cycle = await admin.patch(`/api/admin/users/${ids.lead}`, { leadId: ids.op });
    expect(cycle.status).toBe(400);
    expect(cycle.body.code).toBe('lead-cycle');
    expect((await admin.patch(`/api/admin/users/${ids.op}`, { leadId: ids.op })).body.code).toBe('lead-cycle');
  });

  test('updates roles, lead, PIN and active; deactivating ends the user’s sessions and blocks login', async () => {
    const lead = await signedInAs(server.base, 'lead');
    const changed = await admin.patch(`/api/admin/users/${ids.lead}`, { roles: ['shift_lead', 'operator'], pin: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ roles: ['operator', 'shift_lead'], hasPin: false });
    expect((await lead.get('/api/me')).body.roles.map((r: { id: string }) => r.id)).toEqual(['operator', 'shift_lead']);
    const off = await admin.patch(`/api/admin/users/${ids.lead}`, { active: false });
    expect(off.body.active).toBe(false);
    expect((await lead.get('/api/me')).status).toBe(401);
    const again = await new Client(server.base).post('/api/auth/login', {
      org: 'alpha',
      user: 'lead',
      password: 'correct horse',
    });
    expect(again.status).toBe(401);
    await admin.patch(`/api/admin/users/${ids.lead}`, { active: true });
  });

  test('roles: list, create (409 when taken), rename', async () => {
    const created = await admin.post('/api/admin/roles', {
      id: 'qc_lead',
      name: { 'zh-CN': '质检主管', en: 'QC lead' },
    });
    expect(created.status).toBe(201);
    expect((await admin.post('/api/admin/roles', { id: 'qc_lead', name: { 'zh-CN': '又一个' } })).status).toBe(409);
    const renamed = await admin.patch('/api/admin/roles/qc_lead', {
      name: { 'zh-CN': '品质主管', en: 'Quality lead' },
    });
    expect(renamed.body.name.en).toBe('Quality lead');
    const roles = (await admin.get('/api/admin/roles')).body.roles.map((r: { id: string }) => r.id);
    expect(roles).toEqual(['it_admin', 'operator', 'qc_lead', 'shift_lead']);
    expect((await admin.patch('/api/admin/roles/astronaut', { name: { 'zh-CN': '无' } })).status).toBe(404);
  });

  test('nothing crosses between orgs: beta’s admin cannot list, read, change or link alpha’s users and roles', async () => {
    const betaUsers = (await betaAdmin.get('/api/admin/users')).body.users.map((u: { name: string }) => u.name);
    expect(betaUsers).toEqual(['admin', 'op']);
    const betaRoles = (await betaAdmin.get('/api/admin/roles')).body.roles.map((r: { id: string }) => r.id);
    expect(betaRoles).toEqual(['it_admin']);
    // Alpha's ids, used from beta: 404 as if they did not exist.
    const read = await betaAdmin.get(`/api/admin/users/${ids.op}`);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('user-not-found');
    const write = await betaAdmin.patch(`/api/admin/users/${ids.op}`, { active: false, password: 'taken over!' });
    expect(write.status).toBe(404);
    expect((await admin.get(`/api/admin/users/${ids.op}`)).body.active).toBe(true);
    // A beta user cannot get an alpha lead nor an alpha-only role.
    const betaOp = (await betaAdmin.get('/api/admin/users')).body.users.find((u: { name: string }) => u.name === 'op');
    expect((await betaAdmin.patch(`/api/admin/users/${betaOp.id}`, { leadId: ids.lead })).body.code).toBe(
      'unknown-lead',
    );
    expect((await betaAdmin.patch(`/api/admin/users/${betaOp.id}`, { roles: ['operator'] })).body.code).toBe(
      'unknown-role',
    );
    // And beta's audit log holds none of alpha's entries.
    const audit = (await betaAdmin.get('/api/audit?limit=500')).body.entries as { entityId: string }[];
    expect(audit.some((e) => Object.values(ids).includes(e.entityId))).toBe(false);
  });
});
