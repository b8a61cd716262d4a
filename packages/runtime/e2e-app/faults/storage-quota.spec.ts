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

test('storage quota exceeded while adding photos: the operator is told (en, zh-CN), no text record lost, removing a photo lets the record save', async () => {
  test.setTimeout(300_000);
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

    // What the origin uses before the photos, once the service worker's caches have settled (an
    // update swaps whole caches).
    const estimate = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const settled = async () => {
      let now = await estimate();
      await expect
        .poll(async () => {
          const previous = now;
          now = await estimate();
          return now === previous;
        })
        .toBe(true);
      return now;
    };
    const usage = await settled();
    const cdp = await context.newCDPSession(page);
    const origin = new URL(base()).origin;

    // The device has room for two photos (each about 0.8 MB) and not three. IndexedDB checks a
    // commit against space it fetched from the quota manager up to 30 s earlier (Chromium's
    // BucketContext::kBucketSpaceCacheTimeLimit), so a quota lowered now would only bite after
    // that: nothing is written until the space fetched before the override has run out.
    const quota = usage + 2_000_000;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: quota });
    await page.waitForTimeout(31_000);

    await newRecordLink(page, app).click();
    const draftNote = `${app}-with-photos`;
    await page.getByRole('textbox', { name: /^Note/ }).fill(draftNote);
    const input = page.locator('[data-field="photos"] input[type="file"]');
    let added = 0;
    const alert = page.locator('[data-field="photos"]').getByRole('alert');
    const addPhoto = async (n: number) => {
      await input.setInputFiles(await noisyPhoto(page, n));
      await expect(page.getByRole('img', { name: `Photo ${n}` }).or(alert)).toBeVisible({ timeout: 30_000 });
      if (await alert.isVisible()) return false;
      added++;
      return true;
    };
    for (let n = 1; n <= 20 && (await addPhoto(n)); n++);
    expect(added, 'two photos fit and the third does not').toBe(2);
    await expect(alert).toContainText('The device storage is full');
    const en = (await alert.textContent()) ?? '';

    // Full: the quota goes a little below what the device holds once its usage settles, so that
    // no write fits until the operator frees space (the photo refused above left some room a
    // small record would still fit in).
    const full = await settled();
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: full - 200_000 });
    // The same message in Chinese: the next photo, with the UI switched. Being larger than the
    // space IndexedDB has left over, it makes IndexedDB fetch the lowered quota.
    await page.getByRole('button', { name: '中文' }).click();
    await input.setInputFiles(await noisyPhoto(page, 99));
    await expect(alert).toContainText('保存失败：设备存储空间已满');
    const messages = { en, zh: (await alert.textContent()) ?? '' };
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('img', { name: /^Photo \d+$/ })).toHaveCount(added);

    // The record cannot be saved on a full device: it stays on screen, whole, and the bar says why.
    await expect(page.getByRole('textbox', { name: /^Note/ })).toHaveValue(draftNote);
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByRole('region', { name: 'Sync status' }).getByRole('alert')).toContainText(
      'The device storage is full',
    );
    expect(new URL(page.url()).hash).toMatch(/^#\/edit\//);
    await expect(page.getByRole('textbox', { name: /^Note/ })).toHaveValue(draftNote);

    // The operator makes room: removes the last photo. Its blob is deleted at once (nothing else
    // names it) and Chromium gives the space back, so the record saves, waiting for the network.
    await page.getByRole('button', { name: `Remove Photo ${added}` }).click();
    await expect(page.getByRole('img', { name: `Photo ${added}` })).toHaveCount(0);
    // The removed thumbnail's Blob may still be held by the page until V8 collects it.
    await cdp.send('HeapProfiler.enable');
    await expect
      .poll(
        async () => {
          await cdp.send('HeapProfiler.collectGarbage');
          return estimate();
        },
        { timeout: 30_000 },
      )
      .toBeLessThan(full - 400_000);
    const afterRemoval = await estimate();
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByText('Waiting', { exact: true })).toBeVisible();
    expect(new URL(page.url()).hash).toMatch(/^#\/record\//);
    await page.getByRole('link', { name: 'Home' }).click();

    // Online: every record reaches the server once, the photo record with its remaining photos;
    // then those photos leave the tablet (the server has them) and the record shows them from there.
    await context.setOffline(false);
    const notes = [...before, draftNote].sort();
    await expect
      .poll(async () => (await serverRows(page, app)).map((r) => r.values.note).sort(), { timeout: 60_000 })
      .toEqual(notes);
    const rows = await serverRows(page, app);
    const withPhotos = rows.find((r) => r.values.note === draftNote);
    const photos = (withPhotos?.values.photos ?? []) as { id: string }[];
    expect(photos).toHaveLength(added - 1);
    for (const photo of photos) {
      expect((await page.request.get(`${base()}/api/attachments/${photo.id}`)).status()).toBe(200);
    }
    // The synced record's photos leave the device (the server has them)...
    const rowsOnDevice = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open(`gongfang-${location.host}`);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction('attachments').objectStore('attachments').count();
              count.onsuccess = () => {
                resolve(count.result);
                open.result.close();
              };
            };
          }),
      );
    await expect.poll(rowsOnDevice, { timeout: 30_000 }).toBe(0);
    // ...and their space comes back once V8 has collected the Blob objects the page read them into
    // (upload, thumbnails): Chromium keeps a deleted blob's file while a Blob in a page points at it.
    // Forced here rather than waiting for V8's own schedule.
    const heap = await context.newCDPSession(page);
    await heap.send('HeapProfiler.enable');
    await heap.send('HeapProfiler.collectGarbage');
    await expect.poll(estimate, { timeout: 30_000 }).toBeLessThan(usage + 500_000);
    const afterSync = await estimate();
    await page.goto(`${base()}/app/#/record/${withPhotos?.id}`);
    const shown = page.locator('.app-detail img');
    await expect(shown).toHaveCount(added - 1);
    for (const img of await shown.all()) {
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    }
    recordFigure(
      'storage-quota-photos',
      `storage quota exceeded at photo ${added + 1} (quota = settled usage + 2 MB, set 31 s before the first photo so that IndexedDB's cached space had run out; once full, 0.2 MB below what the full device settled at): the operator was told in en and zh-CN and the record could not be saved; removing one photo gave back ${Math.round((full - afterRemoval) / 1000)} kB at once and the record saved; online, ${rows.length}/${before.length + 1} records on the server (the photo record with ${photos.length === 1 ? 'its 1 photo' : `${photos.length} photos`}), and the device's use fell back to ${Math.round((afterSync - usage) / 1000)} kB above where it started`,
      {
        quotaBytes: quota,
        usageBefore: usage,
        photosStored: added,
        usageFull: full,
        usageAfterRemoval: afterRemoval,
        usageAfterSync: afterSync,
        photosOnServer: photos.length,
        records: rows.length,
        messages,
      },
    );
  } finally {
    await context.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});
