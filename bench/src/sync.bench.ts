/**
 * Sync benchmark (issue 7 row 9): 1,000 stock-ins saved offline, then drained to a server under
 * slow-4G emulation (CDP Network.emulateNetworkConditions: 562.5 ms latency, 1.44 Mbit/s down,
 * 675 kbit/s up — DevTools' "Slow 4G") and 4x CPU throttling, in headless Chromium with a persistent
 * profile; ours and RxDB alternated (A B A B …), each run on a fresh database in a fresh tab:
 *  - ours: OfflineStore + SyncClient with its defaults (200 mutations a push, gzip-compressed bodies,
 *    the next push made ready while one travels) against the real server (buildServer on PGlite,
 *    the demo organization seeded, inventory published, sun.li signed in), which validates every
 *    record against the published definition, stores it, and answers gzip-compressed;
 *  - peer: RxDB 17.6.0 on its free Dexie.js storage (the Dexie storage is free; its IndexedDB
 *    storage is the premium one) with one-shot HTTP push replication at its default batchSize, 100
 *    documents a request, plain JSON (its push handler is the app's own fetch), against a minimal endpoint of this process that stores the pushed documents in memory and
 *    answers RxDB's protocol (conflicts: none).
 * Measures time from the start of the drain to the last push answered, requests, and bytes on the
 * wire per record (bodies and headers, both ways). Writes bench/results/sync.json (and .md).
 * BENCH_PAIRS (default 15), BENCH_BUDGET_S: fewer pairs (at least 3) when the budget runs out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, openPglite } from '@gongfang/server';
import type { Page } from 'playwright';
import { fmt, type PairResult, quantile, type ResultRow, resultRow, table, writeResultFile } from './harness.ts';
import { benchEnv, buildPages, type Handler, launchBrowser, proxyTo, serveDir } from './offlineBrowser.ts';
import { PASSWORD, prepareServerDb, stockIn } from './serverFixture.ts';

const { pairs: PAIRS, budgetS, started } = benchEnv(150);
const RECORDS = Number(process.env.SYNC_RECORDS ?? 1000);
const MIN_PAIRS = Math.min(PAIRS, 3);
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };

type Side = 'ours' | 'rxdb';
const elapsed = () => Math.round((Date.now() - started) / 1000);

interface BenchRecord {
  id: string;
  app: string;
  form: string;
  version: number;
  data: Record<string, unknown>;
}

/** `window.syncBench` of bench/pages/sync/src/sync.ts, as seen from here (no DOM types). */
interface BenchWindow {
  syncBench: {
    prepareOurs(name: string, user: string, records: BenchRecord[]): Promise<void>;
    prepareRx(name: string, records: BenchRecord[]): Promise<void>;
    drain(): Promise<number>;
  };
}

/** The peer's endpoint: RxDB's push protocol, documents kept in memory. */
function rxEndpoint(): { handler: Handler; stored: Map<string, unknown> } {
  const stored = new Map<string, unknown>();
  const handler: Handler = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const rows = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          newDocumentState: { id: string };
          assumedMasterState?: unknown;
        }[];
        const conflicts: unknown[] = [];
        for (const row of rows) {
          const master = stored.get(row.newDocumentState.id);
          if (master !== undefined && JSON.stringify(master) !== JSON.stringify(row.assumedMasterState)) {
            conflicts.push(master);
          } else stored.set(row.newDocumentState.id, row.newDocumentState);
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(conflicts));
      } catch {
        res.writeHead(400).end();
      }
    });
  };
  return { handler, stored };
}

interface Run {
  ms: number;
  requests: number;
  bytes: number;
}

async function run(page: Page, side: Side, name: string, user: string, records: BenchRecord[]): Promise<Run> {
  if (side === 'ours') {
    await page.evaluate(
      ([n, u, r]) =>
        (globalThis as unknown as BenchWindow).syncBench.prepareOurs(n as string, u as string, r as BenchRecord[]),
      [name, user, records] as const,
    );
  } else {
    await page.evaluate(
      ([n, r]) => (globalThis as unknown as BenchWindow).syncBench.prepareRx(n as string, r as BenchRecord[]),
      [name, records] as const,
    );
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  const pushes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (!/\/api\/(sync|rx)\/push/.test(request.url())) return;
    pushes.push(
      request
        .sizes()
        .then((s) => s.requestBodySize + s.requestHeadersSize + s.responseBodySize + s.responseHeadersSize),
    );
  });
  const ms = await page.evaluate(() => (globalThis as unknown as BenchWindow).syncBench.drain());
  const sizes = await Promise.all(pushes);
  await cdp.send('Network.emulateNetworkConditions', {
    ...SLOW_4G,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  return { ms, requests: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) / records.length };
}

