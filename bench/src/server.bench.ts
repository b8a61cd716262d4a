/*
 * Server ingest: validated sync push of 10,000 stock-in records (3 lines each) through the real
 * HTTP route POST /api/sync/push — validation against the published definition, formulas
 * recomputed, idempotency log, revision history, audit chain, ledger postings and balances — side
 * by side with a bare multi-row INSERT of the same rows into the same `records` table (the limit),
 * alternating in rounds, on PGlite and on PostgreSQL. Then p50/p95 latency of a 50-mutation push
 * under 20 concurrent clients. Writes results/server.md.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDefinition } from '@gongfang/schema';
import {
  buildServer,
  type Db,
  loadDemoSeed,
  migrate,
  openPglite,
  openPostgres,
  seedOrganization,
} from '@gongfang/server';
import pg from 'pg';
import { quantile } from './harness.ts';
import { startPostgres } from './serverPostgres.ts';

const TOTAL = 10_000;
const BATCH = 200; // the push route takes at most 200 mutations
const ROUNDS = 20; // A B pairs (≥ 15), 500 records a side each
const CLIENTS = 20;
const PUSHES_PER_CLIENT = 5;
const LATENCY_BATCH = 50;
const PASSWORD = 'bench-password';

const INVENTORY = JSON.parse(
  readFileSync(new URL('../../examples/inventory/app.json', import.meta.url), 'utf8'),
) as AppDefinition;

/** Record ids are UUIDv7, made on the device. */
function uuidv7(): string {
  const b = randomBytes(16);
  const ms = BigInt(Date.now());
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

let counter = 0;
function stockIn(): Record<string, unknown> {
  counter += 1;
  const n = counter;
  const lines = [0, 1, 2].map((i) => ({
    _id: `r${n}-${i}`,
    item_code: `ITM-${String(10000 + ((n * 3 + i) % 200)).padStart(5, '0')}`,
    item_name: '深沟球轴承 6204-2RS',
    batch: `NB${n % 97}`,
    qty: 1 + ((n + i) % 50),
    unit: 'pcs',
    location: 'A-03',
    unit_price: 6.8,
  }));
  return {
    id: uuidv7(),
    app: 'inventory',
    form: 'stock_in',
    version: 1,
    revision: 1,
    data: {
      doc_no: `RK-20250301-${String(n % 1000).padStart(3, '0')}`,
      in_date: '2025-03-01',
      in_type: 'purchase',
      supplier: '宁波精达轴承有限公司',
      keeper: 'sun.li',
      lines,
    },
    createdBy: 'sun.li',
    createdAt: new Date().toISOString(),
    deviceId: 'bench-tablet',
  };
}

class Session {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async login(): Promise<void> {
    const r = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ org: 'demo', user: 'sun.li', password: PASSWORD }),
    });
    if (r.status !== 200) throw new Error(`login: ${r.status}`);
    const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0] as string);
    this.cookie = cookies.join('; ');
    this.csrf = cookies.find((c) => c.startsWith('gf_csrf='))?.slice(8) ?? '';
  }
  async push(records: Record<string, unknown>[]): Promise<void> {
    const body = JSON.stringify({
      deviceId: 'bench-tablet',
      mutations: records.map((record) => ({ id: uuidv7(), kind: 'create', record })),
    });
    const r = await fetch(`${this.base}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      body,
    });
    const answer = (await r.json()) as { results?: { status: string; reason?: unknown }[] };
    const bad = answer.results?.find((m) => m.status !== 'accepted');
    if (r.status !== 200 || bad) throw new Error(`push: ${r.status} ${JSON.stringify(bad ?? answer).slice(0, 300)}`);
  }
}

async function bareInsert(db: Db, userId: string, records: Record<string, unknown>[]): Promise<void> {
  const params: unknown[] = [];
  const values = records.map((r) => {
    const now = r.createdAt as string;
    params.push(randomUUID(), JSON.stringify(r.data), userId, now);
    const p = params.length;
    return `('demo', $${p - 3}, 'inventory', 'stock_in', 1, 1, $${p - 2}, $${p - 1}, $${p}, $${p}, 'bench-tablet')`;
  });
  await db.query(
    `insert into records (org_id, id, app_id, form_id, version, revision, data, created_by, created_at, updated_at, device_id)
     values ${values.join(', ')}`,
    params,
  );
}

interface Figures {
  kind: string;
  pushRate: number;
  bareRate: number;
  /** Median of the per-pair ratios (push rate ÷ bare rate), and their spread. */
  ratio: number;
  ratioMin: number;
  ratioMax: number;
  p50: number;
  p95: number;
  latencyN: number;
}

async function measure(kind: 'pglite' | 'postgres', db: Db): Promise<Figures> {
  await migrate(db);
  const seed = await loadDemoSeed();
  await db.transaction(async (tx) => {
    await seedOrganization(tx, { id: 'demo', name: { 'zh-CN': '示范工厂', en: 'Demo' } }, seed, PASSWORD);
    const [admin] = await tx.query<{ id: string }>("select id from users where org_id = 'demo' and name = 'wang.fang'");
    await tx.query(
      `insert into apps (org_id, id, name, latest_version, current_version, created_by) values ('demo', 'inventory', $1, 1, 1, $2)`,
      [JSON.stringify(INVENTORY.name), admin?.id],
    );
    await tx.query(
      `insert into app_versions (org_id, app_id, version, definition, published_by) values ('demo', 'inventory', 1, $1, $2)`,
      [JSON.stringify(INVENTORY), admin?.id],
    );
  });
  const [keeper] = await db.query<{ id: string }>("select id from users where org_id = 'demo' and name = 'sun.li'");
  const app = await buildServer({ db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const session = new Session(base);
    await session.login();
    // Warm-up (not counted): JIT, plan caches, the definition cache.
    await session.push(Array.from({ length: 50 }, stockIn));
    await bareInsert(db, keeper?.id as string, Array.from({ length: 50 }, stockIn));
    let pushMs = 0;
    let bareMs = 0;
    const ratios: number[] = [];
    const perRound = TOTAL / ROUNDS;
    for (let round = 0; round < ROUNDS; round++) {
      const records = Array.from({ length: perRound }, stockIn);
      let push = 0;
      let bare = 0;
      const sides = [
        async () => {
          const t = performance.now();
          for (let i = 0; i < records.length; i += BATCH) await session.push(records.slice(i, i + BATCH));
          push = performance.now() - t;
        },
        async () => {
          const t = performance.now();
          for (let i = 0; i < records.length; i += BATCH)
            await bareInsert(db, keeper?.id as string, records.slice(i, i + BATCH));
          bare = performance.now() - t;
        },
      ];
      // A B, then B A: neither side always runs second.
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) await side();
      pushMs += push;
      bareMs += bare;
      ratios.push(bare / push);
      console.log(
        `  ${kind} pair ${round + 1}/${ROUNDS}: push ${(perRound / (push / 1000)).toFixed(0)} rec/s, bare ${(perRound / (bare / 1000)).toFixed(0)} rec/s, ratio ${(bare / push).toFixed(3)}`,
      );
    }
    const pushRate = TOTAL / (pushMs / 1000);
    const bareRate = TOTAL / (bareMs / 1000);
    // Latency: 20 clients at once, each pushing 50-mutation batches.
    const sessions = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const s = new Session(base);
        await s.login();
        return s;
      }),
    );
    const samples: number[] = [];
    await Promise.all(
      sessions.map(async (s) => {
        for (let i = 0; i < PUSHES_PER_CLIENT; i++) {
          const batch = Array.from({ length: LATENCY_BATCH }, stockIn);
          const t = performance.now();
          await s.push(batch);
          samples.push(performance.now() - t);
        }
      }),
    );
    const [check] = await db.query<{ n: number }>(
      "select count(*)::int as n from records where org_id = 'demo' and device_id = 'bench-tablet'",
    );
    console.log(`  ${kind}: ${check?.n} records in the table`);
    return {
      kind,
      pushRate,
      bareRate,
      ratio: quantile(ratios, 0.5),
      ratioMin: Math.min(...ratios),
      ratioMax: Math.max(...ratios),
      p50: quantile(samples, 0.5),
      p95: quantile(samples, 0.95),
      latencyN: samples.length,
    };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const results: Figures[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'gongfang-bench-pglite-'));
  try {
    const db = await openPglite(join(dir, 'data'));
    try {
      results.push(await measure('pglite', db));
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const postgres = await startPostgres();
  try {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('create database gongfang_bench');
    await admin.end();
    const db = await openPostgres(postgres.url.replace(/\/postgres$/, '/gongfang_bench'), 20);
    try {
      results.push(await measure('postgres', db));
    } finally {
      await db.close();
    }
  } finally {
    postgres.stop();
  }
  const table = [
    '| database | validated push (rec/s) | bare INSERT (rec/s) | push / bare, median of pairs (min–max) | target | p50 50-mutation push, 20 clients | p95 |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.kind} | ${r.pushRate.toFixed(0)} | ${r.bareRate.toFixed(0)} | ${r.ratio.toFixed(2)} (${r.ratioMin.toFixed(2)}–${r.ratioMax.toFixed(2)}) | ≥ 0.5 | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms |`,
    ),
  ].join('\n');
  console.log(`\n${table}\n`);
  const md = `# Server ingest

\`npx -y pnpm@10 --filter @gongfang/bench bench:server\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}.

${TOTAL.toLocaleString('en')} stock-in records (3 lines each) pushed in batches of ${BATCH} through \`POST /api/sync/push\` over
HTTP on 127.0.0.1 (each mutation validated against the published definition and formulas recomputed; each
push one transaction with the idempotency log, records, revisions, hash-chained audit entries and ledger
postings with balances), alternating A B / B A in ${ROUNDS} pairs of ${TOTAL / ROUNDS} records a side with a bare
multi-row \`INSERT\` of the same rows into the same \`records\` table (the limit); the ratio is the median of the
pairs' ratios (push rate ÷ bare rate), with their spread.
Latency: ${CLIENTS} clients at once, each pushing ${PUSHES_PER_CLIENT} batches of ${LATENCY_BATCH} mutations (${CLIENTS * PUSHES_PER_CLIENT} samples).
PostgreSQL 15 with default durable settings (fsync on), pool of 20; PGlite in a temp folder.

${table}
`;
  writeFileSync(new URL('../results/server.md', import.meta.url), md);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
