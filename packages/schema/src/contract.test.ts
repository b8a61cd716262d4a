import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../../schemas');
const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
const names = ['app.schema.json', 'record.schema.json', 'sync.schema.json'];

/** Every place in a schema where `properties` names a property, with its path. */
function* properties(node: unknown, path: string): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) yield* properties(v, `${path}/${i}`);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [prop, schema] of Object.entries(value as Record<string, Record<string, unknown>>)) {
        yield [`${path}/properties/${prop}`, schema];
        yield* properties(schema, `${path}/properties/${prop}`);
      }
    } else {
      yield* properties(value, `${path}/${key}`);
    }
  }
}

describe('schemas/', () => {
  it('compile under ajv strict mode (draft 2020-12), each with the others as references', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, discriminator: true });
    for (const name of names) ajv.addSchema(read(name), name);
    for (const name of names) expect(() => ajv.getSchema(name)).not.toThrow();
  });

  it('describe every property of the app definition, for the IT departments who read them', () => {
    const missing: string[] = [];
    const app = read('app.schema.json');
    const defs = app.$defs as Record<string, Record<string, unknown>>;
    for (const [path, schema] of properties(app, '')) {
      // `type`/`kind` discriminators are explained by the description of the object they sit in.
      if (path.endsWith('/properties/type') || path.endsWith('/properties/kind')) continue;
      const target =
        typeof schema.$ref === 'string' && schema.$ref.startsWith('#/$defs/')
          ? defs[schema.$ref.slice('#/$defs/'.length)]
          : undefined;
      if (typeof schema.description !== 'string' && typeof target?.description !== 'string') missing.push(path);
    }
    expect(missing).toEqual([]);
  });

  it('describe every $defs entry', () => {
    for (const name of names) {
      const defs = (read(name).$defs ?? {}) as Record<string, Record<string, unknown>>;
      const undescribed = Object.entries(defs)
        .filter(([, d]) => typeof d.description !== 'string')
        .map(([k]) => `${name}#/$defs/${k}`);
      expect(undescribed).toEqual([]);
    }
  });
});
