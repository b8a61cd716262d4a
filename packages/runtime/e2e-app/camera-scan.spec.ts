import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeBarcodeVideo } from './fixtures/make-barcode-video.ts';
import { recordIdOf, serverRecord, signIn } from './helpers.ts';

// The camera is Chromium's fake device playing a video of a QR code label, made now.
const video = writeBarcodeVideo(join(tmpdir(), `gongfang-scan-${process.pid}.y4m`), 'ITM-10004');

test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  },
  permissions: ['camera'],
});

test('stock-in: one line scanned with the camera (ZXing, no BarcodeDetector), submitted and synced', async ({
  page,
}, info) => {
  // Desktop Chromium may or may not have BarcodeDetector; without it the maintained decoder must read.
  await page.addInitScript(() => {
    delete (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector;
  });
  const docNo = `RK-20250302-${info.project.name === 'portrait' ? 7 : 6}${String(Date.now() % 100).padStart(2, '0')}`;
  await signIn(page, 'sun.li');
  expect(await page.evaluate(() => 'BarcodeDetector' in globalThis)).toBe(false);
  await page.getByRole('link', { name: 'New Stock in' }).click();
  await page.getByRole('textbox', { name: /^Receipt no\./ }).fill(docNo);
  await page.getByRole('textbox', { name: /^Supplier/ }).fill('Suzhou Fasteners');

  await page.getByRole('button', { name: 'Scan Items with the camera' }).click();
  const sheet = page.getByRole('dialog', { name: 'Hold the code inside the frame' });
  await expect(sheet).toBeVisible();
  // The sheet closes by itself once the code is read.
  await expect(sheet).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Scanned: ITM-10004' })).toBeVisible();
  await expect(page.getByLabel('Item code Row 1')).toHaveValue('ITM-10004');

  await page.getByLabel('Item name Row 1').fill('Hex bolt M8×30');
  await page.getByLabel('Batch Row 1').fill('B2503-11');
  await page.getByLabel('Quantity Row 1').fill('200');
  await page.getByLabel('Location Row 1').selectOption('A-03');
  const id = recordIdOf(page);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Synced', { exact: true })).toBeVisible({ timeout: 20_000 });
  const { record } = await serverRecord(page, id);
  expect(record.data).toMatchObject({ doc_no: docNo, lines: [{ item_code: 'ITM-10004', qty: 200, location: 'A-03' }] });
});
