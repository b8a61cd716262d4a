import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';

interface Member {
  id: string;
  name: string;
  displayName: { 'zh-CN': string; en?: string };
  roles: string[];
}

const names = (answer: { body: { members: Member[] } }) => answer.body.members.map((m) => m.name);

describe.each(DB_KINDS)('directory for member pickers on %s', (kind) => {
  let server: TestServer;
  let admin: Client;
  let op: Client;
  beforeAll(async () => {
    server = await startServer(kind);
    admin = await signedInAs(server.base, 'admin');
    op = await signedInAs(server.base, 'op');
  });
  afterAll(() => server.close());

  test('an operator gets the active people of the factory with names, display names and roles, by name', async () => {
    const answer = await op.get('/api/directory');
    expect(answer.status).toBe(200);
    expect(answer.body.members).toEqual([
      { id: expect.any(String), name: 'admin', displayName: { 'zh-CN': '管理员', en: 'Admin' }, roles: ['it_admin'] },
      { id: expect.any(String), name: 'lead', displayName: { 'zh-CN': '班长', en: 'Lead' }, roles: ['shift_lead'] },
      { id: expect.any(String), name: 'op', displayName: { 'zh-CN': '操作工', en: 'Operator' }, roles: ['operator'] },
    ]);
  });

  test('never carries a hash, PIN, badge or whether one is set', async () => {
    const answer = await op.get('/api/directory');
    for (const m of answer.body.members as Member[])
      expect(Object.keys(m).sort()).toEqual(['displayName', 'id', 'name', 'roles']);
    const text = JSON.stringify(answer.body);
    expect(text).not.toMatch(/scrypt|hash|pin|badge|1357|2580|BADGE-OP|password/i);
  });

  test('filters by one role or several (comma-separated); an unknown role lists nobody, a malformed one is 400', async () => {
    expect(names(await op.get('/api/directory?role=shift_lead'))).toEqual(['lead']);
    expect(names(await op.get('/api/directory?role=shift_lead,operator'))).toEqual(['lead', 'op']);
    expect(names(await op.get('/api/directory?role=qc_lead'))).toEqual([]);
    const bad = await op.get('/api/directory?role=Robert%27);drop%20table%20users;--');
    expect(bad.status).toBe(400);
    expect((await op.get('/api/directory?who=all')).status).toBe(400);
  });

  test('leaves out deactivated people, and lists them again once active', async () => {
    const users = (await admin.get('/api/admin/users')).body.users as { id: string; name: string }[];
    const lead = users.find((u) => u.name === 'lead')!;
    expect((await admin.patch(`/api/admin/users/${lead.id}`, { active: false })).status).toBe(200);
    expect(names(await op.get('/api/directory'))).toEqual(['admin', 'op']);
    expect((await admin.patch(`/api/admin/users/${lead.id}`, { active: true })).status).toBe(200);
    expect(names(await op.get('/api/directory'))).toEqual(['admin', 'lead', 'op']);
  });

  test('is private to the session and cacheable by the device: ETag, 304 when unchanged, a new ETag after a change', async () => {
    const first = await op.get('/api/directory');
    expect(first.headers.get('cache-control')).toBe('private, max-age=300');
    expect(first.headers.get('vary')).toMatch(/cookie/i);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await op.request('GET', '/api/directory', undefined, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    const created = await admin.post('/api/admin/users', {
      name: 'qc.li',
      displayName: { 'zh-CN': '李质检', en: 'Li (QC)' },
      password: 'quality-first',
      roles: ['operator'],
    });
    expect(created.status).toBe(201);
    const changed = await op.request('GET', '/api/directory', undefined, { headers: { 'if-none-match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(names(changed)).toContain('qc.li');
  });

  test('keeps factories apart: beta sees only beta people, and a role filter never reaches alpha', async () => {
    const beta = await signedInAs(server.base, 'op', 'beta');
    const answer = await beta.get('/api/directory');
    expect(answer.body.members.map((m: Member) => m.displayName['zh-CN'])).toEqual(['乙厂管理员', '乙厂操作工']);
    expect(names(await beta.get('/api/directory?role=shift_lead'))).toEqual([]);
    const alphaIds = new Set(((await op.get('/api/directory')).body.members as Member[]).map((m) => m.id));
    for (const m of answer.body.members as Member[]) expect(alphaIds.has(m.id)).toBe(false);
  });

  test('a visitor who is not signed in gets 401 and no names', async () => {
    const answer = await new Client(server.base).get('/api/directory');
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer.body)).not.toMatch(/管理员|班长|Operator/);
  });
});
