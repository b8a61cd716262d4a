import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { signIn } from '../helpers.ts';
import { newRecordLink, publishFaultApp, recordFigure, serverRows, submitBurst } from './kit.ts';

// The service worker stays: it serves the shell only, so the page's API requests reach routing.

interface Push {
  mutations: { id: string; record: { data: Record<string, unknown> } }[];
}

test('a batch with tampered records: the valid ones accepted, the invalid ones listed with reasons (en, zh-CN)', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const app = await publishFaultApp('badbatch', { 'zh-CN': '坏批次', en: 'Bad batch' });
  await signIn(page, 'liu.yang', 'en');
  await expect(newRecordLink(page, app)).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await context.setOffline(true);
  const notes = Array.from({ length: 8 }, (_, i) => `${app}-${i + 1}`);
  await submitBurst(page, app, notes);
  await expect(page.getByText('8 waiting to sync')).toBeVisible();

  // On the wire, three of the eight no longer fit the server's definition of the form.
  const tampered = new Map<string, RegExp>([
    [notes[1] ?? '', /“Quantity” must be at most 1000/],
    [notes[4] ?? '', /“Quantity” must be a number/],
    [notes[6] ?? '', /no field “injected”/],
  ]);
  let pushes = 0;
  await page.route('**/api/sync/push', async (route) => {
    pushes++;
    // The tablet sends pushes gzip-compressed: tampered with, this one goes on plain (the server takes both).
    const { 'content-encoding': encoding, ...headers } = route.request().headers();
    const raw = route.request().postDataBuffer() ?? Buffer.alloc(0);
    const body = JSON.parse((encoding === 'gzip' ? gunzipSync(raw) : raw).toString()) as Push;
    for (const m of body.mutations) {
      const data = m.record.data;
      if (data.note === notes[1]) data.qty = 5000;
      if (data.note === notes[4]) data.qty = 'lots';
      if (data.note === notes[6]) data.injected = '<b>extra</b>';
    }
    await route.continue({ postData: JSON.stringify(body), headers });
  });
  await context.setOffline(false);
  await expect(page.getByRole('link', { name: '3 need attention' })).toBeVisible({ timeout: 60_000 });

  const rows = await serverRows(page, app);
  const accepted = notes.filter((n) => !tampered.has(n));
  expect(rows.map((r) => r.values.note).sort()).toEqual([...accepted].sort());

  // Each refused record is listed with the server's reason, in both languages; none is gone.
  await page.getByRole('link', { name: '3 need attention' }).click();
  const refused = page.locator('.app-submission-rejected');
  await expect(refused).toHaveCount(3);
  const reasons: Record<string, { en: string; zh: string }> = {};
  for (const [note, reason] of tampered) {
    const item = refused.filter({ hasText: note });
    await expect(item.getByText('Rejected', { exact: true })).toBeVisible();
    const why = item.getByRole('region', { name: 'Why it was refused' });
    await expect(why).toBeVisible();
    await expect(why.getByRole('link', { name: 'Fix and resubmit' })).toBeVisible();
    await expect(why).toContainText(reason);
    reasons[note] = { en: (await why.textContent())?.trim() ?? '', zh: '' };
  }
  await page.getByRole('button', { name: '中文' }).click();
  for (const note of tampered.keys()) {
    const item = page.locator('.app-submission-rejected').filter({ hasText: note });
    await expect(item.getByText('被退回', { exact: true })).toBeVisible();
    const why = item.getByRole('region', { name: '退回原因' });
    await expect(why.getByRole('link', { name: '修改后重新提交' })).toBeVisible();
    const zh = (await why.textContent())?.trim() ?? '';
    expect(zh, `${note}: the reason in Chinese`).toMatch(/[\u4e00-\u9fff]/);
    const entry = reasons[note];
    if (entry) entry.zh = zh;
  }
  for (const r of Object.values(reasons)) expect(r.zh).not.toBe(r.en);
  await expect(page.locator('.app-submission-synced').filter({ hasText: app })).toHaveCount(accepted.length);
  recordFigure(
    'invalid-records-in-batch',
    `a batch of ${notes.length} with ${tampered.size} tampered records: ${rows.length} accepted on the server, ${tampered.size} listed to the operator with reasons (zh-CN and en), 0 dropped`,
    { batch: notes.length, tampered: tampered.size, accepted: rows.length, listedRefused: 3, pushes, reasons },
  );
});
