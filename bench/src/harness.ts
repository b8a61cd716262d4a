import { cpus } from 'node:os';

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
