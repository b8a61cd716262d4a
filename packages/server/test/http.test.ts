import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from './client.ts';
import { startServer, type TestServer } from './harness.ts';

// Pages and the OpenAPI document do not touch the database: one database is enough.
describe('pages and the OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('pglite');
  });
  afterAll(() => server.close());

  test('/api/openapi.json lists every route group with request schemas', async () => {
    const doc = (await new Client(server.base).get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/auth/login',
      '/api/auth/pin',
      '/api/me',
      '/api/admin/users',
      '/api/admin/users/{id}',
      '/api/audit',
      '/api/devices',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['user', 'password']);
    expect(Object.keys(doc.paths)).not.toContain('/app/');
  });

  test.each(['/app/', '/designer/'])(
    '%s serves the web app (or its placeholder before a build) under the strict CSP, without inline script',
    async (path) => {
      const answer = await new Client(server.base).get(path);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
      expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
      // Every script is a file of the app's own origin; no inline script or style attribute.
      expect(answer.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(answer.body).not.toMatch(/\sstyle=/);
    },
  );

  test('/ and /app redirect to /app/', async () => {
    for (const path of ['/', '/app']) {
      const answer = await new Client(server.base).get(path);
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toBe('/app/');
    }
  });
});
