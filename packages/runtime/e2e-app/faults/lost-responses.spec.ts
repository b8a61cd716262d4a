import { expect, test } from '@playwright/test';
import { signIn } from '../helpers.ts';
import { newRecordLink, publishFaultApp, recordFigure, serverRows, submitBurst, tally } from './kit.ts';

// Playwright's routing sees the page's own requests only when no service worker sits between.
test.use({ serviceWorkers: 'block' });

test('200 pushes committed by the server whose answers are lost: every record once, no duplicates', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const LOST = 200;
  const app = await publishFaultApp('lostanswer', { 'zh-CN': '丢失应答', en: 'Lost answers' });
  // The page's clock, so the test can skip the client's backoff wait instead of sleeping through it.
  await page.clock.install();
  await signIn(page, 'liu.yang', 'en');
  await expect(newRecordLink(page, app)).toBeVisible();

  let lost = 0;
  let passed = 0;
  const committed: string[] = [];
  let previousLost = false;
  await page.route('**/api/sync/push', async (route) => {
    if (lost < LOST && !previousLost) {
      // The push reaches the server and commits; the device never hears the answer.
      const answer = await route.fetch();
      const body = (await answer.json()) as { results: { id: string; status: string }[] };
      for (const r of body.results) if (r.status === 'accepted') committed.push(r.id);
      lost++;
      previousLost = true;
      await route.abort('connectionreset');
      return;
    }
    previousLost = false;
    passed++;
    await route.continue();
  });

  const notes = Array.from({ length: LOST }, (_, i) => `${app}-${String(i + 1).padStart(3, '0')}`);
  for (const [i, note] of notes.entries()) {
    await submitBurst(page, app, [note]);
    // The client pushes 0.5 s after a save; the push is lost and it backs off (≤ 1 s after one
    // failure). The page's clock is moved past each wait instead of sleeping through it.
    await expect
      .poll(
        async () => {
          if (passed < i + 1) await page.clock.fastForward(1000);
          return passed;
        },
        { timeout: 30_000, intervals: [20, 50, 100] },
      )
      .toBe(i + 1);
    await expect(page.getByText('All synced')).toBeVisible();
  }
  expect(lost).toBe(LOST);
  expect(committed).toHaveLength(LOST);

  const rows = await serverRows(page, app);
  const { dupes } = tally(rows.map((r) => r.values.note));
  expect(dupes).toEqual([]);
  expect(rows).toHaveLength(LOST);
  expect(new Set(rows.map((r) => r.values.note))).toEqual(new Set(notes));
  // The device marks each one synced: nothing waits, nothing was refused.
  await page.getByRole('link', { name: 'My submissions' }).click();
  await expect(page.locator('.app-submission-synced', { hasText: new RegExp(`${app}-\\d{3}`) })).toHaveCount(LOST);
  await expect(page.locator('.app-submission', { hasText: new RegExp(`${app}-\\d{3}`) })).toHaveCount(LOST);
  recordFigure(
    'lost-push-responses-200',
    `${lost} pushes committed by the server with their answers lost: ${rows.length} records on the server, ${dupes.length} duplicates, ${LOST - rows.length} missing`,
    { lostResponses: lost, retriedPushes: passed, onServer: rows.length, duplicates: dupes.length },
  );
});
