import { expect, type Page, test } from '@playwright/test';

const base = () => process.env.GF_BASE_URL ?? '';

async function signIn(page: Page, user: string) {
  await page.goto(`${base()}/app/`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill('demo1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

/** Keys 5 ms apart and Enter, with no field focused: what a keyboard-wedge scanner sends. */
async function wedgeScan(page: Page, code: string) {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
}

test('stock-in: fill with scans, go offline, reload, edit the draft, submit, sync once', async ({
  page,
  context,
}, info) => {
  const docNo = `RK-20250301-${info.project.name === 'portrait' ? 9 : 8}${String(Date.now() % 100).padStart(2, '0')}`;
  await signIn(page, 'sun.li');
  // The service worker must control the page before the network goes away.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  await page.getByRole('link', { name: 'New Stock in' }).click();
  await page.getByLabel('Receipt no.').fill(docNo);
  await page.getByLabel('Supplier').fill('Ningbo Precision Bearings');
  await page.getByRole('heading', { name: /^Items/ }).click();
  // Scans seconds apart, as on the floor: each one adds its row before the next.
  for (const [i, code] of ['ITM-10001', 'ITM-10002', 'ITM-10003'].entries()) {
    await wedgeScan(page, code);
    await expect(page.getByText(`${i + 1} row(s)`)).toBeVisible();
    // Let the debounced autosave land: CDP sends each key only after the page handled the last,
    // so a save in the middle of a burst would stretch it beyond the scanner timing.
    await page.waitForTimeout(800);
  }
  await expect(page.getByLabel('Item code Row 3')).toHaveValue('ITM-10003');
  for (const n of [1, 2, 3]) {
    await page.getByLabel(`Item name Row ${n}`).fill(`Bearing ${n}`);
    await page.getByLabel(`Batch Row ${n}`).fill(`B2503-0${n}`);
    await page.getByLabel(`Quantity Row ${n}`).fill(String(n * 10));
    await page.getByLabel(`Location Row ${n}`).selectOption('A-03');
  }
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  const recordId = new URL(page.url()).hash.split('/')[2]?.split('?')[0] ?? '';
  expect(recordId).toMatch(/^[0-9a-f-]{36}$/);

  // Offline: reload still opens the app (service worker) with the draft (IndexedDB).
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await page.getByRole('link', { name: 'Drafts' }).click();
  await page.getByRole('link', { name: new RegExp(docNo) }).click();
  await expect(page.getByLabel('Item name Row 3')).toHaveValue('Bearing 3');
  await page.getByLabel('Quantity Row 2').fill('25');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Waiting', { exact: true })).toBeVisible();
  await expect(page.getByText('Filled with form version 1')).toBeVisible();
  await expect(page.getByText('1 waiting to sync')).toBeVisible();

  // Online again: the outbox is pushed and the record is on the server exactly once.
  await context.setOffline(false);
  await expect(page.getByText('Synced', { exact: true })).toBeVisible({ timeout: 20_000 });
  const one = await page.request.get(`${base()}/api/records/${recordId}`);
  expect(one.status()).toBe(200);
  const body = (await one.json()) as { record: { data: { doc_no: string; lines: { qty: number }[] } } };
  expect(body.record.data.doc_no).toBe(docNo);
  expect(body.record.data.lines.map((l) => l.qty)).toEqual([10, 25, 30]);
  const list = await page.request.get(`${base()}/api/apps/inventory/views/stock_in_list?limit=500`);
  const rows = ((await list.json()) as { rows: { values: { doc_no?: string } }[] }).rows;
  expect(rows.filter((r) => r.values.doc_no === docNo)).toHaveLength(1);
});
