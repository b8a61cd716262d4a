import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, newTablet, recordFigure, test } from '../src/fixtures.ts';
import { operatorHoldsV1Drafts, operatorsShift, type ShiftResult } from '../src/journeys/operators.ts';
import { businessCreatesApp, businessPublishesV2, itJourney, LINE_APP, openLineApp } from '../src/journeys/staff.ts';
import { pgArray, psqlRows } from '../src/psql.ts';
import { type RoundRobinProxy, startRoundRobinProxy } from '../src/roundRobin.ts';
import { sessionUse } from '../src/sessionUse.ts';
import { PASSWORD } from '../src/ui.ts';

// Two server processes on one PostgreSQL behind a round-robin proxy: every request of the designer
// and of both tablets goes to the other process than the one before. The three journeys run in
// order through the proxy (the operators' needs the users, the app and the v1 drafts the others
// make); then the tables, the proxy's log and each process on its own are checked.
test.describe.configure({ mode: 'serial' });

const SESSION_COOKIE = 'gf_session';
/**
 * Sign-ins in the browsers: IT and the workshop lead in the designer; on the tablets operator 1,
 * operator 2, the QC lead, the outgoing and the incoming shift lead, the warehouse keeper. IT signs
 * in once more through the API to read the records.
 */
const UI_SIGN_INS = 8;
const RECEIPTS = { 'RK-20251123-801': 2, 'RK-20251123-802': 1 } as const;

let proxy: RoundRobinProxy;
let tabletA: BrowserContext;
let tabletB: BrowserContext;
let a: Page;
let b: Page;
let v1Drafts: { id: string; batch: string }[] = [];
let shift: ShiftResult | undefined;
let since = '';
let started = 0;
const figures: Record<string, number> = {};

test.beforeAll(async ({ browser, stack }) => {
  expect(stack.bases, 'two server processes').toHaveLength(2);
  proxy = await startRoundRobinProxy(stack.bases);
  // The server's clock: records received from now on are the journeys'; the seed came before.
  since = psqlRows(stack.databaseUrl ?? '', 'select now()::text')[0]?.[0] ?? '';
  started = Date.now();
  tabletA = await newTablet(browser, 'landscape');
  tabletB = await newTablet(browser, 'portrait');
  a = await tabletA.newPage();
  b = await tabletB.newPage();
});
test.afterEach(async ({ db: _ }, testInfo) => {
  // What each process was asked and answered, kept beside a failure's screenshots.
  if (testInfo.status !== testInfo.expectedStatus && proxy) {
    writeFileSync(testInfo.outputPath('proxy-log.json'), JSON.stringify(proxy.log, null, 1));
  }
});
test.afterAll(async () => {
  await tabletA?.close();
  await tabletB?.close();
  await proxy?.close();
});

test('IT department through the proxy: roles and users, the quality-inspection app published as a template', async ({
  browser,
}) => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await itJourney(page, proxy.base);
  await page.close();
});

test('business staff through the proxy: the line app v1, then v2 while two v1 drafts wait offline on tablet A', async ({
  browser,
}) => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await businessCreatesApp(page, proxy.base);
  v1Drafts = await operatorHoldsV1Drafts(a, proxy.base);
  await openLineApp(page);
  await businessPublishesV2(page);
  await page.close();
});

test('operators: two tablets through a shift, every request alternating between the processes', async () => {
  expect(v1Drafts, 'the business journey left two version-1 drafts').toHaveLength(2);
  shift = await operatorsShift({ a, b }, proxy.base, v1Drafts);
});

