import { describe, expect, test } from 'vitest';
import { sectionOf } from './AdminNav.tsx';
import { AdminError, createAdminApi } from './api.ts';
import { errorText } from './ui.tsx';

const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('admin API client', () => {
  test("a refusal carries the server's code and localized message, shown in the UI language", async () => {
    const api = createAdminApi(
      '',
      answer(409, { code: 'name-taken', message: { 'zh-CN': '用户名 a 已被使用', en: 'The user name a is taken' } }),
    );
    const error = await api
      .createUser({ name: 'a', displayName: { 'zh-CN': 'A' }, password: 'x', roles: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminError);
    expect((error as AdminError).code).toBe('name-taken');
    expect(errorText(error, 'en')).toBe('The user name a is taken');
    expect(errorText(error, 'zh-CN')).toBe('用户名 a 已被使用');
  });

  test('a network failure is a localized error, not a TypeError', async () => {
    const api = createAdminApi('', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await api.users().catch((e: unknown) => e);
    expect(errorText(error, 'en')).toMatch(/Cannot reach the server/);
  });

  test('audit filters and the paging cursor go into the query; empty ones are left out', async () => {
    let url = '';
    const api = createAdminApi('', async (input) => {
      url = input;
      return new Response(JSON.stringify({ entries: [], nextBefore: null }));
    });
    await api.audit({ entityType: 'user', actorId: '', from: '2025-03-01T00:00:00.000Z' }, 120, 25);
    expect(url).toBe('/api/audit?entityType=user&from=2025-03-01T00%3A00%3A00.000Z&before=120&limit=25');
  });

  test('hash routes pick the section; unknown ones fall back to users', () => {
    expect(sectionOf('#/admin/audit')).toBe('audit');
    expect(sectionOf('#/admin/webhooks?x=1')).toBe('webhooks');
    expect(sectionOf('#/admin')).toBe('users');
    expect(sectionOf('#/admin/nope')).toBe('users');
  });
});
