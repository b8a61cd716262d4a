/*
 * The server benchmarks of issue 7: row 8 (persistence of 25,000 stock-in submissions through our
 * storage layer vs the raw driver, on PGlite and on PostgreSQL with default durable settings) and
 * row 7 (validated ingest over HTTP vs bare Fastify + ajv). Writes results/server.json (through
 * harness.ts, for `pnpm bench`) and results/server.md. Pairs and sizes can be lowered while
 * developing: BENCH_PAIRS (row 7 pairs), BENCH_RECORDS (row 8 records a side), BENCH_SECONDS;
 * BENCH_SERVER_ROWS=7 runs row 7 alone and prints it without writing the result files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openPglite, openPostgres } from '@gongfang/server';
import { startPostgres } from '@gongfang/server/testing';
import pg from 'pg';
import {
  fmt,
  machine,
  type PairResult,
  quantile,
  type ResultRow,
  resultRow,
  table,
  writeResultFile,
} from './harness.ts';
import { measureIngest } from './serverIngest.ts';
import { measurePersistence, type PersistenceResult, type RawDriver, rawPg, rawPglite } from './serverPersistence.ts';

const COMMAND = 'npx -y pnpm@10 --filter @gongfang/bench bench:server';
const INGEST_PAIRS = Number(process.env.BENCH_PAIRS ?? 15);
const INGEST_SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const INGEST_CONNECTIONS = 4;
const RECORDS = Number(process.env.BENCH_RECORDS ?? 25_000);
const PERSIST_PAIRS = Math.max(2, Math.min(20, Math.floor(RECORDS / 1000)));
const ONLY_ROW_7 = process.env.BENCH_SERVER_ROWS === '7';

const log = (line: string) => console.log(`  ${line}`);

async function onPglite(): Promise<PersistenceResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gongfang-bench-pglite-'));
  let db: Db | undefined;
  try {
    db = await openPglite(join(dir, 'data'));
    return await measurePersistence(db, rawPglite(db), PERSIST_PAIRS, Math.round(RECORDS / PERSIST_PAIRS), log);
  } finally {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<PersistenceResult> {
  const postgres = await startPostgres({ durable: true });
  try {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('create database gongfang_bench');
    await admin.end();
    const url = postgres.url.replace(/\/postgres$/, '/gongfang_bench');
    const db = await openPostgres(url, 4);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const client = await pool.connect();
    try {
      const raw: RawDriver = rawPg(client);
      return await measurePersistence(db, raw, PERSIST_PAIRS, Math.round(RECORDS / PERSIST_PAIRS), log);
    } finally {
      client.release();
      await pool.end();
      await db.close();
    }
  } finally {
    postgres.stop();
  }
}

const spread = (r: PairResult) =>
  `${fmt(quantile(r.ratios, 0.5))} (${fmt(quantile(r.ratios, 0.25))}–${fmt(quantile(r.ratios, 0.75))})`;

async function ingestOnly(): Promise<void> {
  const started = performance.now();
  const ingest = await measureIngest({
    pairs: INGEST_PAIRS,
    seconds: INGEST_SECONDS,
    connections: INGEST_CONNECTIONS,
    log,
  });
  for (const [name, r] of Object.entries(ingest)) {
    const rps = r.rps;
    console.log(
      `${name}: ours ${fmt(quantile(rps.ours, 0.5))} req/s, peer ${fmt(quantile(rps.peer, 0.5))} req/s, ratio ${spread(rps)}; p99 ours ${fmt(quantile(r.p99.ours, 0.5))} ms, peer ${fmt(quantile(r.p99.peer, 0.5))} ms`,
    );
  }
  console.log(`row 7 alone in ${((performance.now() - started) / 60_000).toFixed(1)} min; no result file written`);
}

async function main(): Promise<void> {
  if (ONLY_ROW_7) return ingestOnly();
  const started = performance.now();
  console.log(`row 8 on PGlite: ${PERSIST_PAIRS} pairs of ${Math.round(RECORDS / PERSIST_PAIRS)} records a side`);
  const pglite = await onPglite();
  const at = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  console.log(`row 8 on PostgreSQL (durable), ${at()} so far`);
  const postgres = await onPostgres();
  console.log(
    `row 7, ${at()} so far: ${INGEST_PAIRS} pairs of ${INGEST_SECONDS} s a side, ${INGEST_CONNECTIONS} connections`,
  );
  const ingest = await measureIngest({
    pairs: INGEST_PAIRS,
    seconds: INGEST_SECONDS,
    connections: INGEST_CONNECTIONS,
    log,
  });

  const rows: ResultRow[] = [
    resultRow(
      7,
      'validated ingest, 1 record per push (req/s)',
      'req/s',
      'Fastify + ajv, no storage',
      ingest.single.rps,
      '≥ 0.8',
    ),
    resultRow(
      7,
      'validated ingest, 100 records per push (req/s)',
      'req/s',
      'Fastify + ajv, no storage',
      ingest.batch.rps,
      '≥ 0.8',
    ),
    resultRow(
      8,
      `persistence, ${RECORDS.toLocaleString('en')} submissions, PGlite`,
      'records/s',
      'PGlite raw, multi-row INSERT of the same rows',
      pglite.sameRows,
      '≥ 0.7',
    ),
    resultRow(
      8,
      `persistence, ${RECORDS.toLocaleString('en')} submissions, PostgreSQL`,
      'records/s',
      'pg, multi-row INSERT of the same rows',
      postgres.sameRows,
      '≥ 0.7',
    ),
  ];
  const path = writeResultFile('server', COMMAND, rows);
  const minutes = (performance.now() - started) / 60_000;

  const ratioTable = table(
    ['row', 'metric', 'ours', 'peer', 'ours ÷ peer, median (IQR)', 'target', 'met'],
    [
      ...rows.map((r) => [
        String(r.row),
        r.metric,
        `${fmt(r.ours)} ${r.unit}`,
        `${fmt(r.peerValue)} (${r.peer})`,
        `${fmt(r.ratio)} (${fmt(r.spread[0])}–${fmt(r.spread[1])})`,
        r.target,
        r.met ? 'yes' : 'no',
      ]),
      [
        '7',
        'p99 latency, 1 record per push',
        `${fmt(quantile(ingest.single.p99.ours, 0.5))} ms`,
        `${fmt(quantile(ingest.single.p99.peer, 0.5))} ms`,
        spread(ingest.single.p99),
        '—',
        '—',
      ],
      [
        '7',
        'p99 latency, 100 records per push',
        `${fmt(quantile(ingest.batch.p99.ours, 0.5))} ms`,
        `${fmt(quantile(ingest.batch.p99.peer, 0.5))} ms`,
        spread(ingest.batch.p99),
        '—',
        '—',
      ],
      ...(
        [
          ['PGlite', pglite],
          ['PostgreSQL', postgres],
        ] as const
      ).map(([name, r]) => [
        '3',
        `issue 3 limit: ours vs the record row alone, ${name}`,
        `${fmt(quantile(r.bare.ours, 0.5))} records/s`,
        `${fmt(quantile(r.bare.peer, 0.5))} records/s`,
        spread(r.bare),
        '≥ 0.5',
        quantile(r.bare.ratios, 0.5) >= 0.5 ? 'yes' : 'no',
      ]),
    ],
  );
  console.log(`\n${ratioTable}\n\nwrote ${path} in ${minutes.toFixed(1)} min`);

  const mdPath = new URL('../results/server.md', import.meta.url);
  const previous = (() => {
    try {
      return readFileSync(mdPath, 'utf8');
    } catch {
      return '';
    }
  })();
  const notes = previous.includes('\n## Notes') ? previous.slice(previous.indexOf('\n## Notes')) : '\n## Notes\n';
  writeFileSync(
    mdPath,
    `# Server: ingest and persistence (issue 7 rows 7 and 8)

\`${COMMAND}\` — ${new Date().toISOString().slice(0, 10)}, ${machine()}; took ${minutes.toFixed(1)} min.

- **Row 8**: ${RECORDS.toLocaleString('en')} stock-in submissions (3 lines each) a side, in pushes of 200, in ${PERSIST_PAIRS}
  alternated pairs. Ours: the sync push in-process (\`push()\` of @gongfang/server: every record validated
  against its published definition, formulas recomputed, idempotency log, record, revision, hash-chained audit
  entry, ledger entries and balances; one transaction per push). Peer: the raw driver (\`pg\` on PostgreSQL; on PGlite the
  database handle ours uses, statements prepared as for ours) writing the same rows with one multi-row INSERT per table per 200 records in one transaction,
  in another organization. PostgreSQL 15 in a throw-away cluster with default durable settings (fsync on).
- **Row 7**: HTTP \`POST /api/sync/push\` with 1 and with 100 records, ${INGEST_CONNECTIONS} connections, ${INGEST_PAIRS}
  alternated pairs; single pushes for ${INGEST_SECONDS} s a side, pushes of 100 for as many requests as the side answered in
  ${INGEST_SECONDS} s on its previous run (at least ${INGEST_CONNECTIONS * 3}). autocannon in this process on core 1, each server in its own
  process on core 0; request bodies: a few dozen pushes built once, each sent with fresh ids; rates from the responses' own
  clock. Ours: the real server on PGlite (session, CSRF, contract schema, definition-driven validation,
  formulas, storage as in row 8). Peer: bare Fastify with the same contract schema and ajv on a stock-in
  JSON Schema, storing nothing.
- Ratios are ours ÷ peer per pair (higher is better for rates), median with the interquartile range.

${ratioTable}
${notes.trimEnd()}
`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
