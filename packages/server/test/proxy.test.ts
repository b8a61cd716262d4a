import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from './client.ts';
import { startServer, TEST_PASSWORD, type TestServer } from './harness.ts';

/** A browser behind the factory's https reverse proxy, at client address `ip`. */
function behindProxy(base: string, ip: string): Client {
  const client = new Client(base);
  const request = client.request.bind(client);
  client.request = (method, path, body, options = {}) =>
    request(method, path, body, {
      ...options,
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': ip, ...options.headers },
    });
  return client;
}

// Rate limits by address and https detection depend on the proxy headers, not on the database.
describe('behind a reverse proxy (TRUST_PROXY)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('pglite', { trustProxy: true });
  });
  afterAll(() => server.close());

  test('over https the session cookies are Secure and HSTS is sent', async () => {
    const client = behindProxy(server.base, '10.0.0.1');
    const login = await client.post('/api/auth/login', { org: 'alpha', user: 'op', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    for (const cookie of login.headers.getSetCookie()) expect(cookie).toMatch(/; Secure/);
    expect(login.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  test('30 failures from one address lock that address across user names; other addresses still sign in', async () => {
    const attacker = behindProxy(server.base, '10.6.6.6');
    for (let i = 0; i < 30; i++) {
      // A different (unknown) name each time, so no per-user lock is reached.
      const answer = await attacker.post('/api/auth/login', { org: 'alpha', user: `guess${i}`, password: 'x' });
      expect(answer.status).toBe(401);
    }
    const blocked = await attacker.post('/api/auth/login', { org: 'alpha', user: 'op', password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too-many-attempts');
    const colleague = behindProxy(server.base, '10.0.0.2');
    expect(
      (await colleague.post('/api/auth/login', { org: 'alpha', user: 'op', password: TEST_PASSWORD })).status,
    ).toBe(200);
  });
});
