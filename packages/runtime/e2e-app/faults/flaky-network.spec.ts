import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { base, WORDS } from '../helpers.ts';
import { apiAs, newRecordLink, publishFaultApp, recordFigure, seeded, serverRows, submitBurst, tally } from './kit.ts';

/**
 * Push and pull get a stream each, so the n-th push meets the same fault on every run whatever the
 * pulls do. Seed 814: the first push is committed and its answer lost, the second stalls 29.4 s
 * then gets a 503; the first pull is reset before it reaches the server, the second gets a 503.
 */
const SEED = 814;
const OFFLINE = 200;
/** Records filled while the server is out of reach, in bursts spread over the outage. */
const DURING_OUTAGE = 20;
const OUTAGE_MS = 6000;
/**
 * Independent 20% faults alone cannot tell backoff from none: a client that re-sent at once would
 * mostly succeed on its second try. The outage can: every sync request in it is answered 503 in a
 * few milliseconds, so a client that re-sent at once, or let each save start a cycle, sends
 * hundreds a second. The backoff client runs one cycle at a time (≤ 3 requests: pushes of ≤ 200,
 * then a pull) and waits a jittered 0–2ⁿ s after each failed one: about 4 requests in its first
 * second of the outage (0, then 0–1 s, 0–2 s, …), never near 10.
 */
const PEAK_PER_SECOND = 10;

/** A push's JSON as the tablet sent it: gzip-compressed (Content-Encoding: gzip) or plain. */
function pushJson(req: IncomingMessage, body: Buffer): string {
  return (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString();
}

type Fault = '503' | 'reset' | 'lost' | 'pass' | 'outage';

/** One sync request's fate: 10% 503, 5% reset unforwarded, 5% committed then reset; 15% stall. */
function plan(random: () => number): { fault: Fault; delayMs: number } {
  const f = random();
  const d = random();
  const s = random();
  const fault: Fault = f < 0.1 ? '503' : f < 0.15 ? 'reset' : f < 0.2 ? 'lost' : 'pass';
  return { fault, delayMs: Math.round(d < 0.15 ? s * 30_000 : s * 250) };
}

interface Seen {
  at: number;
  route: 'push' | 'pull';
  fault: Fault;
  delayMs: number;
  /** Mutation ids of a push, to tell a retried push from a new one. */
  ids: string[];
}

function syncRoute(url = ''): 'push' | 'pull' | null {
  if (url.startsWith('/api/sync/push')) return 'push';
  return url.startsWith('/api/sync/pull') ? 'pull' : null;
}

/**
 * A proxy in front of the real server: the tablet's pages, its service worker and its API calls
 * all go through it. While `flaky` is on, /api/sync/* requests meet the seeded faults above; until
 * `outageUntil` every one is answered 503 at once (the access point up, the server behind it not).
 */
async function startFlakyProxy(target: string) {
  const upstream = new URL(target);
  const streams = { push: seeded(SEED), pull: seeded(SEED + 1) };
  const seen: Seen[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const state = { flaky: false, outageUntil: 0 };

  const forward = (req: IncomingMessage, body: Buffer, onAnswer: (answer: IncomingMessage) => void) => {
    const out = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      onAnswer,
    );
    out.on('error', () => req.socket.destroy());
    out.end(body);
  };
  const pass = (req: IncomingMessage, res: ServerResponse, body: Buffer) =>
    forward(req, body, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
  const unavailable = (res: ServerResponse) => res.writeHead(503, { 'content-type': 'text/plain' }).end('flaky');

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const route = syncRoute(req.url);
      if (!state.flaky || route === null) return pass(req, res, body);
      const mutations =
        route === 'push' ? (JSON.parse(pushJson(req, body)) as { mutations: { id: string }[] }).mutations : [];
      const ids = mutations.map((m) => m.id);
      if (Date.now() < state.outageUntil) {
        seen.push({ at: Date.now(), route, fault: 'outage', delayMs: 0, ids });
        return unavailable(res);
      }
      const { fault, delayMs } = plan(streams[route]);
      seen.push({ at: Date.now(), route, fault, delayMs, ids });
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (fault === 'pass') pass(req, res, body);
        else if (fault === '503') unavailable(res);
        else if (fault === 'reset') req.socket.destroy();
        // The server answers (and commits) in full; the tablet never hears it.
        else forward(req, body, (answer) => answer.resume().on('end', () => req.socket.destroy()));
      }, delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    state,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The most requests that arrived in any one second. */
function peakPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while ((sorted[j] ?? 0) - (sorted[i] ?? 0) >= 1000) i++;
    peak = Math.max(peak, j - i + 1);
  }
  return peak;
}

async function signInAt(page: Page, origin: string, user: string): Promise<void> {
  const w = WORDS.en;
  await page.goto(`${origin}/app/`);
  await page.getByRole('button', { name: w.lang }).click();
  await page.getByLabel(w.user).fill(user);
  await page.getByLabel(w.password).fill('demo1234');
  await page.getByRole('button', { name: w.signIn }).click();
  await expect(page.getByRole('navigation', { name: w.nav })).toBeVisible();
}

