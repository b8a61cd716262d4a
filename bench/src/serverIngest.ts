/*
 * Issue 7 row 7 — validated ingest over HTTP: POST /api/sync/push with one stock-in and with 100,
 * req/s and p99 latency from autocannon, ours (the real server: session, CSRF, contract schema,
 * each record validated against its published definition and formulas recomputed, then stored)
 * vs the peer (bare Fastify + ajv on the same contract and a stock-in JSON Schema, nothing stored).
 * Each server runs in its own process pinned to core 0 (`taskset -c 0`); this process, the load
 * generator, pins itself to core 1. Alternated A B / B A; every request carries fresh ids, so
 * nothing is answered from the idempotency log.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { PairResult } from './harness.ts';
import { stockIn, uuidv7 } from './serverFixture.ts';

interface Started {
  child: ChildProcess;
  info: { port: number; cookie?: string; csrf?: string };
}

/** Starts `script` under tsx pinned to `core`, and waits for the JSON line it prints when ready. */
async function startPinned(script: string, core: number): Promise<Started> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn('taskset', ['-c', String(core), process.execPath, '--import', 'tsx', path], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const info = await new Promise<Started['info']>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as Started['info']));
  });
  child.removeAllListeners('exit');
  return { child, info };
}

function stop(s: Started): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

function body(records: number): string {
  return JSON.stringify({
    deviceId: 'bench-tablet',
    mutations: Array.from({ length: records }, () => ({ id: uuidv7(), kind: 'create', record: stockIn() })),
  });
}

function headersOf(s: Started): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(s.info.cookie ? { cookie: s.info.cookie, 'x-csrf-token': s.info.csrf ?? '' } : {}),
  };
}

/** One push answered 200 with every mutation accepted: both sides really validate the same data. */
async function checkAccepts(s: Started, records: number): Promise<void> {
  const r = await fetch(`http://127.0.0.1:${s.info.port}/api/sync/push`, {
    method: 'POST',
    headers: headersOf(s),
    body: body(records),
  });
  const answer = (await r.json()) as { results?: { status: string }[] };
  const accepted = answer.results?.filter((m) => m.status === 'accepted').length ?? 0;
  if (r.status !== 200 || accepted !== records) {
    throw new Error(`push to port ${s.info.port}: ${r.status}, ${accepted}/${records} accepted`);
  }
}

interface Run {
  rps: number;
  p99: number;
}

async function load(s: Started, records: number, seconds: number, connections: number): Promise<Run> {
  const result = await autocannon({
    url: `http://127.0.0.1:${s.info.port}`,
    connections,
    // A push of 100 can take longer than the window on a loaded machine: count requests, not seconds.
    ...(records > 1 ? { amount: connections * 5 } : { duration: seconds }),
    requests: [
      {
        method: 'POST',
        path: '/api/sync/push',
        headers: headersOf(s),
        setupRequest: (request) => ({ ...request, body: body(records) }),
      },
    ],
  });
  if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
    throw new Error(
      `port ${s.info.port}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`,
    );
  }
  if (result.requests.total === 0) throw new Error(`port ${s.info.port}: no request completed`);
  return { rps: result.requests.total / (result.duration || seconds), p99: result.latency.p99 };
}

export interface IngestResult {
  /** req/s, ours ÷ peer. */
  rps: PairResult;
  /** p99 latency in ms, ours ÷ peer. */
  p99: PairResult;
}

export interface IngestOptions {
  pairs: number;
  seconds: number;
  connections: number;
  log: (line: string) => void;
}

/** Row 7 for pushes of 1 and of 100 records. */
export async function measureIngest(options: IngestOptions): Promise<Record<'single' | 'batch', IngestResult>> {
  execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  const ours = await startPinned('./serverIngestOurs.ts', 0);
  const peer = await startPinned('./serverIngestPeer.ts', 0);
  try {
    const out = {} as Record<'single' | 'batch', IngestResult>;
    for (const [mode, records] of [
      ['single', 1],
      ['batch', 100],
    ] as const) {
      await checkAccepts(ours, records);
      await checkAccepts(peer, records);
      // Warm-up (JIT, plan caches), not counted.
      await load(ours, records, 1, options.connections);
      await load(peer, records, 1, options.connections);
      const r: IngestResult = { rps: { ours: [], peer: [], ratios: [] }, p99: { ours: [], peer: [], ratios: [] } };
      for (let i = 0; i < options.pairs; i++) {
        const sides = [ours, peer];
        const runs = new Map<Started, Run>();
        for (const s of i % 2 === 0 ? sides : sides.reverse()) {
          runs.set(s, await load(s, records, options.seconds, options.connections));
        }
        const a = runs.get(ours) as Run;
        const b = runs.get(peer) as Run;
        r.rps.ours.push(a.rps);
        r.rps.peer.push(b.rps);
        r.rps.ratios.push(a.rps / b.rps);
        r.p99.ours.push(a.p99);
        r.p99.peer.push(b.p99);
        r.p99.ratios.push(a.p99 / b.p99);
        options.log(
          `${mode} pair ${i + 1}/${options.pairs}: ours ${a.rps.toFixed(0)} req/s p99 ${a.p99} ms, peer ${b.rps.toFixed(0)} req/s p99 ${b.p99} ms`,
        );
      }
      out[mode] = r;
    }
    return out;
  } finally {
    await stop(ours);
    await stop(peer);
  }
}
