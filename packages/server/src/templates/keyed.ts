/**
 * A definition seen by identity instead of by array position, for the three-way merge: lists whose
 * items have ids become `Keyed` (items by id plus their order), role lists become `StringSet`.
 */
import { asObject, escapePointer, type JsonObject } from '../registry/json.ts';

/** Lists matched by identity, by the key that names their items. */
export const IDENTITY: Readonly<Record<string, string>> = {
  roles: 'id',
  forms: 'id',
  fields: 'id',
  nodes: 'id',
  branches: 'id',
  postings: 'id',
  ledgers: 'id',
  views: 'id',
  keys: 'id',
  measures: 'id',
  guards: 'id',
  options: 'value',
  fieldAccess: 'role',
  groupBy: 'key',
};

/** Lists of role ids or field ids whose order means nothing: merged as sets. */
const SETS = new Set(['submit', 'viewAll', 'hidden', 'readOnly', 'editable', 'roles']);

export class Keyed {
  constructor(
    readonly key: string,
    readonly order: string[],
    readonly items: Map<string, unknown>,
  ) {}
}

export class StringSet {
  constructor(readonly values: string[]) {}
}

function identities(items: unknown[], key: string): string[] | undefined {
  const ids: string[] = [];
  for (const item of items) {
    const id = asObject(item)?.[key];
    if (typeof id !== 'string' || ids.includes(id)) return undefined;
    ids.push(id);
  }
  return ids;
}

export function toKeyed(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) {
    const key = IDENTITY[parentKey];
    const ids = key ? identities(value, key) : undefined;
    if (key && ids && (value.length > 0 || !SETS.has(parentKey))) {
      return new Keyed(key, ids, new Map(ids.map((id, i) => [id, toKeyed(value[i])])));
    }
    if (SETS.has(parentKey) && value.every((v) => typeof v === 'string')) return new StringSet([...value]);
    return value;
  }
  const object = asObject(value);
  if (!object) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(object)) out[k] = toKeyed(v, k);
  return out;
}

export function fromKeyed(value: unknown): unknown {
  if (value instanceof Keyed) return value.order.map((id) => fromKeyed(value.items.get(id)));
  if (value instanceof StringSet) return [...value.values];
  const object = asObject(value);
  if (!object) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(object)) if (v !== undefined) out[k] = fromKeyed(v);
  return out;
}

/** The RFC 6901 pointer of an identity path (`/forms/check/fields/qty`) in a plain definition. */
export function pointerIn(doc: unknown, segments: readonly string[]): string | undefined {
  let current = doc;
  let pointer = '';
  let parentKey = '';
  for (const segment of segments) {
    if (Array.isArray(current)) {
      const key = IDENTITY[parentKey] ?? '';
      const index = current.findIndex((item) => (typeof item === 'string' ? item : asObject(item)?.[key]) === segment);
      if (index < 0) return undefined;
      current = current[index];
      pointer += `/${index}`;
    } else {
      const object = asObject(current);
      if (!object || !Object.hasOwn(object, segment)) return undefined;
      current = object[segment];
      pointer += `/${escapePointer(segment)}`;
    }
    parentKey = segment;
  }
  return pointer;
}