function pairsOf(ours: number[], peer: number[]): PairResult {
  return { ours, peer, ratios: ours.map((o, i) => o / (peer[i] as number)) };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'gongfang-sync-bench-'));
  const db = await openPglite(join(dir, 'data'));
  await prepareServerDb(db);
  const server = await buildServer({ db });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const rx = rxEndpoint();
  const toServer = proxyTo(origin);
  const dist = buildPages('sync');
  const site = await serveDir(dist, (req, res) => (req.url?.startsWith('/api/rx/') ? rx.handler : toServer)(req, res));
  const browser = await launchBrowser('sync');
  try {
    // Sign sun.li in once: the session and CSRF cookies are the context's, for every tab.
    const login = await browser.context.newPage();
    await login.goto(`${site.url}/ours.html`);
    const status = await login.evaluate(
      async ([password]) =>
        (
          await fetch('/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ org: 'demo', user: 'sun.li', password }),
          })
        ).status,
      [PASSWORD] as const,
    );
    if (status !== 200) throw new Error(`login answered ${status}`);
    await login.close();

    const results: Record<Side, Run[]> = { ours: [], rxdb: [] };
    for (let i = 0; i < PAIRS && (i < MIN_PAIRS || elapsed() < budgetS * 0.9); i++) {
      for (const side of i % 2 === 0 ? (['ours', 'rxdb'] as const) : (['rxdb', 'ours'] as const)) {
        const records: BenchRecord[] = Array.from({ length: RECORDS }, () => {
          const r = stockIn();
          return { id: r.id, app: r.app, form: r.form, version: r.version, data: r.data };
        });
        const before = side === 'rxdb' ? rx.stored.size : 0;
        const page = await browser.context.newPage();
        page.on('pageerror', (e) => console.error(`${side}: ${e.message}`));
        await page.goto(`${site.url}/${side}.html`);
        await page.waitForFunction('window.syncBench !== undefined');
        const r = await run(page, side, `bench-sync-${side}-${i}`, 'sun.li', records);
        await page.close();
        if (side === 'rxdb' && rx.stored.size - before !== RECORDS) {
          throw new Error(`rxdb: the endpoint got ${rx.stored.size - before} of ${RECORDS} records`);
        }
        results[side].push(r);
      }
      const o = results.ours.at(-1) as Run;
      const p = results.rxdb.at(-1) as Run;
      console.log(
        `pair ${i + 1}: ours ${fmt(o.ms / 1000)} s, ${o.requests} requests, ${fmt(o.bytes)} B/record; rxdb ${fmt(p.ms / 1000)} s, ${p.requests} requests, ${fmt(p.bytes)} B/record (${elapsed()} s)`,
      );
    }
    const [count] = await db.query<{ n: number }>('select count(*)::int as n from records');
    const expected = results.ours.length * RECORDS;
    if ((count?.n ?? 0) < expected) throw new Error(`server holds ${count?.n} records, ${expected} expected`);

    const pick = (side: Side, k: keyof Run) => results[side].map((r) => r[k]);
    const requests = resultRow(
      9,
      `sync: requests to drain ${RECORDS} records (target: ≤ 10 requests)`,
      'requests',
      'RxDB 17.6.0 push, batchSize 100',
      pairsOf(pick('ours', 'requests'), pick('rxdb', 'requests')),
      '≤ 10 requests',
    );
    requests.met = quantile(pick('ours', 'requests'), 1) <= 10;
    const rows: ResultRow[] = [
      resultRow(
        9,
        `sync: drain ${RECORDS} offline records, slow 4G`,
        'ms',
        'RxDB 17.6.0 (Dexie.js storage) HTTP replication',
        pairsOf(pick('ours', 'ms'), pick('rxdb', 'ms')),
        '≤ 0.5',
      ),
      requests,
      resultRow(
        9,
        'sync: bytes on the wire per record (our own target: no more than RxDB)',
        'B',
        'RxDB 17.6.0 HTTP replication',
        pairsOf(pick('ours', 'bytes'), pick('rxdb', 'bytes')),
        '≤ 1',
      ),
    ];
    const command = 'npx -y pnpm@10 --filter @gongfang/bench bench:sync';
    writeResultFile('sync', command, rows);
    const md = [
      '# Sync: draining offline records, ours vs RxDB',
      '',
      `\`${command}\` — headless Chromium, persistent profile, 4x CPU throttling, DevTools' Slow 4G`,
      `(562.5 ms, 1.44 Mbit/s down, 675 kbit/s up); ${results.ours.length} alternated pairs of ${RECORDS} stock-ins.`,
      'Each side at its defaults: ours 200 mutations a push, gzip both ways; RxDB batchSize 100, plain JSON',
      '(RxDB leaves the request to the app’s push handler; this one is a plain fetch).',
      '',
      table(
        ['metric', 'ours', 'peer', 'ratio [IQR]', 'target', 'met'],
        rows.map((r) => [
          r.metric,
          `${fmt(r.ours)} ${r.unit}`,
          `${r.peer}: ${fmt(r.peerValue)} ${r.unit}`,
          `${fmt(r.ratio)} [${fmt(r.spread[0])}–${fmt(r.spread[1])}]`,
          r.target,
          r.met ? 'yes' : 'no',
        ]),
      ),
      '',
    ].join('\n');
    writeFileSync(fileURLToPath(new URL('../results/sync.md', import.meta.url)), md);
    console.log(md);
  } finally {
    await browser.close();
    await site.close();
    await server.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
