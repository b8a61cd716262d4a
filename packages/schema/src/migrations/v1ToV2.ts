/**
 * Definition format 1 → 2.
 *
 * Format 1 (the first release; it had no `schemaVersion` field, or `schemaVersion: 1`):
 *   - every text shown to people was a plain Chinese string: `name` and `description` of the
 *     app, roles, forms and views; `label`, `help`, `placeholder`, `unit` and `patternMessage` of
 *     fields; `message` of validations; `name` of approval steps;
 *   - static `options` of select/radio/checkbox fields were plain strings (`["合格", "不合格"]`),
 *     each string being both the stored value and the label;
 *   - otherwise as format 2 (rules in `rules`, approval as `approval.steps`).
 *
 * Format 2 made each of those texts a localized object `{ "zh-CN": text }` (so English can be
 * added) and each option `{ value, label }`, and added `schemaVersion: 2`.
 */
import { copy, isObject, type JsonObject, MAX_FIELD_DEPTH, mapArray } from './shape.ts';

/** A plain string becomes `{ "zh-CN": string }`; anything else (already localized, or invalid) is kept. */
function localized(value: unknown): unknown {
  return typeof value === 'string' ? { 'zh-CN': value } : value;
}

function localizeKeys(obj: JsonObject, keys: readonly string[]): JsonObject {
  const out = copy(obj);
  for (const key of keys) if (Object.hasOwn(out, key)) out[key] = localized(out[key]);
  return out;
}

function option(value: unknown): unknown {
  if (typeof value === 'string') return { value, label: { 'zh-CN': value } };
  return isObject(value) ? localizeKeys(value, ['label']) : value;
}

const FIELD_TEXTS = ['label', 'help', 'placeholder', 'unit', 'patternMessage'] as const;

function field(value: unknown, depth: number): unknown {
  if (!isObject(value) || depth > MAX_FIELD_DEPTH) return value;
  const out = localizeKeys(value, FIELD_TEXTS);
  if (Object.hasOwn(out, 'options')) out.options = mapArray(out.options, option);
  if (Object.hasOwn(out, 'validations')) {
    out.validations = mapArray(out.validations, (v) => (isObject(v) ? localizeKeys(v, ['message']) : v));
  }
  if (Object.hasOwn(out, 'fields')) out.fields = mapArray(out.fields, (f) => field(f, depth + 1));
  return out;
}

function approval(value: unknown): unknown {
  if (!isObject(value)) return value;
  const out = copy(value);
  if (Object.hasOwn(out, 'steps'))
    out.steps = mapArray(out.steps, (s) => (isObject(s) ? localizeKeys(s, ['name']) : s));
  return out;
}

function form(value: unknown): unknown {
  if (!isObject(value)) return value;
  const out = localizeKeys(value, ['name', 'description']);
  if (Object.hasOwn(out, 'fields')) out.fields = mapArray(out.fields, (f) => field(f, 1));
  if (Object.hasOwn(out, 'approval')) out.approval = approval(out.approval);
  return out;
}

export function migrateV1ToV2(def: JsonObject): JsonObject {
  // schemaVersion first, as the designer writes it.
  const out: JsonObject = { schemaVersion: 2, ...localizeKeys(def, ['name', 'description']) };
  out.schemaVersion = 2;
  const named = (v: unknown) => (isObject(v) ? localizeKeys(v, ['name', 'description']) : v);
  if (Object.hasOwn(out, 'roles')) out.roles = mapArray(out.roles, named);
  if (Object.hasOwn(out, 'forms')) out.forms = mapArray(out.forms, form);
  if (Object.hasOwn(out, 'views')) out.views = mapArray(out.views, named);
  return out;
}
