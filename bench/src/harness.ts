import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Milliseconds spent running `fn` `times` times. */
export function time(fn: () => void, times = 1): number {
  const start = performance.now();
  for (let i = 0; i < times; i++) fn();
  return performance.now() - start;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (pos - lo);
}

export interface PairResult {
  ours: number[];
  peer: number[];
  ratios: number[];
}

/**
 * Runs ours and the peer alternately (A B A B …), `pairs` times after `warmup` unmeasured pairs, so
 * that drift of a shared machine (another process, turbo, GC) hits both sides alike. Each sample is
 * the time of one call of the given function.
 */
export function alternate(pairs: number, ours: () => number, peer: () => number, warmup = 3): PairResult {
  for (let i = 0; i < warmup; i++) {
    ours();
    peer();
  }
  const result: PairResult = { ours: [], peer: [], ratios: [] };
  for (let i = 0; i < pairs; i++) {
    // Swap the order every other pair so neither side always runs on a warmer cache.
    const [a, b] =
      i % 2 === 0
        ? [ours(), peer()]
        : (() => {
            const p = peer();
            return [ours(), p] as const;
          })();
    result.ours.push(a);
    result.peer.push(b);
    result.ratios.push(a / b);
  }
  return result;
}

export function fmt(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  return n >= 100 ? n.toFixed(0) : n.toFixed(digits);
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length}× ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
}

/** A Markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** One line of bench/RESULTS.md: a metric of ours beside the same metric of a peer in the same run. */
export interface ResultRow {
  /** The row number of issue 7's table (1–9), or 0 for an extra metric. */
  row: number;
  metric: string;
  /** Unit of `ours` and `peerValue`: 'ms', 'KB', 'req/s', 'records/s', 'requests', 'renders', … */
  unit: string;
  ours: number;
  peer: string;
  peerValue: number;
  /** Median of the per-pair ratios ours ÷ peer (not the ratio of medians). */
  ratio: number;
  /** Interquartile range of the per-pair ratios, [q25, q75]; [ratio, ratio] for a single measurement. */
  spread: [number, number];
  /** The target as written in issue 7, e.g. '≤ 0.33' or '≥ 0.8'. */
  target: string;
  met: boolean;
  /** Pairs measured (A B counted once). */
  pairs: number;
}

export interface ResultFile {
  bench: string;
  machine: string;
  date: string;
  /** The command that reproduces this file. */
  command: string;
  rows: ResultRow[];
}

/** Builds a row from alternated samples; `higherIsBetter` for throughput-like metrics. */
export function resultRow(
  row: number,
  metric: string,
  unit: string,
  peer: string,
  result: PairResult,
  target: string,
): ResultRow {
  const bound = Number(target.replace(/[^0-9.]/g, ''));
  const ratio = quantile(result.ratios, 0.5);
  return {
    row,
    metric,
    unit,
    ours: quantile(result.ours, 0.5),
    peer,
    peerValue: quantile(result.peer, 0.5),
    ratio,
    spread: [quantile(result.ratios, 0.25), quantile(result.ratios, 0.75)],
    target,
    met: target.startsWith('≥') ? ratio >= bound : ratio <= bound,
    pairs: result.ratios.length,
  };
}

/** Writes bench/results/<bench>.json, which `pnpm bench` gathers into bench/RESULTS.md. */
export function writeResultFile(bench: string, command: string, rows: ResultRow[]): string {
  const file: ResultFile = { bench, machine: machine(), date: new Date().toISOString(), command, rows };
  const path = fileURLToPath(new URL(`../results/${bench}.json`, import.meta.url));
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  return path;
}
