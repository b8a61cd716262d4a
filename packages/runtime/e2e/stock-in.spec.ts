import { expect, type Page, test } from '@playwright/test';

/**
 * A keyboard-wedge scanner: keys 5 ms apart by their own event timestamps, then Enter, so a loaded
 * test machine cannot stretch the burst the way a late `keyboard.type` would.
 */
async function wedgeScan(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  const keys = [...code].map((ch) => ({ key: ch, text: ch }));
  keys.push({ key: 'Enter', text: '\r' });
  for (const [i, k] of keys.entries()) {
    const timestamp = start + i * 0.005;
    const enter = k.key === 'Enter' ? { code: 'Enter', windowsVirtualKeyCode: 13 } : {};
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...k, unmodifiedText: k.text, ...enter, timestamp });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, ...enter, timestamp: timestamp + 0.001 });
  }
  await cdp.detach();
}

// Smoke test of the preview page in real Chromium: a stock-in with three lines (one typed, two
// from a keyboard-wedge scanner, one of them scanned twice), the totals, then a clean submit.
test('fill a stock-in with three lines and see the total', async ({ page }, info) => {
  await page.goto('/app/preview.html?app=inventory&form=stock_in&lang=en');
  await page.getByLabel('Receipt no.').fill('RK-20250301-001');
  await page.getByLabel('Supplier').fill('Ningbo Precision Bearings');

  // Line 1 by hand, in the row a new stock-in starts with (minRows: 1).
  await expect(page.getByText('1 row(s)')).toBeVisible();
  await page.getByLabel('Item code Row 1').fill('ITM-10001');
  await page.getByLabel('Quantity Row 1').fill('5');
  await page.getByLabel('Unit price Row 1').fill('12.5');

  // Lines 2 and 3 from a scanner: keys 5 ms apart, then Enter, with nothing focused.
  await page.getByRole('heading', { name: /^Items/ }).click();
  for (const [i, code] of ['ITM-10002', 'ITM-10003', 'ITM-10002'].entries()) {
    await wedgeScan(page, code);
    await expect(page.getByText(`${Math.min(i + 2, 3)} row(s)`)).toBeVisible();
  }
  await expect(page.getByText('3 row(s)')).toBeVisible();
  await expect(page.getByLabel('Quantity Row 2')).toHaveValue('2');

  for (const n of [1, 2, 3]) {
    await page.getByLabel(`Item name Row ${n}`).fill(`Bearing ${n}`);
    await page.getByLabel(`Batch Row ${n}`).fill(`B2503-0${n}`);
    await page.getByLabel(`Unit Row ${n}`).selectOption({ label: 'pcs' });
    await page.getByLabel(`Location Row ${n}`).selectOption('A-01');
  }
  const totals = page.getByRole('group', { name: /^Items/ }).locator('.gf-totals');
  await expect(totals).toContainText('Total Quantity8.00');
  await expect(totals).toContainText('Total Amount62.50CNY');
  await expect(page.getByRole('status', { name: 'Total quantity' })).toHaveText('8.00');

  if (process.env.SCREENSHOTS) {
    await page.addStyleTag({ content: '.gf-actions, .pv-bar { position: static !important; }' });
    await page.screenshot({
      path: `../../docs/screenshots/runtime-stock-in-filled-en-${info.project.name}.png`,
      fullPage: true,
    });
  }

  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.locator('.pv-result')).toContainText('"total_qty": 8');
});

test('submit with missing fields shows the summary and jumps to the field', async ({ page }) => {
  await page.goto('/app/preview.html?app=inventory&form=stock_in&lang=zh-CN');
  await page.getByRole('button', { name: '提交' }).click();
  const summary = page.locator('.gf-summary');
  await expect(summary.getByRole('heading')).toBeFocused();
  await summary.getByRole('button', { name: '「入库单号」不能为空' }).click();
  await expect(page.getByLabel('入库单号')).toBeFocused();
});
