import { expect, test } from '@playwright/test';
import { signIn } from '../helpers.ts';
import { newRecordLink, publishFaultApp, recordFigure, serverRows, submitBurst, tally } from './kit.ts';

test('500 records filled offline across 3 reloads reach the server exactly once each', async ({ page, context }) => {
  test.setTimeout(300_000);
  const app = await publishFaultApp('offline500', { 'zh-CN': '离线五百', en: 'Offline 500' });
  await signIn(page, 'liu.yang', 'en');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect(newRecordLink(page, app)).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();

  const started = Date.now();
  const notes = Array.from({ length: 500 }, (_, i) => `offline-${String(i + 1).padStart(3, '0')}`);
  // A handful through the UI as an operator does it, the rest driven quickly through the same screens.
  for (const note of notes.slice(0, 5)) {
    await page.getByRole('link', { name: 'Home' }).click();
    await newRecordLink(page, app).click();
    await page.getByRole('textbox', { name: /^Note/ }).fill(note);
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByText('Waiting', { exact: true })).toBeVisible();
  }
  const rest = notes.slice(5);
  const chunks = [rest.slice(0, 165), rest.slice(165, 330), rest.slice(330)];
  for (const [i, chunk] of chunks.entries()) {
    await submitBurst(page, app, chunk);
    // Reload while offline: the service worker serves the shell, IndexedDB holds what was saved.
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
    await expect(
      page.getByText(`${5 + chunks.slice(0, i + 1).reduce((n, c) => n + c.length, 0)} waiting to sync`),
    ).toBeVisible();
  }
  const filledMs = Date.now() - started;
  expect(await serverRows(page, app)).toHaveLength(0);

  const online = Date.now();
  await context.setOffline(false);
  await expect(page.getByText('All synced')).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByRole('status').filter({ hasText: /waiting to sync/ })).toHaveCount(0, { timeout: 120_000 });
  const syncMs = Date.now() - online;
  const rows = await serverRows(page, app);
  const { distinct, dupes } = tally(rows.map((r) => r.values.note));
  expect(dupes).toEqual([]);
  expect(distinct).toBe(500);
  expect(rows).toHaveLength(500);
  expect(new Set(rows.map((r) => r.values.note))).toEqual(new Set(notes));
  recordFigure(
    'offline-500-records-3-reloads',
    `500 records filled offline across 3 reloads: ${rows.length} on the server, ${dupes.length} duplicates; filled in ${(filledMs / 1000).toFixed(1)} s, synced in ${(syncMs / 1000).toFixed(1)} s`,
    { filled: notes.length, reloads: 3, onServer: rows.length, duplicates: dupes.length, filledMs, syncMs },
  );
});
