import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './shape.ts';
import { migrateV1ToV2 } from './v1ToV2.ts';

const fixture = (name: string): JsonObject =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as JsonObject;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('migrateV1ToV2', () => {
  it('turns the v1 fixture into exactly the v2 fixture', () => {
    expect(migrateV1ToV2(fixture('v1-app.json'))).toEqual(fixture('v2-app.json'));
  });

  it('puts schemaVersion 2 first, replacing an explicit schemaVersion 1', () => {
    const out = migrateV1ToV2({ schemaVersion: 1, id: 'a', name: '甲' });
    expect(Object.keys(out)[0]).toBe('schemaVersion');
    expect(out).toEqual({ schemaVersion: 2, id: 'a', name: { 'zh-CN': '甲' } });
  });

  it('localizes plain-string texts of fields and keeps texts that are already localized', () => {
    const out = migrateV1ToV2({
      forms: [
        {
          name: { 'zh-CN': '表', en: 'Form' },
          fields: [{ id: 'x', type: 'text', label: '名称', patternMessage: '格式不对', help: { en: 'Help' } }],
        },
      ],
    });
    expect(out.forms).toEqual([
      {
        name: { 'zh-CN': '表', en: 'Form' },
        fields: [
          {
            id: 'x',
            type: 'text',
            label: { 'zh-CN': '名称' },
            patternMessage: { 'zh-CN': '格式不对' },
            help: { en: 'Help' },
          },
        ],
      },
    ]);
  });

  it('turns string options into { value, label } and localizes labels of object options', () => {
    const out = migrateV1ToV2({
      forms: [
        { fields: [{ id: 'r', type: 'radio', label: '结果', options: ['OK', { value: 'NG', label: '不合格' }] }] },
      ],
    });
    const forms = out.forms as { fields: { options: unknown }[] }[];
    expect(forms[0]?.fields[0]?.options).toEqual([
      { value: 'OK', label: { 'zh-CN': 'OK' } },
      { value: 'NG', label: { 'zh-CN': '不合格' } },
    ]);
  });

  it('does not write into its input', () => {
    const input = deepFreeze(fixture('v1-app.json'));
    const before = JSON.stringify(input);
    expect(() => migrateV1ToV2(input)).not.toThrow();
    expect(JSON.stringify(input)).toBe(before);
  });

  it('leaves values of unexpected types for the validator instead of failing', () => {
    const out = migrateV1ToV2({ roles: 'none', forms: [null, { fields: 3, approval: [] }] });
    expect(out).toEqual({ schemaVersion: 2, roles: 'none', forms: [null, { fields: 3, approval: [] }] });
  });
});
