import type { BrowserContext, Page } from '@playwright/test';
import { expect, newTablet, recordFigure, test } from '../src/fixtures.ts';
import { operatorHoldsV1Drafts, operatorsShift, type ShiftResult } from '../src/journeys/operators.ts';
import { businessCreatesApp, businessPublishesV2, itJourney, openLineApp } from '../src/journeys/staff.ts';
import { serverRecord } from '../src/ui.ts';

// The three users' journeys in order, on one fresh server per project (PGlite, then PostgreSQL).
// Each journey is its own test: a failure names the journey and the step.
test.describe.configure({ mode: 'serial' });

let tabletA: BrowserContext;
let tabletB: BrowserContext;
let a: Page;
let b: Page;
let v1Drafts: { id: string; batch: string }[] = [];

test.beforeAll(async ({ browser }) => {
  tabletA = await newTablet(browser, 'landscape');
  tabletB = await newTablet(browser, 'portrait');
  a = await tabletA.newPage();
  b = await tabletB.newPage();
});
test.afterAll(async () => {
  await tabletA?.close();
  await tabletB?.close();
});

test('IT department: roles and users, the quality-inspection app published as a template', async ({
  browser,
  stack,
  db,
}) => {
  const started = Date.now();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const { templateVersion } = await itJourney(page, stack.bases[0] ?? '');
  await page.close();
  recordFigure('journey-it', db, {
    figure: `role + 5 users created, template v${templateVersion} published in ${Math.round((Date.now() - started) / 1000)} s`,
    values: { users: 5, templateVersion, seconds: Math.round((Date.now() - started) / 1000) },
  });
});

test('business staff: an app from the template, a field, a rule and the flow changed; v2 published while v1 drafts wait on a tablet', async ({
  browser,
  stack,
  db,
}) => {
  const started = Date.now();
  const base = stack.bases[0] ?? '';
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await businessCreatesApp(page, base);
  v1Drafts = await operatorHoldsV1Drafts(a, base);
  await openLineApp(page);
  await businessPublishesV2(page);
  await page.close();
  recordFigure('journey-business', db, {
    figure: `app from template, v1 then v2 published with 2 v1 drafts held offline, ${Math.round((Date.now() - started) / 1000)} s`,
    values: { v1Drafts: v1Drafts.length, seconds: Math.round((Date.now() - started) / 1000) },
  });
});

test('operators: two tablets through a shift, partly offline; approvals, handover, stock balance', async ({
  stack,
  db,
  request,
}) => {
  expect(v1Drafts, 'the business journey left two version-1 drafts').toHaveLength(2);
  const started = Date.now();
  const base = stack.bases[0] ?? '';
  const result: ShiftResult = await operatorsShift({ a, b }, base, v1Drafts);
  // IT sees every app's records: each one the tablets made is on the server.
  const login = await request.post(`${base}/api/auth/login`, { data: { user: 'wang.fang', password: 'demo1234' } });
  expect(login.status()).toBe(200);
  let onServer = 0;
  for (const id of result.records) if ((await serverRecord(request, base, id)).record.id === id) onServer++;
  expect(onServer).toBe(result.records.length);
  const seconds = Math.round((Date.now() - started) / 1000);
  recordFigure('journey-operators', db, {
    figure: `${onServer}/${result.records.length} records on the server, stock balance = sum of line items, ${seconds} s`,
    values: { records: result.records.length, onServer, seconds },
  });
});