test('the database holds exactly the records the tablets made, each once, and each receipt posted once per line', async ({
  stack,
}) => {
  const made = shift?.records ?? [];
  expect(made.length, 'the operators made records').toBeGreaterThan(0);
  const url = stack.databaseUrl ?? '';
  const received = psqlRows(
    url,
    `select id::text, app_id, conflict_of is not null from records where received_at >= :'since'::timestamptz order by id`,
    { since },
  );
  expect(received.map(([id]) => id)).toEqual([...made].sort());
  expect(
    received.filter(([, , conflict]) => conflict === 't'),
    'no conflict copies',
  ).toEqual([]);

  // By the tablets' own numbers: each batch and receipt number is one record in the whole table.
  const batches = (shift?.inspections ?? []).map((i) => i.batch);
  const byBatch = psqlRows(
    url,
    `select data->>'batch', count(*) from records where app_id = :'app' and data->>'batch' = any(:'batches'::text[]) group by 1 order by 1`,
    { app: LINE_APP.id, batches: pgArray(batches) },
  );
  expect(byBatch).toEqual([...batches].sort().map((batch) => [batch, '1']));
  const byReceipt = psqlRows(
    url,
    `select r.data->>'doc_no', count(distinct r.id), count(e.record_id)
       from records r left join ledger_entries e on e.org_id = r.org_id and e.record_id = r.id and e.kind = 'post'
      where r.app_id = 'inventory' and r.data->>'doc_no' = any(:'receipts'::text[]) group by 1 order by 1`,
    { receipts: pgArray(Object.keys(RECEIPTS)) },
  );
  expect(byReceipt).toEqual(Object.entries(RECEIPTS).map(([doc, lines]) => [doc, '1', String(lines)]));

  // Each process on its own serves every record to IT, signed in once through the proxy.
  const cookie = await signInApi(proxy.base, 'wang.fang', PASSWORD);
  for (const base of stack.bases) {
    let seen = 0;
    for (const id of made) {
      const answer = await fetch(`${base}/api/records/${id}`, { headers: { cookie } });
      expect(answer.status, `GET /api/records/${id} on ${base}`).toBe(200);
      if (((await answer.json()) as { record: { id: string } }).record.id === id) seen++;
    }
    expect(seen).toBe(made.length);
  }
  figures.records = made.length;
  figures.onServer = received.length;
  // Zero when the assertions above pass; counted, not assumed.
  figures.duplicates =
    received.length -
    new Set(received.map(([id]) => id)).size +
    [...byBatch, ...byReceipt].reduce((n, [, c]) => n + Number(c) - 1, 0);
});

test('both processes served the tablets’ syncs, and every signed-in session was honoured by both without signing in again', async ({
  stack,
  db,
}) => {
  const log = proxy.log;
  const api = log.filter((r) => r.url.startsWith('/api/'));
  const syncs = api.filter((r) => r.url.startsWith('/api/sync/') && r.status === 200);
  const perProcess = (rows: typeof log) => [0, 1].map((t) => rows.filter((r) => r.target === t).length);
  expect(proxy.switches, 'the proxy alternated').toBeGreaterThan(log.length / 2);
  for (const n of perProcess(syncs)) expect(n, 'sync requests per process').toBeGreaterThan(0);

  const sessions = sessionUse(log, 2, SESSION_COOKIE);
  expect(
    sessions.flatMap((s) => s.refused.map((r) => `${s.id}: ${r}`)),
    'no live session refused',
  ).toEqual([]);
  // Each person's one sign-in is one session, served by both processes: no session went missing
  // on a switch and no one had to sign in again.
  expect(sessions.length, 'one session per sign-in in the journeys').toBe(UI_SIGN_INS);
  for (const s of sessions) expect(Math.min(...s.served), `session ${s.id} on both processes`).toBeGreaterThan(0);
  expect(sessions.filter((s) => s.synced.some((n) => n > 0)).length, 'tablet sessions that synced').toBeGreaterThan(4);
  const logins = api.filter((r) => r.method === 'POST' && r.url.startsWith('/api/auth/login'));
  expect(logins.map((r) => r.status)).toEqual(Array(UI_SIGN_INS + 1).fill(200));

  // The tablets' current sessions, taken to each process directly: same user on both.
  for (const [tablet, user] of [
    [tabletA, 'qian.hui'],
    [tabletB, 'tang.jun'],
  ] as const) {
    const cookie = (await tablet.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    for (const base of stack.bases) {
      const answer = await fetch(`${base}/api/me`, { headers: { cookie } });
      expect(answer.status, `${user} on ${base}`).toBe(200);
      expect(JSON.stringify(await answer.json())).toContain(`"${user}"`);
    }
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  const [p0 = 0, p1 = 0] = perProcess(api);
  const [s0 = 0, s1 = 0] = perProcess(syncs);
  recordFigure('scale-out', db, {
    figure: `${figures.onServer}/${figures.records} records on the server, ${figures.duplicates} duplicates; API requests ${p0}/${p1} (syncs ${s0}/${s1}) per process; ${sessions.length} sessions each served by both, ${logins.length} sign-ins, 0 refused; ${seconds} s`,
    values: {
      records: figures.records ?? 0,
      onServer: figures.onServer ?? 0,
      duplicates: figures.duplicates ?? 0,
      apiProcess1: p0,
      apiProcess2: p1,
      syncProcess1: s0,
      syncProcess2: s1,
      requests: log.length,
      switches: proxy.switches,
      sessionsOnBoth: sessions.length,
      // API requests of each session, process 1/process 2.
      perSession: sessions.map((s) => s.served.join('/')).join(' '),
      signIns: logins.length,
      seconds,
    },
  });
});

/** Signs in through the API and returns the Cookie header of the new session. */
async function signInApi(base: string, user: string, password: string): Promise<string> {
  const answer = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  expect(answer.status, `sign-in of ${user}`).toBe(200);
  return answer.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