test('a flaky network (stalls up to 30 s, 20% of sync requests 503 or reset, a 6 s outage): every record once, retries without a storm', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const app = await publishFaultApp('flaky', { 'zh-CN': '网络不稳', en: 'Flaky network' });
  const proxy = await startFlakyProxy(base());
  const admin = await apiAs('wang.fang');
  try {
    await signInAt(page, proxy.origin, 'liu.yang');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect(newRecordLink(page, app)).toBeVisible();

    await context.setOffline(true);
    await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
    const notes = Array.from({ length: OFFLINE + DURING_OUTAGE }, (_, i) => `${app}-${String(i + 1).padStart(3, '0')}`);
    await submitBurst(page, app, notes.slice(0, OFFLINE));
    await expect(page.getByText(`${OFFLINE} waiting to sync`)).toBeVisible();

    // Back online through the flaky proxy.
    proxy.state.flaky = true;
    const online = Date.now();
    await context.setOffline(false);
    await expect(page.getByText('All synced')).toBeVisible({ timeout: 150_000 });
    const syncMs = Date.now() - online;

    // The server drops out of reach while the operator keeps filling, a burst every 1.5 s.
    const outage = Date.now();
    proxy.state.outageUntil = outage + OUTAGE_MS;
    for (let i = 0; i < DURING_OUTAGE; i += 5) {
      await submitBurst(page, app, notes.slice(OFFLINE + i, OFFLINE + i + 5));
      await new Promise((r) => setTimeout(r, 1500));
    }
    await expect
      .poll(async () => (await serverRows(admin, app)).length, { timeout: 90_000, intervals: [1000] })
      .toBeGreaterThanOrEqual(notes.length);
    await expect(page.getByText('All synced')).toBeVisible({ timeout: 30_000 });
    const recoveryMs = Date.now() - outage;
    await expect(page.getByRole('link', { name: /need attention/ })).toHaveCount(0);

    const rows = await serverRows(admin, app);
    const { distinct, dupes } = tally(rows.map((r) => r.values.note));
    const missing = notes.filter((n) => !rows.some((r) => r.values.note === n));
    expect(dupes).toEqual([]);
    expect(missing).toEqual([]);
    expect(rows).toHaveLength(notes.length);
    expect(distinct).toBe(notes.length);

    const pushes = proxy.seen.filter((s) => s.route === 'push');
    const sent = new Set<string>();
    let retriedPushes = 0;
    for (const p of pushes) {
      if (p.ids.some((id) => sent.has(id))) retriedPushes++;
      for (const id of p.ids) sent.add(id);
    }
    const count = (fault: Fault) => proxy.seen.filter((s) => s.fault === fault).length;
    const faults = { unavailable: count('503'), reset: count('reset'), lost: count('lost'), outage: count('outage') };
    const stalls = proxy.seen.filter((s) => s.delayMs >= 5000);
    const longestStallMs = Math.max(0, ...proxy.seen.map((s) => s.delayMs));
    const peak = peakPerSecond(proxy.seen.map((s) => s.at));
    // The seed's faults were met: a committed push whose answer was lost, a 503, a reset, a long
    // stall; and the outage was met by at least one sync request.
    expect(pushes.filter((p) => p.fault === 'lost').length).toBeGreaterThan(0);
    expect(faults.unavailable).toBeGreaterThan(0);
    expect(faults.reset).toBeGreaterThan(0);
    expect(faults.outage).toBeGreaterThan(0);
    expect(longestStallMs).toBeGreaterThan(20_000);
    expect(retriedPushes).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(PEAK_PER_SECOND);

    recordFigure(
      'flaky-network',
      `${notes.length} records over a flaky network (seed ${SEED}; ${proxy.seen.length} sync requests: ${faults.unavailable} answered 503, ${faults.reset} reset, ${faults.lost} committed with the answer lost, ${stalls.length} stalled ≥ 5 s (longest ${(longestStallMs / 1000).toFixed(1)} s), ${faults.outage} in a ${OUTAGE_MS / 1000} s outage): ${rows.length} on the server, ${dupes.length} duplicates, ${missing.length} missing; ${retriedPushes} pushes retried, peak ${peak} sync requests in 1 s; ${OFFLINE} offline records synced in ${(syncMs / 1000).toFixed(1)} s, the outage's ${DURING_OUTAGE} ${(recoveryMs / 1000).toFixed(1)} s after it began`,
      {
        seed: SEED,
        records: notes.length,
        onServer: rows.length,
        duplicates: dupes.length,
        missing: missing.length,
        syncRequests: proxy.seen.length,
        pushes: pushes.length,
        retriedPushes,
        ...faults,
        stalls: stalls.length,
        longestStallMs,
        peakPerSecond: peak,
        syncMs,
        recoveryMs,
        // What the proxy saw, ms after the tablet came back online: enough to replay the run.
        requests: proxy.seen.map((s) => `${s.at - online} ${s.route} ${s.fault} ${s.delayMs}ms ${s.ids.length}`),
      },
    );
  } finally {
    await admin.dispose();
    await proxy.close();
  }
});
