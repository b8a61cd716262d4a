import { readFileSync } from 'node:fs';

/**
 * The sync contract (schemas/sync.schema.json + record.schema.json) as self-contained JSON Schemas
 * for route validation, read from the files so the routes cannot drift from the contract. The
 * cross-file `$ref` to record.schema.json becomes a local `$defs` entry (the server's ajv is
 * draft-07 and validates each route schema on its own).
 */
type Json = Record<string, unknown>;

const SCHEMAS = new URL('../../../../schemas/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, SCHEMAS), 'utf8')) as Json;

function localize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(localize);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema' || key === '$id' || key === 'discriminator') continue;
    out[key] = key === '$ref' && value === 'record.schema.json' ? '#/$defs/RecordEnvelope' : localize(value);
  }
  // Open objects say so: the answer serializer would otherwise drop every property of e.g. a
  // Change's `data` (for validation, a missing `additionalProperties` already means "any").
  if (out.type === 'object' && !('additionalProperties' in out)) out.additionalProperties = true;
  return out;
}

const sync = localize(read('sync.schema.json')) as { $defs: Json };
const record = localize(read('record.schema.json')) as Json;
const { title: _title, ...recordSchema } = record;
const defs: Json = { ...sync.$defs, RecordEnvelope: recordSchema };

/** `{ $ref: '#/$defs/<name>', $defs }`: one definition of the contract with everything it uses. */
export function contractSchema(name: string): Json {
  if (!(name in defs)) throw new Error(`no ${name} in the sync contract`);
  return { $ref: `#/$defs/${name}`, $defs: defs };
}

/** Wraps a route schema so `{ $ref: '#/$defs/<name>' }` inside it reaches the contract's definitions. */
export function withContractDefs<T extends Json>(schema: T): T & { $defs: Json } {
  return { ...schema, $defs: defs };
}
