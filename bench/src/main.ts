/**
 * `pnpm bench`: every benchmark in turn, each in its own process (so none warms another's JIT or
 * shares its browser), in a fixed order that never overlaps the browser benchmarks with the server
 * ones; then bench/RESULTS.md and bench/results/chart.svg from the bench/results/*.json they wrote.
 *
 * Each benchmark gets a time budget (BENCH_BUDGET_S) and a pair count (BENCH_PAIRS, and PAIRS for
 * the older scripts) through its environment; the budgets add up to the 20 minutes the whole run
 * may take on a 2-core machine. A benchmark still running at twice its budget is stopped and counts
 * as broken. The command fails only on a broken run (crash, invalid fixture, a result file that
 * does not parse), never on a slow result.
 *
 *   pnpm bench                        all of them, then the report
 *   pnpm bench --only offline,sync    some of them, then the report over every result file
 *   pnpm bench --report               the report only, from the result files already there
 *   BENCH_SCALE=0.3 pnpm bench        every budget and pair count scaled (a quick look; pairs ≥ 3)
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeReport } from './report.ts';

const here = dirname(fileURLToPath(import.meta.url));

interface Step {
  name: string;
  file: string;
  /** Alternated pairs (A B counted once). */
  pairs: number;
  /** Seconds the benchmark should take on this machine, build and start-up included. */
  budgetS: number;
}

// Server benchmarks first and alone (they pin server and load generator to the two cores), then
// the browser ones, one at a time. Budgets total 980 s. The last full run took 13.6 min on a 2-core
// machine (2026-12-07: server 206 s, runtime 134, designer 162, offline 206, sync 103); runs on
// slower 2-core machines took up to 21 min before the server's PGlite maintenance (server 302-324 s,
// runtime 258-290). Some benchmarks keep a floor of pairs past their budget: runtime runs its 15
// rounds, designer at least 5 drag pairs, offline at least 5 pairs of row 5's batches. 15 pairs of
// every row would take ~21 min here (a sync pair ~25 s, a designer drag pair ~15 s, an offline
// batches pair ~15 s): the rows say how many pairs they had.
const STEPS: Step[] = [
  { name: 'schema', file: 'schema.bench.ts', pairs: 15, budgetS: 20 },
  { name: 'server', file: 'server.bench.ts', pairs: 15, budgetS: 270 },
  { name: 'runtime', file: 'runtime.bench.ts', pairs: 15, budgetS: 210 },
  { name: 'designer', file: 'designer.bench.ts', pairs: 15, budgetS: 170 },
  { name: 'offline', file: 'offline.bench.ts', pairs: 15, budgetS: 200 },
  // A pair of row 9 is two drains of 1,000 records over Slow 4G plus filling both sides (~34 s).
  { name: 'sync', file: 'sync.bench.ts', pairs: 15, budgetS: 110 },
];

const { values } = parseArgs({
  options: { only: { type: 'string' }, report: { type: 'boolean', default: false } },
  allowPositionals: false,
});

const scale = Number(process.env.BENCH_SCALE ?? 1);
if (!(scale > 0)) throw new Error(`BENCH_SCALE must be a positive number, got ${process.env.BENCH_SCALE}`);

const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((name) => !STEPS.some((s) => s.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${STEPS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const steps = values.report ? [] : STEPS.filter((s) => !only || only.includes(s.name));

interface Outcome {
  name: string;
  seconds: number;
  /** undefined when it ran to its end; otherwise why it is broken. */
  broken?: string;
}

function runStep(step: Step): Promise<Outcome> {
  const pairs = Math.max(3, Math.round(step.pairs * scale));
  const budgetS = Math.max(20, Math.round(step.budgetS * scale));
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, step.file)], {
    cwd: join(here, '..'),
    stdio: 'inherit',
    // Its own process group, so a stopped benchmark takes its browser and servers with it.
    detached: true,
    env: { ...process.env, BENCH_PAIRS: String(pairs), PAIRS: String(pairs), BENCH_BUDGET_S: String(budgetS) },
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  }, budgetS * 2_000);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      const broken = timedOut
        ? `stopped at twice its budget (${budgetS * 2} s)`
        : code === 0
          ? undefined
          : `exited with ${code ?? signal}`;
      resolve({ name: step.name, seconds, ...(broken ? { broken } : {}) });
    });
  });
}

const runStarted = Date.now();
const outcomes: Outcome[] = [];
for (const [i, step] of steps.entries()) {
  const elapsed = Math.round((Date.now() - runStarted) / 1000);
  console.log(
    `\n== [${i + 1}/${steps.length}] ${step.name} (budget ${Math.round(step.budgetS * scale)} s; ${elapsed} s so far)`,
  );
  const outcome = await runStep(step);
  outcomes.push(outcome);
  console.log(
    `== ${step.name}: ${outcome.broken ? `BROKEN, ${outcome.broken}` : 'done'} in ${outcome.seconds.toFixed(0)} s`,
  );
}

const report = writeReport({
  started: new Date(runStarted),
  seconds: (Date.now() - runStarted) / 1000,
  ran: outcomes.map((o) => o.name),
  expected: STEPS.map((s) => s.name),
});
console.log(`\n${report.summary}`);
for (const problem of report.problems) console.error(`report: ${problem}`);
console.log(`wrote ${report.files.join(', ')}`);

const broken = outcomes.filter((o) => o.broken);
for (const o of broken) console.error(`broken: ${o.name} (${o.broken})`);
process.exit(broken.length > 0 || report.problems.length > 0 ? 1 : 0);
