import { describe, expect, it } from 'vitest';
import { httpRegistry } from './registryClient.ts';

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });
const inspector = { id: 'line_inspector', name: { 'zh-CN': '巡线员', en: 'Line inspector' } };

describe('registry client: the organization roles', () => {
  it('asks GET /api/roles and gives its roles', async () => {
    let asked = '';
    const registry = httpRegistry('', async (input) => {
      asked = String(input);
      return new Response(JSON.stringify({ roles: [inspector] }), { status: 200 });
    });
    expect(await registry.roles()).toEqual([inspector]);
    expect(asked).toBe('/api/roles');
  });

  it('gives null (pickers fall back) when the server refuses or cannot be reached', async () => {
    const refused = { code: 'forbidden', message: { 'zh-CN': '无权', en: 'Not allowed' } };
    expect(await httpRegistry('', answer(403, refused)).roles()).toBeNull();
    expect(await httpRegistry('', answer(200, {})).roles()).toBeNull();
    const offline = httpRegistry('', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await offline.roles()).toBeNull();
  });
});
