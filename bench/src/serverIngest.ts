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
import { readFileSync } from 'node:fs';
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

/** Fresh UUIDv7s for a run, cheaply: one real UUIDv7's time and random bits, then a counter in its last 12 digits. */
const idPrefix = uuidv7().slice(0, 24);
let idCounter = Number.parseInt(uuidv7().slice(24, 30), 16) * 2 ** 20;
const freshId = () => idPrefix + (idCounter++).toString(16).padStart(12, '0');

/**
 * Request bodies for a run, each sent once with fresh ids (so ours never answers from its
 * idempotency log). A few dozen distinct pushes are built once and split where their ids go; each
 * request joins one of them with new ids, a few microseconds of the load generator's single core
 * even for a push of 100 (building a push from scratch took ~1.7 ms, which slowed the side that
 * answers fastest, the peer, most, and building 45,000 of them before each run took longer than
 * the run).
 */
class Bodies {
  private readonly templates: string[][];
  private n = 0;
  constructor(records: number) {
    this.templates = Array.from({ length: records > 1 ? 16 : 256 }, () =>
      body(records).split(/"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"/),
    );
  }
  next(): string {
    const parts = this.templates[this.n++ % this.templates.length] as string[];
    let out = parts[0] as string;
    for (let i = 1; i < parts.length; i++) out += `"${freshId()}"${parts[i]}`;
    return out;
  }
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
  /** Share of one core the load generator (this process) and the server used during the run. */
  loadCpu: number;
  serverCpu: number;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** User + system CPU seconds of a process so far (Linux /proc; ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * One run against `s`: for `seconds` when `amount` is 0, else until `amount` requests are answered
 * (pushes of 100, which a loaded machine may not finish inside a short window).
 */
async function load(s: Started, amount: number, seconds: number, connections: number, bodies: Bodies): Promise<Run> {
  const pid = s.child.pid as number;
  const server0 = cpuSeconds(pid);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let completed = 0;
  let last = t0;
  // Without a callback autocannon answers a promise that is also its event emitter.
  const instance = autocannon({
    url: `http://127.0.0.1:${s.info.port}`,
    connections,
    // A push of 100 to ours takes ~1 s under load; autocannon's 10 s default left no margin on a busy machine.
    timeout: 30,
    ...(amount > 0 ? { amount } : { duration: seconds }),
    requests: [
      {
        method: 'POST',
        path: '/api/sync/push',
        headers: headersOf(s),
        setupRequest: (request) => ({ ...request, body: bodies.next() }),
      },
    ],
  }) as Promise<autocannon.Result> & Pick<autocannon.Instance, 'on'>;
  // autocannon reports only on its next 1 s sample tick after the last response, so its own duration
  // rounds a run of 20 fast pushes up to 1 s: the rate is taken from the clock of the responses.
  instance.on('response', () => {
    completed += 1;
    last = performance.now();
  });
  const result = await instance;
  const wall = (last - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
    throw new Error(
      `port ${s.info.port}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`,
    );
  }
  if (completed === 0) throw new Error(`port ${s.info.port}: no request completed`);
  return {
    rps: completed / wall,
    p99: result.latency.p99,
    loadCpu: (cpu.user + cpu.system) / 1e6 / wall,
    serverCpu: (cpuSeconds(pid) - server0) / wall,
  };
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
      const bodies = new Bodies(records);
      // Pushes of 100: the fastest rate a side has shown so far.
      const rate = new Map<Started, number>();
      const run = async (s: Started, seconds: number): Promise<Run> => {
        // Pushes of 100 count requests: as many as the side answered in `seconds` on its last run, and
        // at least 3 per connection.
        const amount = records > 1 ? Math.max(options.connections * 3, Math.round((rate.get(s) ?? 0) * seconds)) : 0;
        const result = await load(s, amount, seconds, options.connections, bodies);
        rate.set(s, Math.max(rate.get(s) ?? 0, result.rps));
        return result;
      };
      // Warm-up (JIT, plan caches), not counted.
      await run(ours, 1);
      await run(peer, 1);
      const r: IngestResult = { rps: { ours: [], peer: [], ratios: [] }, p99: { ours: [], peer: [], ratios: [] } };
      const side = (x: Run) =>
        `${x.rps.toFixed(0)} req/s p99 ${x.p99} ms (cpu: server ${pct(x.serverCpu)}, load ${pct(x.loadCpu)})`;
      for (let i = 0; i < options.pairs; i++) {
        const sides = [ours, peer];
        const runs = new Map<Started, Run>();
        for (const s of i % 2 === 0 ? sides : sides.reverse()) {
          runs.set(s, await run(s, options.seconds));
        }
        const a = runs.get(ours) as Run;
        const b = runs.get(peer) as Run;
        r.rps.ours.push(a.rps);
        r.rps.peer.push(b.rps);
        r.rps.ratios.push(a.rps / b.rps);
        r.p99.ours.push(a.p99);
        r.p99.peer.push(b.p99);
        r.p99.ratios.push(a.p99 / b.p99);
        options.log(`${mode} pair ${i + 1}/${options.pairs}: ours ${side(a)}; peer ${side(b)}`);
      }
      out[mode] = r;
    }
    return out;
  } finally {
    await stop(ours);
    await stop(peer);
  }
}
