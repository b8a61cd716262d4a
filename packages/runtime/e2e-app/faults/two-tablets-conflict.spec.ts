import { expect, type Page, test } from '@playwright/test';
import { base, recordIdOf, signIn } from '../helpers.ts';
import { newRecordLink, publishFaultApp, recordFigure } from './kit.ts';

/** Opens the record's edit screen, sets the quantity and submits (the tablet is offline). */
async function editQuantity(page: Page, id: string, qty: string) {
  await page.evaluate((r) => {
    location.hash = `#/edit/${r}`;
  }, id);
  await page.locator('[data-field="qty"] input').fill(qty);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Waiting', { exact: true })).toBeVisible();
}

test('two tablets edit the same record offline: the conflict is shown, both versions kept', async ({ browser }) => {
  test.setTimeout(180_000);
  const app = await publishFaultApp('conflict', { 'zh-CN': '冲突', en: 'Conflict' });
  const [a, b] = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    await signIn(pageA, 'liu.yang', 'en');
    await signIn(pageB, 'liu.yang', 'en');
    await expect(newRecordLink(pageA, app)).toBeVisible();

    // Tablet A files the record; tablet B pulls it.
    const note = `${app}-shared`;
    await newRecordLink(pageA, app).click();
    await pageA.getByRole('textbox', { name: /^Note/ }).fill(note);
    await pageA.locator('[data-field="qty"] input').fill('5');
    await pageA.getByRole('button', { name: 'Submit' }).click();
    const id = recordIdOf(pageA);
    await expect(pageA.getByText('All synced')).toBeVisible({ timeout: 60_000 });
    // The record is on B once its edit screen opens it from the device (nothing typed: no draft).
    await expect
      .poll(
        async () => {
          await pageB
            .getByRole('button', { name: 'Sync now' })
            .click({ timeout: 2000 })
            .catch(() => undefined);
          // Home first, so the edit screen opens afresh and reads the device again (the same hash
          // twice is no navigation); the fault tests before this one leave liu.yang hundreds of
          // records to pull, so the record can take a while to arrive.
          await pageB.evaluate(() => {
            location.hash = '#/';
          });
          await pageB.evaluate((r) => {
            location.hash = `#/edit/${r}`;
          }, id);
          return pageB
            .getByRole('textbox', { name: /^Note/ })
            .inputValue({ timeout: 2000 })
            .catch(() => '');
        },
        { timeout: 120_000 },
      )
      .toBe(note);

    // Both offline, both edit the quantity.
    await a.setOffline(true);
    await b.setOffline(true);
    await editQuantity(pageA, id, '10');
    await editQuantity(pageB, id, '20');

    // A syncs first and wins the record; B's edit comes second, on a stale revision.
    await a.setOffline(false);
    await expect(pageA.getByText('All synced')).toBeVisible({ timeout: 60_000 });
    await b.setOffline(false);
    await expect(pageB.getByRole('link', { name: '1 need attention' })).toBeVisible({ timeout: 60_000 });
    await pageB.getByRole('link', { name: '1 need attention' }).click();
    const conflict = pageB.getByRole('region', { name: 'Two versions: choose which to keep' }).first();
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole('button', { name: 'Keep my version' })).toBeVisible();
    await expect(conflict.getByRole('button', { name: 'Use the server version' })).toBeVisible();
    await expect(conflict).toContainText('20');
    await expect(conflict).toContainText('10');

    // On the server: A's edit is the record, B's is kept as its conflict copy.
    const answer = await pageA.request.get(`${base()}/api/records/${id}`);
    const server = (await answer.json()) as { record: { data: { qty: number } }; conflictCopies: string[] };
    expect(server.record.data.qty).toBe(10);
    expect(server.conflictCopies).toHaveLength(1);
    const copy = await pageA.request.get(`${base()}/api/records/${server.conflictCopies[0]}`);
    expect(((await copy.json()) as { record: { data: { qty: number } } }).record.data.qty).toBe(20);
    recordFigure(
      'two-tablets-conflict',
      'two tablets edited one record offline: the second sync shown as a conflict with both versions (keep my version / use the server version); the server holds the first edit and the second as a conflict copy',
      { record: 10, conflictCopy: 20, copies: server.conflictCopies.length },
    );
  } finally {
    await a.close().catch(() => undefined);
    await b.close().catch(() => undefined);
  }
});
