import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from '../src/app.ts';
import { Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, TEST_PASSWORD, type TestServer } from './harness.ts';

describe.each(DB_KINDS)('accounts and sessions on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server.close());

  test('login sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie; /api/me shows user, roles, org, lead', async () => {
    const client = new Client(server.base);
    const login = await client.post('/api/auth/login', { org: 'alpha', user: 'op', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const cookies = login.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('gf_session='));
    const csrf = cookies.find((c) => c.startsWith('gf_csrf='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/); // plain http here; https sets Secure
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(login.body.csrfToken).toBe(client.cookies.get('gf_csrf'));
    // The cookie carries the token; the database keeps only its hash.
    const token = client.cookies.get('gf_session') ?? '';
    const stored = await server.db.query('select 1 from sessions where token_hash = $1', [token]);
    expect(stored).toHaveLength(0);

    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.name).toBe('op');
    expect(me.body.roles).toEqual([{ id: 'operator', name: { 'zh-CN': '操作工', en: 'Operator' } }]);
    expect(me.body.org).toEqual({ id: 'alpha', name: { 'zh-CN': '甲厂', en: 'Alpha' } });
    expect(me.body.lead.name).toBe('lead');
  });

  test('wrong password and unknown user get the same 401 with a localized message', async () => {
    const client = new Client(server.base);
    const wrong = await client.post('/api/auth/login', { org: 'alpha', user: 'lead', password: 'nope-nope' });
    const unknown = await client.post('/api/auth/login', { org: 'alpha', user: 'ghost', password: 'nope-nope' });
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('bad-credentials');
      expect(answer.body.message['zh-CN']).toBe('用户名或密码错误');
      expect(answer.body.message.en).toBe('Wrong user name or password');
    }
  });

  test('the same user name in two orgs is two people: the org named at login picks the account', async () => {
    // Both orgs have an `admin` with the test password: the org picks the account.
    const beta = await signedInAs(server.base, 'admin', 'beta');
    const me = await beta.get('/api/me');
    expect(me.body.org.id).toBe('beta');
    expect(me.body.user.displayName.en).toBe('Beta admin');
  });

  test('5 wrong passwords lock the account for 15 minutes, even for the right password; others are unaffected', async () => {
    const client = new Client(server.base);
    for (let i = 0; i < 5; i++) {
      const answer = await client.post('/api/auth/login', { org: 'beta', user: 'op', password: `wrong-${i}` });
      expect(answer.status).toBe(401);
    }
    const locked = await client.post('/api/auth/login', { org: 'beta', user: 'op', password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too-many-attempts');
    expect(locked.body.message.en).toMatch(/15 more minutes/);
    expect(locked.body.message['zh-CN']).toMatch(/15 分钟/);
    expect(locked.body.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // The lock is per (org, user): the same name in another org still signs in.
    expect(
      (await new Client(server.base).post('/api/auth/login', { org: 'alpha', user: 'op', password: TEST_PASSWORD }))
        .status,
    ).toBe(200);
    // Stored in the database, so every server process enforces it.
    const [row] = await server.db.query<{ failures: number }>('select failures from rate_limits where key = $1', [
      'login:user:beta:op',
    ]);
    expect(row?.failures).toBe(5);
  });

  test('logout ends the session on the server, not only in the browser', async () => {
    const client = await signedInAs(server.base, 'lead');
    const stolen = client.cookies.get('gf_session');
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/me')).status).toBe(401);
    const replay = new Client(server.base);
    replay.cookies.set('gf_session', stolen ?? '');
    const answer = await replay.get('/api/me');
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('not-signed-in');
  });

  test('a device whose cookies are gone is told to sign in (401), not to reload; a visitor route still demands the CSRF token', async () => {
    // A tablet killed before the browser wrote its cookies to disk comes back with none at all.
    const bare = new Client(server.base);
    const push = await bare.request('POST', '/api/sync/push', { deviceId: 'tablet-1', mutations: [] });
    expect(push.status).toBe(401);
    expect(push.body.code).toBe('not-signed-in');
    expect(push.body.message.en).toBe('Please sign in first');
    const upload = await bare.request('PUT', '/api/attachments/'.padEnd(80, 'a'), 'bytes', {
      headers: { 'content-type': 'image/png' },
    });
    expect(upload.status).toBe(401);
    const pin = await bare.request('POST', '/api/auth/pin', { badge: 'B-1' });
    expect(pin.status).toBe(403);
    expect(pin.body.code).toBe('csrf-failed');
  });

  test('unsafe requests without the CSRF header, with a wrong one, or with another browser’s are refused with 403', async () => {
    const client = await signedInAs(server.base, 'admin');
    const body = { id: 'qc_engineer', name: { 'zh-CN': '质检员', en: 'QC engineer' } };
    const missing = await client.request('POST', '/api/admin/roles', body, { csrf: '' });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf-failed');
    const wrong = await client.post('/api/admin/roles', body, { csrf: 'forged' });
    expect(wrong.status).toBe(403);
    // A token from another visitor's cookie does not match this session, even when cookie and header agree.
    const other = new Client(server.base);
    const foreign = (await other.get('/api/auth/csrf')).body.csrfToken as string;
    client.cookies.set('gf_csrf', foreign);
    const mismatch = await client.post('/api/admin/roles', body, { csrf: foreign });
    expect(mismatch.status).toBe(403);
    expect(mismatch.body.message['zh-CN']).toMatch(/安全令牌/);
    const roles = await client.get('/api/admin/roles');
    expect(roles.body.roles.map((r: { id: string }) => r.id)).not.toContain('qc_engineer');
  });

  test('an expired session is refused', async () => {
    const client = await signedInAs(server.base, 'lead');
    await server.db.query("update sessions set expires_at = now() - interval '1 second'");
    expect((await client.get('/api/me')).status).toBe(401);
  });

  test('a session opened on one server process is honoured by another on the same database', async () => {
    if (kind === 'pglite') return; // PGlite is one process by design; several processes need PostgreSQL
    const second = await server.database.open();
    const other = await buildServer({ db: second });
    await other.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = other.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const client = await signedInAs(server.base, 'admin');
      const there = new Client(`http://127.0.0.1:${port}`);
      for (const [k, v] of client.cookies) there.cookies.set(k, v);
      expect((await there.get('/api/me')).body.user.name).toBe('admin');
      const created = await there.post('/api/admin/roles', { id: 'second_proc', name: { 'zh-CN': '二', en: 'Two' } });
      expect(created.status).toBe(201);
    } finally {
      await other.close();
      await second.close();
    }
  });
});
