// The three reference apps in examples/ are the acceptance ground: each must pass the JSON Schema
// and the semantic validator, and its seed data must fit the app it seeds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateApp, validateRecordEnvelope } from '../src/generated/validate-app.js';
import type { AppDefinition, ColumnField, EvalContext, Field, Value } from '../src/index.ts';
import {
  compileExpression,
  compileRecordValidator,
  evaluateExpression,
  migrateDefinition,
  validateDefinition,
} from '../src/index.ts';

interface SeedUser {
  name: string;
  displayName: Record<string, string>;
  roles: string[];
  lead?: string;
  pin?: string;
}
interface SeedRecord {
  id: string;
  app: string;
  form: string;
  version: number;
  data: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
}
interface Seed {
  users: SeedUser[];
  records: SeedRecord[];
}

const examplesDir = join(import.meta.dirname, '../../../examples');
const EXAMPLES = ['inventory', 'quality-inspection', 'shift-handover'];
const readJson = (...path: string[]): unknown => JSON.parse(readFileSync(join(examplesDir, ...path), 'utf8'));
const loadApp = (name: string) => readJson(name, 'app.json') as AppDefinition;
const loadSeed = (name: string) => readJson(name, 'seed.json') as Seed;

/** A value field of a form with the visibility rules that apply to it (its sections' and its own). */
interface Scoped {
  field: Exclude<Field | ColumnField, { type: 'section' }>;
  visibleWhen: string[];
}

/** Value fields by id: sections hold no value, their fields sit at the top of `data`. */
function valueFields(fields: readonly (Field | ColumnField)[], outer: string[] = []): Map<string, Scoped> {
  const out = new Map<string, Scoped>();
  for (const f of fields) {
    const visibleWhen = f.visibleWhen ? [...outer, f.visibleWhen] : outer;
    if (f.type === 'section') for (const [id, inner] of valueFields(f.fields ?? [], visibleWhen)) out.set(id, inner);
    else out.set(f.id, { field: f, visibleWhen });
  }
  return out;
}

/** Timestamp (ms) a UUIDv7 carries in its first 48 bits. */
const uuid7Time = (id: string) => Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);

