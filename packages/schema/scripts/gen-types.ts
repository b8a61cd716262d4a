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

/** Index of the line closing the declaration that opens at `start` (braces counted, as nested object types have their own). */
function blockEnd(lines: readonly string[], start: number): number {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    for (const ch of lines[i] ?? '') {
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
    if (depth === 0) return i;
  }
  return lines.length;
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
      i = blockEnd(lines, i);
      continue;
    }
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\b([A-Z][A-Za-z]*?)\d+\b/g, (name, base: string) =>
      ts.includes(`export interface ${base} {`) ? base : name,
    );
}

async function generate(name: string): Promise<string> {
  const ts = await compile(readSchema(name), name, {
    additionalProperties: false,
    bannerComment: '',
    unreachableDefinitions: true,
    format: false,
    strictIndexSignatures: true,
    declareExternallyReferenced: true,
    maxItems: -1,
    cwd: join(root, 'schemas'),
  });
  return dedupe(ts.trim());
}

/** Drops from `ts` the interfaces `base` already declares (inlined `$ref`s to another schema file) and imports them instead. */
function importShared(ts: string, base: string): string {
  const declared = new Set([...base.matchAll(/^export interface (\w+) \{$/gm)].map((m) => m[1]));
  const shared: string[] = [];
  const lines = ts.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^export interface ([A-Za-z]+?)\d* \{$/.exec(lines[i] ?? '');
    if (m?.[1] && declared.has(m[1])) {
      if (!shared.includes(m[1])) shared.push(m[1]);
      while (kept.length > 0 && /^( \*|\/\*\*)/.test(kept[kept.length - 1] ?? '')) kept.pop();
      i = blockEnd(lines, i);
      continue;
    }
    kept.push(lines[i] ?? '');
  }
  const body = kept
    .join('\n')
    .replace(/\b([A-Z][A-Za-z]*?)\d+\b/g, (name, base: string) => (shared.includes(base) ? base : name));
  return `import type { ${shared.join(', ')} } from './types.ts';\n${body}`;
}

async function types(): Promise<{ app: string; sync: string }> {
  const app = `${await generate('app.schema.json')}\n\n${await generate('record.schema.json')}`;
  const sync = importShared(await generate('sync.schema.json'), app);
  return { app: `${banner}${app}\n`, sync: `${banner}${sync}\n` };
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
  // ajv's ESM output still `require`s two runtime helpers, which breaks in browsers and in plain
  // Node ESM. They are small: define them here so the file stands alone.
  const helpers = {
    'ajv/dist/runtime/ucs2length': 'gfUcs2length',
    'ajv/dist/runtime/equal': 'gfEqual',
  } as const;
  let standalone = code;
  for (const [module, name] of Object.entries(helpers)) {
    standalone = standalone.replaceAll(`require("${module}").default`, name);
  }
  if (standalone.includes('require(')) throw new Error('validate-app.js still requires a module: add it to `helpers`');
  const prelude = [
    '/** Length in Unicode code points, as JSON Schema counts string length. */',
    'function gfUcs2length(s) { let n = 0; for (const _ of s) n++; return n; }',
    '/** Deep equality of JSON values, for `const`, `enum` and `uniqueItems`. */',
    'function gfEqual(a, b) {',
    '  if (a === b) return true;',
    "  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;",
    '  if (Array.isArray(a) !== Array.isArray(b)) return false;',
    '  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => gfEqual(x, b[i]));',
    '  const ka = Object.keys(a);',
    '  if (ka.length !== Object.keys(b).length) return false;',
    '  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && gfEqual(a[k], b[k]));',
    '}',
  ].join('\n');
  return `${banner}// @ts-nocheck\n${prelude}\n${standalone}\n`;
}

const generated = await types();
const files: Record<string, string> = {
  'types.ts': generated.app,
  'sync-types.ts': generated.sync,
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
