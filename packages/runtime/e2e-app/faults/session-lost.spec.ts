import { expect, test } from '@playwright/test';
import { signIn } from '../helpers.ts';
import { newRecordLink, publishFaultApp, recordFigure, serverRows, submitBurst, tally } from './kit.ts';

/**
 * The session is gone while records wait on the tablet (expired over a long offline stretch,
 * revoked by IT, or its cookie lost when the browser was killed): the tablet says so in the
 * operator's language instead of retrying a refusal forever, keeps every record, and syncs them
 * once the operator signs in again.
 */
test('session lost while records wait offline: told in en and zh-CN, kept, synced after signing in again', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const app = await publishFaultApp('session', { 'zh-CN': '会话丢失', en: 'Session lost' });
  await signIn(page, 'liu.yang', 'en');
  await expect(newRecordLink(page, app)).toBeVisible();
  await context.setOffline(true);
  const notes = Array.from({ length: 12 }, (_, i) => `${app}-waiting-${i + 1}`);
  await submitBurst(page, app, notes);
  await expect(page.getByText('12 waiting to sync')).toBeVisible();

  // The session cookie disappears; the network comes back.
  await context.clearCookies();
  await context.setOffline(false);
  const bar = page.getByRole('region', { name: /^(Sync status|同步状态)$/ });
  await expect(bar.getByRole('alert')).toContainText('Your sign-in has expired: sign in again to sync', {
    timeout: 60_000,
  });
  await expect(bar.getByText('12 waiting to sync')).toBeVisible();
  await expect(bar.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(bar.getByRole('alert')).toContainText('登录已失效，请重新登录后同步');
  const zh = (await bar.getByRole('alert').textContent()) ?? '';
  await page.getByRole('button', { name: 'English' }).click();
  const en = (await bar.getByRole('alert').textContent()) ?? '';

  // Nothing is retried against the refusal while the operator is away.
  let pushes = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/sync/push')) pushes++;
  });
  await page.waitForTimeout(5_000);
  expect(pushes).toBe(0);

  await page.getByRole('button', { name: 'Sign in again' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await signIn(page, 'liu.yang', 'en');
  await expect(page.getByText('All synced')).toBeVisible({ timeout: 120_000 });
  const rows = (await serverRows(page, app)).map((r) => r.values.note);
  const { dupes } = tally(rows);
  expect(dupes).toEqual([]);
  expect([...rows].sort()).toEqual([...notes].sort());
  recordFigure(
    'session-lost',
    `session lost with ${notes.length} records waiting: told in en and zh-CN, no push retried in 5 s, ${rows.length}/${notes.length} on the server once each after signing in again`,
    { waiting: notes.length, onServer: rows.length, duplicates: dupes.length, pushesWhileSignedOut: pushes, en, zh },
  );
});
