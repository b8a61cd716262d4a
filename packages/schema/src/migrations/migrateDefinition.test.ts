import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../definition/validateDefinition.ts';
import { validateApp } from '../generated/validate-app.js';
import { CURRENT_SCHEMA_VERSION, migrateDefinition } from './migrateDefinition.ts';

const read = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));
const fixture = (name: string) => read(new URL(`./fixtures/${name}`, import.meta.url));
const example = (name: string) => read(new URL(`../../../../examples/${name}/app.json`, import.meta.url));

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function migrated(def: unknown): { definition: unknown; from: number } {
  const result = migrateDefinition(def);
  if (!result.ok) throw new Error(`migration failed: ${JSON.stringify(result.error)}`);
  return result;
}

describe('migrateDefinition', () => {
  it('is at format 3', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(3);
  });

  it.each([
    ['v1-app.json', 1],
    ['v2-app.json', 2],
  ])('migrates %s to a definition that passes the JSON Schema and validateDefinition', (name, from) => {
    const result = migrated(fixture(name));
    expect(result.from).toBe(from);
    const ok = validateApp(result.definition);
    expect(validateApp.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validateDefinition(result.definition)).toEqual({ ok: true, errors: [] });
  });

  it('gives a definition the validator rejects when it is not migrated (so the test above means something)', () => {
    expect(validateDefinition(fixture('v2-app.json')).ok).toBe(false);
  });

  it('gives the same result from a v1 definition as from its v2 form', () => {
    expect(migrated(fixture('v1-app.json')).definition).toEqual(migrated(fixture('v2-app.json')).definition);
  });

  it('reads an explicit schemaVersion 1 like a missing one', () => {
    const v1 = fixture('v1-app.json') as Record<string, unknown>;
    const result = migrated({ ...v1, schemaVersion: 1 });
    expect(result.from).toBe(1);
    expect(result.definition).toEqual(migrated(v1).definition);
  });

  it.each(['inventory', 'quality-inspection', 'shift-handover'])(
    'leaves the current-format example %s unchanged',
    (name) => {
      const def = example(name);
      const once = migrated(def);
      expect(once.from).toBe(3);
      expect(once.definition).toEqual(def);
      expect(migrated(once.definition).definition).toEqual(def);
    },
  );

  it('never writes into its input', () => {
    for (const name of ['v1-app.json', 'v2-app.json']) {
      const input = deepFreeze(fixture(name));
      const before = JSON.stringify(input);
      expect(migrateDefinition(input).ok).toBe(true);
      expect(JSON.stringify(input)).toBe(before);
    }
  });

  it.each([null, [], 'app', 3, true, undefined])('refuses %j: a definition must be an object', (input) => {
    const result = migrateDefinition(input);
    expect(result).toMatchObject({ ok: false, error: { pointer: '', code: 'not_an_object' } });
  });

  it('refuses a newer format with a message in both languages naming it', () => {
    const result = migrateDefinition({ schemaVersion: 4, id: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ pointer: '/schemaVersion', code: 'newer_schema_version' });
    expect(result.error.message.en).toContain('4');
    expect(result.error.message['zh-CN']).toContain('4');
    expect(result.error.message['zh-CN']).toMatch(/升级/);
  });

  it.each([
    ['3', 'invalid_schema_version'],
    [2.5, 'invalid_schema_version'],
    [null, 'invalid_schema_version'],
    [0, 'unknown_schema_version'],
    [-1, 'unknown_schema_version'],
  ])('refuses schemaVersion %j with %s', (schemaVersion, code) => {
    expect(migrateDefinition({ schemaVersion })).toMatchObject({
      ok: false,
      error: { pointer: '/schemaVersion', code },
    });
  });

  it('reports a broken older definition with a pointer instead of throwing', () => {
    const result = migrateDefinition({ schemaVersion: 2, forms: [{ fields: [{ id: 'a', rules: 'x = 1' }] }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_rules', pointer: '/forms/0/fields/0/rules' } });
  });

  it('does not throw on an object whose getters throw', () => {
    const hostile = { forms: [{}] };
    Object.defineProperty(hostile.forms[0], 'fields', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(migrateDefinition(hostile)).toMatchObject({ ok: false, error: { code: 'migration_failed' } });
  });

  it('keeps a __proto__ key as plain data and touches no prototype', () => {
    const input = JSON.parse(
      '{"name": "甲", "__proto__": {"polluted": 1}, "forms": [{"__proto__": {"x": 1}, "id": "f", "fields": []}]}',
    ) as unknown;
    const { definition } = migrated(input);
    expect(Object.getPrototypeOf(definition)).toBe(Object.prototype);
    expect(Object.hasOwn(definition as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const form = (definition as { forms: object[] }).forms[0]!;
    expect(Object.getPrototypeOf(form)).toBe(Object.prototype);
    expect(Object.hasOwn(form, '__proto__')).toBe(true);
  });

  it('does not overflow the stack on 10,000-deep field nesting', () => {
    let field: Record<string, unknown> = { id: 'leaf', type: 'text', label: '叶' };
    for (let i = 0; i < 10_000; i++) field = { id: `s${i}`, type: 'section', label: '节', fields: [field] };
    const result = migrateDefinition({ forms: [{ id: 'f', name: '表', fields: [field] }] });
    expect(result.ok).toBe(true);
  });
});
