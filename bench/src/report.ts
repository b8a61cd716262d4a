/**
 * bench/RESULTS.md and bench/results/chart.svg from the bench/results/<bench>.json files that each
 * benchmark writes (`writeResultFile` in harness.ts).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, type ResultFile, type ResultRow } from './harness.ts';
import { ratioChart } from './reportChart.ts';

const benchDir = fileURLToPath(new URL('../', import.meta.url));
const resultsDir = join(benchDir, 'results');

export interface ReportInput {
  started: Date;
  seconds: number;
  /** Benchmarks run by this invocation (their files must be from this run). */
  ran: string[];
  /** Every benchmark `pnpm bench` knows, in its order. */
  expected: string[];
}

export interface Report {
  summary: string;
  /** Broken inputs: an unreadable result file, or a benchmark that ran and left none. */
  problems: string[];
  files: string[];
}

function isRow(value: unknown): value is ResultRow {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const nums = ['row', 'ours', 'peerValue', 'ratio', 'pairs'].every((k) => typeof r[k] === 'number');
  const strs = ['metric', 'unit', 'peer', 'target'].every((k) => typeof r[k] === 'string');
  const spread = Array.isArray(r.spread) && r.spread.length === 2 && r.spread.every((n) => typeof n === 'number');
  return nums && strs && spread && typeof r.met === 'boolean';
}

/** Reads one result file, or says what is wrong with it. */
export function readResultFile(path: string): ResultFile | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return `${path} is not JSON (${(error as Error).message})`;
  }
  const f = parsed as Partial<ResultFile>;
  if (typeof f.bench !== 'string' || typeof f.date !== 'string' || typeof f.command !== 'string') {
    return `${path} lacks bench, date or command`;
  }
  if (!Array.isArray(f.rows) || !f.rows.every(isRow)) return `${path} has a row that is not a ResultRow`;
  return f as ResultFile;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function value(n: number, unit: string): string {
  return `${fmt(n)} ${unit}`;
}

export function markdown(files: ResultFile[], input: ReportInput, missing: string[]): string {
  const rows = files.flatMap((f) => f.rows.map((r) => ({ file: f, r })));
  rows.sort((a, b) => (a.r.row || 99) - (b.r.row || 99));
  const met = rows.filter(({ r }) => r.met).length;
  const lines = [
    '# Benchmark results',
    '',
    input.ran.length > 0
      ? `Written by \`npx -y pnpm@10 bench\` (bench/src/main.ts) on ${when(input.started.toISOString())}; that run took ${Math.round(input.seconds)} s.`
      : `Gathered by \`npx -y pnpm@10 bench --report\` on ${when(input.started.toISOString())} from the result files; each row's date says when it was measured.`,
    'Each row alternates ours and the peer (A B A B …) in one run on one machine;',
    'the ratio is the median of the per-pair ratios ours ÷ peer, with its interquartile range in brackets.',
    'For throughput (records/s, req/s) higher is better and the target reads ≥; for times, bytes, requests',
    `and renders lower is better and it reads ≤. **${met} of ${rows.length} targets met.**`,
    '',
    '![ratio of each row against its target](results/chart.svg)',
    '',
    '| # | metric | ours | peer | ratio [IQR] | target | met | pairs | machine | date | reproduce |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(({ file, r }) => {
      const cells = [
        r.row === 0 ? '–' : String(r.row),
        cell(r.metric),
        value(r.ours, r.unit),
        cell(`${r.peer}: ${value(r.peerValue, r.unit)}`),
        `${fmt(r.ratio)} [${fmt(r.spread[0])}–${fmt(r.spread[1])}]`,
        r.target,
        r.met ? 'yes' : '**no**',
        String(r.pairs),
        cell(file.machine),
        when(file.date),
        `\`${cell(file.command)}\``,
      ];
      return `| ${cells.join(' | ')} |`;
    }),
  ];
  if (missing.length > 0) {
    lines.push('', `No result file from: ${missing.join(', ')} (see the run's output).`);
  }
  const stale = files.filter((f) => !input.ran.includes(f.bench));
  if (stale.length > 0) {
    lines.push('', `Rows of ${stale.map((f) => f.bench).join(', ')} come from an earlier run (their date says when).`);
  }
  return `${lines.join('\n')}\n`;
}

