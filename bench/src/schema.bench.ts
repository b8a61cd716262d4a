/**
 * Benchmark of packages/schema (issue 2): definition validation, expression evaluation, and record
 * validation side by side with a hand-written ajv schema of the same form.
 * Run: `npx -y pnpm@10 --filter @gongfang/bench bench:schema` (writes bench/results/schema.md).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compileExpression,
  compileRecordValidator,
  evaluateExpression,
  type Value,
  validateDefinition,
} from '@gongfang/schema';
import Ajv from 'ajv';
import { expressionSources, largeDefinition, recordData, recordForm, recordJsonSchema } from './fixtures.ts';
import { alternate, fmt, machine, quantile, resultRow, table, time, writeResultFile } from './harness.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const PAIRS = Number(process.env.BENCH_PAIRS ?? 15);

function median(values: number[]): number {
  return quantile(values, 0.5);
}

// 1. validateDefinition on the largest example and on a generated 500-field definition.
const examples = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(root, 'examples', d.name, 'app.json'));
const largest = examples.sort((a, b) => statSync(b).size - statSync(a).size)[0];
if (!largest) throw new Error('no examples found');
const largestDef: unknown = JSON.parse(readFileSync(largest, 'utf8'));
const generated = largeDefinition(500);
for (const [name, def] of [
  ['largest example', largestDef],
  ['generated 500-field', generated],
] as const) {
  const result = validateDefinition(def);
  if (!result.ok) {
    console.error(`${name} does not validate:`, result.errors.slice(0, 5));
    process.exit(2);
  }
}
const defRows: string[][] = [];
for (const [name, def] of [
  [`${largest.slice(root.length + 1)}`, largestDef],
  ['generated, 500 fields', generated],
] as const) {
  const samples = Array.from({ length: PAIRS }, () => time(() => validateDefinition(def), 5) / 5);
  defRows.push([name, fmt(median(samples)), fmt(quantile(samples, 0.1)), fmt(quantile(samples, 0.9))]);
}

// 2. 10,000 expressions: compile each once, then evaluate each once.
const sources = expressionSources(10_000);
if (new Set(sources).size !== sources.length) throw new Error('bench expressions must be distinct');
const scope = new Map<string, Value>([
  ['qty', 12],
  ['price', 9.5],
  ['batch', 'B-2026-11'],
  ['status', 'ok'],
  ['start', '2026-11-01'],
  ['lines.qty', Array.from({ length: 50 }, (_, i) => i)],
  ['lines.scrap', Array.from({ length: 50 }, (_, i) => i % 3)],
]);
const ctx = {
  get: (path: readonly string[]) => scope.get(path.join('.')),
  now: () => new Date('2026-11-23T08:00:00Z'),
};
let compiled: ReturnType<typeof compileExpression>[] = [];
const compileMs = time(() => {
  compiled = sources.map((s) => compileExpression(s));
});
const exprs = compiled.map((c) => {
  if (!c.ok) throw new Error(`bench expression did not compile: ${c.error.message.en}`);
  return c.expr;
});
let failures = 0;
const evalSamples = Array.from({ length: PAIRS }, () =>
  time(() => {
    for (const e of exprs) if (!evaluateExpression(e, ctx).ok) failures++;
  }),
);
if (failures > 0) {
  console.error(`${failures} bench expressions failed to evaluate`);
  process.exit(2);
}

// 3. Record validation: ours against a hand-written ajv schema of the same form, alternated.
const form = recordForm();
const ours = compileRecordValidator(form);
const ajv = new Ajv({ allErrors: true }).compile(recordJsonSchema());
const records = Array.from({ length: 200 }, (_, i) => recordData(i, 20));
for (const r of records) {
  const a = ours(r);
  if (!a.ok || !ajv(r)) {
    console.error('bench records must be valid on both sides', a.errors.slice(0, 3), ajv.errors?.slice(0, 3));
    process.exit(2);
  }
}
const rec = alternate(
  PAIRS,
  () =>
    time(() => {
      for (const r of records) ours(r);
    }, 10),
  () =>
    time(() => {
      for (const r of records) ajv(r);
    }, 10),
);
const perRecord = (ms: number) => (ms * 1000) / (records.length * 10);
const ratio = median(rec.ratios);

// The row pnpm bench gathers into bench/RESULTS.md (issue 2's aim for validation: within 1.5x of ajv).
writeResultFile('schema', 'npx -y pnpm@10 --filter @gongfang/bench bench:schema', [
  resultRow(
    0,
    'record validation, 40 fields + 20 line items, per record',
    'µs',
    'hand-written ajv schema of the same form',
    { ours: rec.ours.map(perRecord), peer: rec.peer.map(perRecord), ratios: rec.ratios },
    '≤ 1.5',
  ),
]);

const date = new Date().toISOString().slice(0, 10);
const out = `# packages/schema benchmark

Command: \`npx -y pnpm@10 --filter @gongfang/bench bench:schema\` (${PAIRS} samples or alternated pairs).
Machine: ${machine()}. Date: ${date}.

## validateDefinition (JSON Schema + semantic checks), ms per call

${table(['definition', 'median', 'p10', 'p90'], defRows)}

## Expressions

- compile 10,000 distinct sources: ${fmt(compileMs)} ms (${fmt((compileMs * 1000) / sources.length)} µs each)
- evaluate 10,000 compiled expressions: median ${fmt(median(evalSamples))} ms (p10 ${fmt(quantile(evalSamples, 0.1))}, p90 ${fmt(quantile(evalSamples, 0.9))}), ${fmt((median(evalSamples) * 1000) / exprs.length)} µs each

## Record validation: compileRecordValidator vs a hand-written ajv schema of the same form

40 header fields + 20 line items × 5 columns; ${records.length} records × 10 per sample.

${table(
  ['metric', 'ours', 'ajv (peer)', 'ratio ours ÷ peer (median, p10–p90)', 'target'],
  [
    [
      'µs per record',
      fmt(perRecord(median(rec.ours))),
      fmt(perRecord(median(rec.peer))),
      `${fmt(ratio)} (${fmt(quantile(rec.ratios, 0.1))}–${fmt(quantile(rec.ratios, 0.9))})`,
      '≤ 1.5',
    ],
  ],
)}
`;
writeFileSync(join(root, 'bench/results/schema.md'), out);
console.log(out);
console.log(ratio <= 1.5 ? 'record validation: within 1.5x of ajv' : 'record validation: SLOWER than 1.5x of ajv');
