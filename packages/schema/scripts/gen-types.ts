/**
 * Generates what is derived from `schemas/*.schema.json`, the single source of the contract:
 * - `src/generated/types.ts`: TypeScript types (json-schema-to-typescript);
 * - `src/generated/validate-app.js`: the ajv validator compiled ahead of time, so no code is
 *   generated at run time (tablets under a strict Content-Security-Policy never need `eval`).
 * `--check` fails when the committed files differ from what the schemas give (drift).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const out = join(here, '../src/generated');
const check = process.argv.includes('--check');

const banner =
  '/* Generated from schemas/*.schema.json by packages/schema/scripts/gen-types.ts. Do not edit: run `pnpm gen`. */\n';

function readSchema(name: string): JSONSchema {
  return JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8')) as JSONSchema;
}

/**
 * json-schema-to-typescript names a new type for every `$ref` that carries its own description
 * (`LocalizedText12`, `OptionsFrom2`, …). Each is the same shape as its `$defs` original, so
 * point every use at the original and drop the copies.
 */
function dedupe(ts: string): string {
  const numbered = /^export interface ([A-Za-z]+?)(\d+) \{$/;
  const lines = ts.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const m = numbered.exec(line);
    if (m && ts.includes(`export interface ${m[1]} {`)) {
      // drop the doc comment above and the block itself
      while (kept.length > 0 && /^( \*|\/\*\*)/.test(kept[kept.length - 1] ?? '')) kept.pop();
      while (i < lines.length && lines[i] !== '}') i++;
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n').replace(/\b(LocalizedText|OptionsFrom|NodeFieldAccess)\d+\b/g, '$1');
}

async function types(): Promise<string> {
  const parts: string[] = [];
  for (const name of ['app.schema.json', 'record.schema.json']) {
    const ts = await compile(readSchema(name), name, {
      additionalProperties: false,
      bannerComment: '',
      unreachableDefinitions: true,
      format: false,
      strictIndexSignatures: true,
      declareExternallyReferenced: true,
      maxItems: -1,
    });
    parts.push(dedupe(ts.trim()));
  }
  return `${banner}${parts.join('\n\n')}\n`;
}

function validators(): string {
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    strict: true,
    allowUnionTypes: true,
    inlineRefs: false,
    code: { source: true, esm: true, lines: false },
  });
  ajv.addSchema(readSchema('app.schema.json') as object, 'app');
  ajv.addSchema(readSchema('record.schema.json') as object, 'record');
  const code = standaloneCode(ajv, { validateApp: 'app', validateRecordEnvelope: 'record' });
  return `${banner}// @ts-nocheck\n${code}\n`;
}

const files: Record<string, string> = {
  'types.ts': await types(),
  'validate-app.js': validators(),
};

let drift = 0;
for (const [name, text] of Object.entries(files)) {
  const path = join(out, name);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (current === text) continue;
  if (check) {
    drift++;
    console.error(`packages/schema/src/generated/${name} is out of date with schemas/: run \`pnpm gen\`.`);
  } else {
    writeFileSync(path, text);
    console.log(`wrote packages/schema/src/generated/${name}`);
  }
}
if (drift > 0) process.exit(1);
if (check) console.log('generated files match schemas/');
