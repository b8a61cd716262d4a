import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { base, signIn } from '../helpers.ts';
import { faultForm, launchTablet, newRecordLink, publishFaultApp, recordFigure, serverRows } from './kit.ts';

/** A noisy 1600×1200 JPEG (noise does not compress, so each photo costs real space). */
async function noisyPhoto(page: Page, n: number) {
  const dataUrl = await page.evaluate((seed) => {
    const c = document.createElement('canvas');
    c.width = 1600;
    c.height = 1200;
    const g = c.getContext('2d');
    if (!g) return '';
    const img = g.createImageData(c.width, c.height);
    let x = seed * 2654435761;
    for (let i = 0; i < img.data.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      img.data[i] = i % 4 === 3 ? 255 : x & 255;
    }
    g.putImageData(img, 0, 0);
    return c.toDataURL('image/jpeg', 0.92);
  }, n);
  return {
    name: `defect-${n}.jpg`,
    mimeType: 'image/jpeg',
    buffer: Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'),
  };
}

test('storage quota exceeded while adding photos: the operator is told (en, zh-CN), no text record lost', async () => {
  test.setTimeout(180_000);
  // An on-disk profile: an in-memory (incognito) context has its own small limit and ignores the override.
  const dir = mkdtempSync(join(tmpdir(), 'gongfang-quota-'));
  const context = await launchTablet(dir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const form = faultForm([
      { id: 'photos', type: 'photo', label: { 'zh-CN': '缺陷照片', en: 'Defect photos' }, maxCount: 20 },
    ]);
    const app = await publishFaultApp('quota', { 'zh-CN': '存储已满', en: 'Storage full' }, form);
    await signIn(page, 'liu.yang', 'en');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect(newRecordLink(page, app)).toBeVisible();

    // Text records saved offline before the device fills up.
    await context.setOffline(true);
    const before = [`${app}-before-1`, `${app}-before-2`];
    for (const note of before) {
      await newRecordLink(page, app).click();
      await page.getByRole('textbox', { name: /^Note/ }).fill(note);
      await page.getByRole('button', { name: 'Submit' }).click();
      await expect(page.getByText('Waiting', { exact: true })).toBeVisible();
      await page.getByRole('link', { name: 'Home' }).click();
    }

    // The origin's quota: what it uses now plus 1 MB.
    // Measured once the service worker's caches have settled (an update swaps whole caches).
    const estimate = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    let usage = await estimate();
    await expect
      .poll(async () => {
        const previous = usage;
        usage = await estimate();
        return usage === previous;
      })
      .toBe(true);
    const quota = usage + 1_000_000;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(base()).origin, quotaSize: quota });

    await newRecordLink(page, app).click();
    const draftNote = `${app}-with-photos`;
    await page.getByRole('textbox', { name: /^Note/ }).fill(draftNote);
    const input = page.locator('[data-field="photos"] input[type="file"]');
    let added = 0;
    const alert = page.locator('[data-field="photos"]').getByRole('alert');
    for (let n = 1; n <= 20; n++) {
      await input.setInputFiles(await noisyPhoto(page, n));
      await expect(page.getByRole('img', { name: `Photo ${n}` }).or(alert)).toBeVisible({ timeout: 30_000 });
      if (await alert.isVisible()) break;
      added++;
    }
    expect(added, 'the quota was reached before twenty photos').toBeLessThan(20);
    await expect(alert).toContainText('The device storage is full');
    const en = (await alert.textContent()) ?? '';
    // The same in Chinese: the next photo, with the UI switched.
    await page.getByRole('button', { name: '中文' }).click();
    await input.setInputFiles(await noisyPhoto(page, 99));
    await expect(alert).toContainText('保存失败：设备存储空间已满');
    const messages = { en, zh: (await alert.textContent()) ?? '' };
    await page.getByRole('button', { name: 'English' }).click();

    // The record cannot be saved on a full device: it stays on screen, whole, and the bar says why.
    await expect(page.getByRole('textbox', { name: /^Note/ })).toHaveValue(draftNote);
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByRole('region', { name: 'Sync status' }).getByRole('alert')).toContainText(
      'The device storage is full',
    );
    expect(new URL(page.url()).hash).toMatch(/^#\/edit\//);
    await expect(page.getByRole('textbox', { name: /^Note/ })).toHaveValue(draftNote);

    // The text records saved before the device filled up reach the server, once each.
    await context.setOffline(false);
    await expect
      .poll(async () => (await serverRows(page, app)).map((r) => r.values.note).sort(), { timeout: 60_000 })
      .toEqual([...before].sort());
    const rows = await serverRows(page, app);
    recordFigure(
      'storage-quota-photos',
      `storage quota exceeded at photo ${added + 1} (quota override = usage + 1 MB): the operator was told in en and zh-CN, ${rows.length}/${before.length} earlier text records on the server, the unsaved record kept on screen`,
      { quotaBytes: quota, usageBefore: usage, photosStored: added, records: rows.length, messages },
    );
  } finally {
    await context.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});