describe.each(EXAMPLES)('examples/%s', (name) => {
  const app = loadApp(name);
  const seed = loadSeed(name);

  it('passes the JSON Schema', () => {
    const ok = validateApp(app);
    expect(validateApp.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('passes validateDefinition with no errors', () => {
    const result = validateDefinition(app);
    expect(result.errors.map((e) => `${e.pointer}: ${e.code}: ${e.message.en}`)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('is already in the current format (migration leaves it as it is)', () => {
    expect(migrateDefinition(app)).toEqual({ ok: true, definition: app, from: 3 });
  });

  it('has zh-CN and en text for every localized label', () => {
    const missing: string[] = [];
    const walk = (value: unknown, at: string): void => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, `${at}/${i}`);
      } else if (typeof value === 'object' && value !== null) {
        const keys = Object.keys(value);
        if (keys.includes('zh-CN') || keys.includes('en')) {
          if (!(keys.includes('zh-CN') && keys.includes('en'))) missing.push(at);
          return;
        }
        for (const [k, v] of Object.entries(value)) walk(v, `${at}/${k}`);
      }
    };
    walk(app, '');
    expect(missing).toEqual([]);
  });

  it('seeds records that are valid envelopes with UUIDv7 ids matching their creation time', () => {
    expect(seed.records.length).toBeGreaterThan(0);
    for (const record of seed.records) {
      const ok = validateRecordEnvelope(record);
      expect(validateRecordEnvelope.errors ?? [], record.id).toEqual([]);
      expect(ok).toBe(true);
      expect(record.app).toBe(app.id);
      expect(record.version).toBeLessThanOrEqual(app.version);
      expect(uuid7Time(record.id)).toBe(Date.parse(record.createdAt));
    }
    expect(new Set(seed.records.map((r) => r.id)).size).toBe(seed.records.length);
  });

  it('seeds records whose form and fields exist, with sub-table rows naming only their columns', () => {
    for (const record of seed.records) {
      const form = app.forms.find((f) => f.id === record.form);
      expect(form, `${record.id}: form ${record.form}`).toBeDefined();
      const fields = valueFields(form?.fields ?? []);
      for (const [key, value] of Object.entries(record.data)) {
        const field = fields.get(key)?.field;
        expect(field, `${record.id}: field ${key}`).toBeDefined();
        if (field?.type !== 'subtable') continue;
        expect(Array.isArray(value), `${record.id}: ${key} is a list of rows`).toBe(true);
        const columns = new Set(field.fields.map((c) => c.id));
        for (const row of value as Record<string, unknown>[]) {
          for (const column of Object.keys(row))
            expect(columns.has(column), `${record.id}: ${key}.${column}`).toBe(true);
        }
      }
    }
  });

  it('seeds users whose roles exist in the app and whose leads are seeded users', () => {
    const roles = new Set(app.roles.map((r) => r.id));
    const names = new Set(seed.users.map((u) => u.name));
    for (const user of seed.users) {
      for (const role of user.roles) expect(roles.has(role), `${user.name}: role ${role}`).toBe(true);
      if (user.lead !== undefined) expect(names.has(user.lead), `${user.name}: lead ${user.lead}`).toBe(true);
      expect(user.displayName['zh-CN'] && user.displayName.en, user.name).toBeTruthy();
    }
    for (const record of seed.records) expect(names.has(record.createdBy), record.createdBy).toBe(true);
  });

  it('seeds at least one user per role, and 4–6 digit PINs for operators', () => {
    for (const role of app.roles)
      expect(
        seed.users.some((u) => u.roles.includes(role.id)),
        role.id,
      ).toBe(true);
    for (const user of seed.users.filter((u) => u.roles.includes('operator'))) {
      expect(user.pin, user.name).toMatch(/^\d{4,6}$/);
    }
  });
});

describe('examples together', () => {
  it('use the same role ids and the same users in every app (one factory)', () => {
    const [first, ...rest] = EXAMPLES;
    const roleIds = (name: string) => loadApp(name).roles.map((r) => r.id);
    for (const name of rest) {
      expect(roleIds(name)).toEqual(roleIds(first!));
      expect(loadSeed(name).users).toEqual(loadSeed(first!).users);
    }
  });

  it('give every operator a lead chain up to a workshop lead', () => {
    const users = new Map(loadSeed('inventory').users.map((u) => [u.name, u]));
    for (const operator of [...users.values()].filter((u) => u.roles.includes('operator'))) {
      const chain: string[] = [];
      let current: SeedUser | undefined = operator;
      while (current?.lead !== undefined && chain.length < 10) {
        current = users.get(current.lead);
        if (current) chain.push(...current.roles);
      }
      expect(chain, operator.name).toEqual(['shift_lead', 'workshop_lead']);
    }
  });
});

// ---- seed data agrees with the app's formulas and rules ----

/** A stored value as expressions see it: blank is null, a file (photo, signature) is its id. */
function scalar(v: unknown): Value {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'object' && !Array.isArray(v)) return ((v as { id?: string }).id ?? null) as Value;
  return v as Value;
}

/** Header scope, or the scope of one sub-table row (its columns first, then the header). */
function scopeOf(record: SeedRecord, row?: Record<string, unknown>): EvalContext {
  const data = record.data;
  return {
    get(path) {
      const [first, second] = path;
      if (first === undefined) return undefined;
      if (second === undefined) return scalar(row && Object.hasOwn(row, first) ? row[first] : data[first]);
      const rows = data[first];
      return Array.isArray(rows) ? rows.map((r: Record<string, unknown>) => scalar(r[second])) : null;
    },
    user: record.createdBy,
    now: () => new Date(record.createdAt),
    timeZone: 'Asia/Shanghai',
  };
}

function evaluate(source: string, ctx: EvalContext): Value {
  const compiled = compileExpression(source);
  if (!compiled.ok) throw new Error(`${source}: ${compiled.error.message.en}`);
  const result = evaluateExpression(compiled.expr, ctx);
  if (!result.ok) throw new Error(`${source}: ${result.error.message.en}`);
  return result.value;
}

const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Problems of one record (or row) against its fields: formulas, visibility, required, validations. */
function problems(
  fields: Map<string, Scoped>,
  values: Record<string, unknown>,
  ctx: EvalContext,
  at: string,
): string[] {
  const found: string[] = [];
  for (const [id, { field, visibleWhen }] of fields) {
    const value = values[id];
    const where = `${at}.${id}`;
    if (!visibleWhen.every((rule) => evaluate(rule, ctx) === true)) {
      if (!isBlank(value)) found.push(`${where} is stored while hidden`);
      continue;
    }
    if (field.type === 'formula') {
      const expected = evaluate(field.expression, ctx);
      const tolerance = typeof expected === 'number' ? 0.5 * 10 ** -(field.precision ?? 6) : 0;
      const same =
        typeof expected === 'number' && typeof value === 'number'
          ? Math.abs(expected - value) <= tolerance
          : (expected ?? undefined) === value;
      if (!same) found.push(`${where} is ${JSON.stringify(value)}, its formula gives ${JSON.stringify(expected)}`);
      continue;
    }
    const required =
      field.required === true || (field.requiredWhen !== undefined && evaluate(field.requiredWhen, ctx) === true);
    if (required && isBlank(value)) found.push(`${where} is required but blank`);
    if (isBlank(value)) continue;
    for (const v of field.validations ?? []) {
      if (evaluate(v.rule, ctx) !== true) found.push(`${where} breaks ${v.rule}`);
    }
  }
  return found;
}

describe.each(EXAMPLES)('seed data of examples/%s', (name) => {
  const app = loadApp(name);
  it('passes compileRecordValidator for its form, as a submission by its creator', () => {
    const validators = new Map(app.forms.map((f) => [f.id, compileRecordValidator(f, { app })]));
    for (const record of loadSeed(name).records) {
      const result = validators.get(record.form)?.(record.data, {
        user: record.createdBy,
        now: () => new Date(record.createdAt),
      });
      expect(result?.errors.map((e) => `${record.id}${e.pointer}: ${e.code}: ${e.message.en}`)).toEqual([]);
    }
  });

  it('stores formula results the formulas give, no hidden values, every required value and passing validations', () => {
    const found: string[] = [];
    for (const record of loadSeed(name).records) {
      const form = app.forms.find((f) => f.id === record.form);
      if (!form) throw new Error(`no form ${record.form}`);
      const fields = valueFields(form.fields);
      found.push(...problems(fields, record.data, scopeOf(record), record.id));
      for (const [id, { field }] of fields) {
        if (field.type !== 'subtable') continue;
        const rows = (record.data[id] ?? []) as Record<string, unknown>[];
        const columns = valueFields(field.fields);
        rows.forEach((row, i) => {
          found.push(...problems(columns, row, scopeOf(record, row), `${record.id}.${id}[${i}]`));
        });
      }
    }
    expect(found).toEqual([]);
  });
});
