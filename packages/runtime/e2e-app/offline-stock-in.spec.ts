import { expect, type Page, test } from '@playwright/test';
import { base, countInView, type Lang, recordIdOf, signIn, WORDS } from './helpers.ts';

/** The stock-in screens' words in both languages (the app's and the definition's). */
const L = {
  'zh-CN': {
    newIn: '新建入库单',
    docNo: '入库单号',
    supplier: '供应商',
    lines: /^物料明细/,
    itemCode: '物料编码',
    itemName: '物料名称',
    batch: '批次号',
    qty: '数量',
    location: '库位',
    rows: (n: number) => `共 ${n} 行`,
    scanToAdd: '扫码添加物料明细',
    saved: /草稿已自动保存/,
    offline: '离线',
    waiting: '待同步',
    version: '按表单第 1 版填写',
    queued: (n: number) => `${n} 条待同步`,
    synced: '已同步',
  },
  en: {
    newIn: 'New Stock in',
    docNo: 'Receipt no.',
    supplier: 'Supplier',
    lines: /^Items/,
    itemCode: 'Item code',
    itemName: 'Item name',
    batch: 'Batch',
    qty: 'Quantity',
    location: 'Location',
    rows: (n: number) => `${n} row(s)`,
    scanToAdd: 'Scan to add to Items',
    saved: /Draft saved/,
    offline: 'Offline',
    waiting: 'Waiting',
    version: 'Filled with form version 1',
    queued: (n: number) => `${n} waiting to sync`,
    synced: 'Synced',
  },
} as const;

/**
 * A keyboard-wedge scanner: keys 5 ms apart by their own timestamps, then Enter, with no field
 * focused. The times are given to Chromium with each key, so a busy test machine cannot stretch
 * the burst the way a late `keyboard.type` would.
 */
async function wedgeScan(page: Page, code: string) {
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

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`stock-in (${lang}): scans, two drafts, offline reload, edit and submit both, synced once each`, async ({
    page,
    context,
  }, info) => {
    const t = L[lang];
    const w = WORDS[lang];
    // RK-date-sequence: a three-digit sequence per language and viewport.
    const stamp = `${lang === 'en' ? 1 : 2}${info.project.name === 'portrait' ? 9 : 8}${Date.now() % 10}`;
    const first = `RK-20250301-${stamp}`;
    const second = `RK-20250303-${stamp}`;
    await signIn(page, 'sun.li', lang);
    // The service worker must control the page before the network goes away.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await page.getByRole('link', { name: t.newIn }).click();
    await page.getByRole('textbox', { name: new RegExp(`^${t.docNo.replace('.', '\\.')}`) }).fill(first);
    await page.getByRole('textbox', { name: new RegExp(`^${t.supplier}`) }).fill('Ningbo Precision Bearings');
    await expect(page.getByText(t.saved)).toBeVisible();
    await page.getByRole('heading', { name: t.lines }).click();
    // Scans seconds apart, as on the floor: each one adds its row before the next.
    for (const [i, code] of ['ITM-10001', 'ITM-10002', 'ITM-10003'].entries()) {
      await wedgeScan(page, code);
      await expect(page.getByText(t.rows(i + 1))).toBeVisible();
      // Let the debounced autosave land before the next burst of keys.
      await page.waitForTimeout(800);
    }
    await expect(page.getByLabel(w.row(t.itemCode, 3))).toHaveValue('ITM-10003');
    for (const n of [1, 2, 3]) {
      await page.getByLabel(w.row(t.itemName, n)).fill(`Bearing ${n}`);
      await page.getByLabel(w.row(t.batch, n)).fill(`B2503-0${n}`);
      await page.getByLabel(w.row(t.qty, n)).fill(String(n * 10));
      await page.getByLabel(w.row(t.location, n)).selectOption('A-03');
    }
    await expect(page.getByText(t.saved)).toBeVisible();
    const firstId = recordIdOf(page);

    // A second draft, its line typed into the scan box.
    await page.getByRole('link', { name: lang === 'en' ? 'Home' : '首页' }).click();
    await page.getByRole('link', { name: t.newIn }).click();
    await page.getByRole('textbox', { name: new RegExp(`^${t.docNo.replace('.', '\\.')}`) }).fill(second);
    await page.getByRole('textbox', { name: new RegExp(`^${t.supplier}`) }).fill('Wuxi Seals');
    await page.getByRole('textbox', { name: t.scanToAdd }).fill('ITM-10007');
    await page.getByRole('textbox', { name: t.scanToAdd }).press('Enter');
    await page.getByLabel(w.row(t.itemName, 1)).fill('O-ring 40×3');
    await page.getByLabel(w.row(t.batch, 1)).fill('B2503-07');
    await page.getByLabel(w.row(t.location, 1)).selectOption('A-03');
    await expect(page.getByText(t.saved)).toBeVisible();
    const secondId = recordIdOf(page);

    // Offline: reload still opens the app (service worker) with both drafts (IndexedDB).
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: t.offline })).toBeVisible();
    for (const [docNo, edit] of [
      [first, async () => page.getByLabel(w.row(t.qty, 2)).fill('25')],
      [second, async () => page.getByLabel(w.row(t.qty, 1)).fill('60')],
    ] as const) {
      await page.getByRole('link', { name: w.drafts }).click();
      await page.getByRole('link', { name: new RegExp(docNo) }).click();
      await expect(page.getByRole('textbox', { name: new RegExp(`^${t.docNo.replace('.', '\\.')}`) })).toHaveValue(
        docNo,
      );
      await edit();
      await page.getByRole('button', { name: w.submit }).click();
      await expect(page.getByText(t.waiting, { exact: true })).toBeVisible();
      await expect(page.getByText(t.version)).toBeVisible();
    }
    await expect(page.getByText(t.queued(2))).toBeVisible();

    // Online again: the outbox is pushed and each record is on the server exactly once.
    await context.setOffline(false);
    await expect(page.getByText(t.synced, { exact: true })).toBeVisible({ timeout: 20_000 });
    for (const [id, docNo, qty] of [
      [firstId, first, [10, 25, 30]],
      [secondId, second, [60]],
    ] as const) {
      const one = await page.request.get(`${base()}/api/records/${id}`);
      expect(one.status()).toBe(200);
      const body = (await one.json()) as { record: { data: { doc_no: string; lines: { qty: number }[] } } };
      expect(body.record.data.doc_no).toBe(docNo);
      expect(body.record.data.lines.map((l) => l.qty)).toEqual(qty);
      expect(await countInView(page, '/api/apps/inventory/views/stock_in_list', (v) => v.doc_no === docNo)).toBe(1);
    }
  });
}