/** The README's Performance table: one line per row, the same figures as RESULTS.md, fewer columns. */
export function readmeTable(files: ResultFile[], input: ReportInput): string {
  const rows = files.flatMap((f) => f.rows.map((r) => ({ file: f, r })));
  rows.sort((a, b) => (a.r.row || 99) - (b.r.row || 99));
  const met = rows.filter(({ r }) => r.met).length;
  const dates = [...new Set(files.map((f) => f.date.slice(0, 10)))].sort();
  return [
    `${met} of ${rows.length} targets met; ${files[0]?.machine ?? 'this machine'}, ${dates.join(' to ')}` +
      `${input.ran.length > 0 ? `, one \`pnpm bench\` run of ${Math.round(input.seconds / 60)} min` : ''}. Details, spread and pairs: [bench/RESULTS.md](bench/RESULTS.md).`,
    '',
    '| # | metric | ours | peer | ratio | target | met |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(({ r }) =>
      [
        '',
        r.row === 0 ? '–' : String(r.row),
        cell(r.metric),
        value(r.ours, r.unit),
        cell(`${r.peer}: ${value(r.peerValue, r.unit)}`),
        fmt(r.ratio),
        r.target,
        r.met ? 'yes' : '**no**',
        '',
      ]
        .join(' | ')
        .trim(),
    ),
  ].join('\n');
}

const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

/** Rewrites the README between its bench markers; false when the README has none. */
function writeReadme(files: ResultFile[], input: ReportInput): boolean {
  const readme = join(benchDir, '..', 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) return false;
  const table = readmeTable(files, input);
  writeFileSync(readme, `${text.slice(0, start + README_START.length)}\n\n${table}\n\n${text.slice(end)}`);
  execFileSync('npx', ['biome', 'format', '--write', readme], { cwd: join(benchDir, '..'), stdio: 'ignore' });
  return true;
}

export function writeReport(input: ReportInput): Report {
  const problems: string[] = [];
  const files: ResultFile[] = [];
  for (const name of readdirSync(resultsDir).filter((n) => n.endsWith('.json'))) {
    const file = readResultFile(join(resultsDir, name));
    if (typeof file === 'string') problems.push(file);
    else files.push(file);
  }
  // A benchmark run now must have written its file now; an older one means it wrote nothing.
  for (const name of input.ran) {
    const file = files.find((f) => f.bench === name);
    if (!file || Date.parse(file.date) < input.started.getTime()) {
      problems.push(`${name} ran but wrote no bench/results/${name}.json in this run`);
    }
  }
  const order = (f: ResultFile) => {
    const i = input.expected.indexOf(f.bench);
    return i < 0 ? input.expected.length : i;
  };
  files.sort((a, b) => order(a) - order(b));
  const missing = input.expected.filter((name) => !files.some((f) => f.bench === name));
  const md = join(benchDir, 'RESULTS.md');
  const svg = join(resultsDir, 'chart.svg');
  writeFileSync(md, markdown(files, input, missing));
  // The repository's formatter lays out the table, so a committed report passes `biome ci`.
  execFileSync('npx', ['biome', 'format', '--write', md], { cwd: join(benchDir, '..'), stdio: 'ignore' });
  writeFileSync(svg, ratioChart(files.flatMap((f) => f.rows).sort((a, b) => (a.row || 99) - (b.row || 99))));
  const readme = writeReadme(files, input);
  const rows = files.flatMap((f) => f.rows);
  const summary = `${rows.filter((r) => r.met).length} of ${rows.length} targets met (${files.length} result files)`;
  return { summary, problems, files: readme ? [md, svg, join(benchDir, '..', 'README.md')] : [md, svg] };
}
