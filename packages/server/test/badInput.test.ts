import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BODY_LIMIT } from '../src/app.ts';
import { MAX_JSON_DEPTH } from '../src/http/json.ts';
import { type Answer, Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';

/** Every error answer: a code and a message in both languages, never a stack trace. */
function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body.code).toBe(code);
  expect(typeof answer.body.message['zh-CN']).toBe('string');
  expect(typeof answer.body.message.en).toBe('string');
  expect(JSON.stringify(answer.body)).not.toMatch(/\bat .*\.ts:\d+|stack/);
}

describe.each(DB_KINDS)('bad input on %s', (kind) => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer(kind);
    admin = await signedInAs(server.base, 'admin');
  });
  afterAll(async () => {
    // Whatever came before, the server still answers.
    expect((await new Client(server.base).get('/api/health')).status).toBe(200);
    await server.close();
  });

  test('malformed JSON → 400 malformed-json', async () => {
    expectError(await admin.post('/api/admin/roles', '{"id": "x", '), 400, 'malformed-json');
    expectError(await new Client(server.base).post('/api/auth/login', '{user:op}'), 400, 'malformed-json');
  });

  test('an empty JSON body → 400', async () => {
    const answer = await admin.request('POST', '/api/admin/roles', '', {
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(400);
  });

  test('a body over the limit → 413 body-too-large', async () => {
    const big = JSON.stringify({ id: 'big', name: { 'zh-CN': 'x'.repeat(BODY_LIMIT) } });
    expectError(await admin.post('/api/admin/roles', big), 413, 'body-too-large');
  });

  test(`JSON nested deeper than ${MAX_JSON_DEPTH} → 400 too-deep, checked before parsing`, async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expectError(await admin.post('/api/admin/roles', deep), 400, 'too-deep');
    // Brackets inside strings do not count.
    const flat = JSON.stringify({ id: 'brackets', name: { 'zh-CN': '[[[[{{{{'.repeat(100) } });
    expect((await admin.post('/api/admin/roles', flat)).status).toBe(400); // too long a name, but parsed
  });

  test('__proto__ and constructor keys → 400 forbidden-key, at any depth', async () => {
    for (const body of [
      '{"__proto__": {"admin": true}, "id": "p", "name": {"zh-CN": "p"}}',
      '{"id": "p", "name": {"zh-CN": "p", "__proto__": {"x": 1}}}',
      '{"id": "p", "name": {"zh-CN": "p"}, "constructor": {"prototype": {"x": 1}}}',
    ]) {
      expectError(await admin.post('/api/admin/roles', body), 400, 'forbidden-key');
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  test('wrong types and unknown keys → 400 invalid-request with JSON pointers to each problem', async () => {
    const answer = await admin.post('/api/admin/users', {
      name: 42,
      displayName: 'not an object',
      password: 'short',
      roles: 'operator',
      extra: true,
    });
    expectError(answer, 400, 'invalid-request');
    const pointers = answer.body.problems.map((p: { pointer: string }) => p.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/name', '/displayName', '/password', '/roles']));
    expect(answer.body.problems.some((p: { keyword: string }) => p.keyword === 'additionalProperties')).toBe(true);
  });

  test('bad path parameters and query strings → 400, not 500', async () => {
    expectError(await admin.get('/api/admin/users/not-a-uuid'), 400, 'invalid-request');
    expectError(await admin.get('/api/audit?limit=abc'), 400, 'invalid-request');
    expectError(await admin.get('/api/audit?limit=100000'), 400, 'invalid-request');
    expectError(await admin.get('/api/audit?from=yesterday'), 400, 'invalid-request');
  });

  test('values the database cannot store (NUL characters) → 400 invalid-value, not 500', async () => {
    expectError(await admin.post('/api/devices', { name: 'tab\u0000let' }), 400, 'invalid-value');
    expectError(await admin.get('/api/audit?entityType=a%00b'), 400, 'invalid-value');
    const name = { 'zh-CN': 'nul\u0000' };
    expectError(await admin.post('/api/admin/roles', { id: 'nul_role', name }), 400, 'invalid-value');
  });

  test('a content type other than JSON → 415', async () => {
    const answer = await admin.request('POST', '/api/admin/roles', 'id=x', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(answer, 415, 'unsupported-media-type');
  });

  test('unknown routes → 404 not-found, for any method, without echoing the path', async () => {
    expectError(await admin.get('/api/nope'), 404, 'not-found');
    const post = await new Client(server.base).post('/api/<script>alert(1)</script>', {});
    expectError(post, 404, 'not-found');
    expect(JSON.stringify(post.body)).not.toContain('<script>');
  });

  test('HTML in a display name is stored and returned as text', async () => {
    const created = await admin.post('/api/admin/users', {
      name: 'xss',
      displayName: { 'zh-CN': '<img src=x onerror=alert(1)>', en: '<script>alert(1)</script>' },
      password: 'long enough',
      roles: [],
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    expect(created.body.displayName.en).toBe('<script>alert(1)</script>');
  });

  test('every answer carries the strict security headers', async () => {
    const answer = await admin.get('/api/nope');
    expect(answer.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(answer.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});
