/**
 * The operators' journey on two tablets (separate storage, service workers): inspections, a shift
 * handover and stock receipts, partly offline; version-1 drafts finished after version 2 is out;
 * the QC lead approves one NG inspection and returns another; the incoming shift lead accepts the
 * handover; the stock balance on screen equals the sum of the line items the server holds.
 */
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import {
  defectPhoto,
  type Lang,
  recordIdOf,
  serverRecord,
  signInRuntime,
  signOnPad,
  signOutRuntime,
  viewRows,
} from '../ui.ts';
import { CAST, CAST_PASSWORD, LINE_APP, type Person } from './staff.ts';

const W = {
  en: {
    newInspection: 'New Inspection record',
    line: /^Line/,
    day: 'Day shift',
    product: /^Product/,
    batch: /^Batch/,
    shiftLead: /^Shift lead on duty/,
    pickShiftLead: 'Choose Shift lead on duty',
    characteristics: /^Characteristics/,
    addRow: 'Add row',
    row: (label: string, n: number) => `${label} Row ${n}`,
    characteristic: 'Characteristic',
    lower: 'Lower limit',
    upper: 'Upper limit',
    measured: 'Measured',
    overall: 'Overall result',
    defectType: /^Defect type/,
    takePhoto: /^Take photo/,
    photo1: 'Photo 1',
    signInspector: /^Sign Inspector signature/,
    padInspector: 'Sign here: Inspector signature',
    signedInspector: 'Signature: Inspector signature',
    done: 'Done',
    fixture: /^Fixture no\./,
    saved: /Draft saved/,
    submit: 'Submit',
    waiting: 'Waiting',
    synced: 'Synced',
    version1: 'Filled with form version 1',
    drafts: 'Drafts',
    home: 'Home',
    offline: 'Offline',
  },
  'zh-CN': {
    newInspection: '新建质检记录',
    line: /^产线/,
    day: '白班',
    product: /^产品/,
    batch: /^生产批次/,
    shiftLead: /^当班班长/,
    pickShiftLead: '选择当班班长',
    characteristics: /^检验项目/,
    addRow: '添加一行',
    row: (label: string, n: number) => `${label} 第 ${n} 行`,
    characteristic: '检验项目',
    lower: '下限',
    upper: '上限',
    measured: '实测值',
    overall: '总体判定',
    defectType: /^缺陷类型/,
    takePhoto: /^拍照/,
    photo1: '照片 1',
    signInspector: /^签名 检验员签名/,
    padInspector: '请在此处签名：检验员签名',
    signedInspector: '检验员签名的签名',
    done: '完成',
    fixture: /^夹具编号/,
    saved: /草稿已自动保存/,
    submit: '提交',
    waiting: '待同步',
    synced: '已同步',
    version1: '按表单第 1 版填写',
    drafts: '草稿',
    home: '首页',
    offline: '离线',
  },
} as const;

export interface Tablets {
  a: Page;
  b: Page;
}

/** Everything the journey made, to check on the server (and, scaled out, on each process). */
export interface ShiftResult {
  records: string[];
  inspections: { id: string; batch: string }[];
}

/** A required sub-table starts with one empty row; add one only when it does not. */
async function firstRow(page: Page, table: RegExp, firstField: string, addRow: string) {
  if ((await page.getByLabel(firstField).count()) === 0) {
    await page.getByRole('group', { name: table }).getByRole('button', { name: addRow }).click();
  }
  await expect(page.getByLabel(firstField)).toBeVisible();
}

/** The header fields of an inspection and one characteristic row, measured out of spec (NG). */
async function startInspection(page: Page, lang: Lang, app: string, batch: string, shiftLead: string) {
  const w = W[lang];
  await page.getByRole('link', { name: w.home }).click();
  await page.getByRole('region', { name: app }).getByRole('link', { name: w.newInspection }).click();
  await page.getByRole('combobox', { name: w.line }).selectOption('L2');
  await page.getByLabel(w.day).check();
  await page.getByRole('combobox', { name: w.product }).selectOption('P-2002');
  await page.getByRole('textbox', { name: w.batch }).fill(batch);
  await page.getByRole('button', { name: w.shiftLead }).click();
  await page.getByRole('list', { name: w.pickShiftLead }).getByRole('button', { name: shiftLead }).click();
  await firstRow(page, w.characteristics, w.row(w.characteristic, 1), w.addRow);
  await page.getByLabel(w.row(w.characteristic, 1)).fill('Bore diameter');
  await page.getByLabel(w.row(w.lower, 1)).fill('24.95');
  await page.getByLabel(w.row(w.upper, 1)).fill('25.05');
  await page.getByLabel(w.row(w.measured, 1)).fill('25.12');
  await expect(page.getByLabel(w.overall)).toContainText('NG');
  await expect(page.getByText(w.saved)).toBeVisible();
  return recordIdOf(page);
}

/** The NG part: defect type, a photo, the inspector's signature. */
async function finishNg(page: Page, lang: Lang) {
  const w = W[lang];
  await page.getByRole('combobox', { name: w.defectType }).selectOption('dimension');
  const chooser = page.waitForEvent('filechooser');
  await page.getByText(w.takePhoto).click();
  await (await chooser).setFiles(await defectPhoto(page));
  await expect(page.getByRole('img', { name: w.photo1 })).toBeVisible();
  await page.getByRole('button', { name: w.signInspector }).click();
  await signOnPad(page, page.getByRole('img', { name: w.padInspector }), page.getByRole('button', { name: w.done }));
  await expect(page.getByRole('img', { name: w.signedInspector })).toBeVisible();
}

async function waitForApp(page: Page, app: string) {
  await expect(page.getByRole('region', { name: app })).toBeVisible();
  // The service worker must control the page before the network goes away.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

/**
 * Before version 2: operator 1 starts two inspections on tablet A under version 1, then the tablet
 * loses the network (it stays offline until the operators' journey brings it back).
 */
export async function operatorHoldsV1Drafts(page: Page, base: string): Promise<{ id: string; batch: string }[]> {
  const drafts: { id: string; batch: string }[] = [];
  await test.step('operator 1 signs in on tablet A; the app downloads', async () => {
    await signInRuntime(page, base, CAST.op1.name, CAST_PASSWORD, 'en');
    await waitForApp(page, LINE_APP.name);
  });
  for (const batch of ['L2-V1-001', 'L2-V1-002']) {
    await test.step(`starts a version-1 inspection ${batch} (draft)`, async () => {
      drafts.push({ id: await startInspection(page, 'en', LINE_APP.name, batch, 'Zhang Wei'), batch });
    });
  }
  await test.step('tablet A goes offline with both drafts', async () => {
    await page.context().setOffline(true);
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: W.en.offline })).toBeVisible();
  });
  return drafts;
}

async function signFor(page: Page, who: Person, lang: Lang, base: string) {
  await signOutRuntime(page, lang);
  await signInRuntime(page, base, who.name, CAST_PASSWORD, lang);
}

/**
 * Approve on a step that needs a signature opens the pad. The inbox refreshes itself from the
 * server, which can swap the card under a tap: tap again until the pad is there.
 */
async function openSignaturePad(page: Page, task: Locator) {
  await expect(async () => {
    await task.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByRole('img', { name: /^Sign here/ })).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

/**
 * Signs on the task's pad and waits for it to close: the card holds the signature only once the
 * device has stored it, and an Approve tapped before that opens the pad again instead of approving.
 */
async function signForTask(page: Page) {
  const pad = page.getByRole('img', { name: /^Sign here/ });
  await signOnPad(page, pad, page.getByRole('button', { name: 'Done' }));
  await expect(pad).toHaveCount(0);
}

/** The task card in the inbox for one record. */
function taskFor(page: Page, recordId: string) {
  return page.getByRole('article').filter({ has: page.locator(`a[href$="${recordId}"]`) });
}

export async function operatorsShift(
  tablets: Tablets,
  base: string,
  v1Drafts: { id: string; batch: string }[],
): Promise<ShiftResult> {
  const { a, b } = tablets;
  const result: ShiftResult = { records: [], inspections: [] };
  const w = W.en;

  await test.step('tablet A, still offline: both version-1 drafts open, finish and submit', async () => {
    for (const { id, batch } of v1Drafts) {
      await a.getByRole('link', { name: w.drafts }).click();
      await a.getByRole('link', { name: new RegExp(batch) }).click();
      await expect(a.getByRole('textbox', { name: w.batch })).toHaveValue(batch);
      // Version 1 has no fixture number.
      await expect(a.getByRole('textbox', { name: w.fixture })).toHaveCount(0);
      await finishNg(a, 'en');
      await a.getByRole('button', { name: w.submit }).click();
      await expect(a.getByText(w.waiting, { exact: true })).toBeVisible();
      await expect(a.getByText(w.version1)).toBeVisible();
      result.inspections.push({ id, batch });
      result.records.push(id);
    }
    await expect(a.getByText('2 waiting to sync')).toBeVisible();
  });

  await test.step('tablet B (portrait, zh-CN): operator 2 inspects under version 2 with the fixture number', async () => {
    await signInRuntime(b, base, CAST.op2.name, CAST_PASSWORD, 'zh-CN');
    await waitForApp(b, LINE_APP.name);
    const zh = W['zh-CN'];
    const batch = 'L2-V2-003';
    const id = await startInspection(b, 'zh-CN', LINE_APP.name, batch, '张伟');
    await b.getByRole('textbox', { name: zh.fixture }).fill('FX-207');
    await finishNg(b, 'zh-CN');
    await b.getByRole('button', { name: zh.submit }).click();
    await expect(b.getByText(zh.synced, { exact: true })).toBeVisible();
    const { record } = await serverRecord(b.request, base, id);
    expect(record.version).toBe(2);
    expect(record.createdBy).toBe(CAST.op2.name);
    expect(record.data).toMatchObject({ batch, result: 'NG', fixture_no: 'FX-207' });
    result.inspections.push({ id, batch });
    result.records.push(id);
  });

  await test.step('tablet A back online: the version-1 records sync once each, still version 1', async () => {
    await a.context().setOffline(false);
    // The tablet notices the network by itself and pushes its outbox.
    await expect(a.getByRole('region', { name: 'Sync status' })).toContainText('All synced', { timeout: 60_000 });
    for (const { id, batch } of v1Drafts) {
      const { record, workflow } = await serverRecord(a.request, base, id);
      expect(record.version).toBe(1);
      expect(record.data).toMatchObject({ batch, result: 'NG' });
      expect(workflow?.status).toBe('running');
    }
  });

  await test.step('the QC lead approves one NG inspection (signed) and returns the other', async () => {
    await signFor(a, CAST.qcLead, 'en', base);
    await a.getByRole('link', { name: 'Inbox' }).click();
    const [first, second] = v1Drafts;
    const approve = taskFor(a, first?.id ?? '');
    await expect(approve).toBeVisible();
    await openSignaturePad(a, approve);
    await signForTask(a);
    await approve.getByRole('button', { name: 'Approve' }).click();
    const back = taskFor(a, second?.id ?? '');
    await expect(back).toBeVisible();
    await back.getByRole('textbox', { name: 'Comment' }).fill('Re-measure with the CMM, please');
    await back.getByRole('button', { name: 'Return' }).click();
    await expect(taskFor(a, first?.id ?? '')).toHaveCount(0);
    await expect(taskFor(a, second?.id ?? '')).toHaveCount(0);
    await expect
      .poll(async () => (await serverRecord(a.request, base, first?.id ?? '')).workflow?.status, { timeout: 30_000 })
      .toBe('approved');
    await expect
      .poll(async () => (await serverRecord(a.request, base, second?.id ?? '')).workflow?.status, { timeout: 30_000 })
      .toBe('returned');
  });

  await test.step('the outgoing shift lead hands over on tablet B to the incoming lead', async () => {
    await signOutRuntime(b, 'zh-CN');
    await signInRuntime(b, base, 'zhang.wei', 'demo1234', 'en');
    await b.getByRole('link', { name: 'New Shift handover' }).click();
    await b.getByRole('combobox', { name: /^Line/ }).selectOption('L2');
    await b.getByLabel('Day shift').check();
    await b.getByRole('button', { name: /^Incoming lead/ }).click();
    await b
      .getByRole('list', { name: 'Choose Incoming lead' })
      .getByRole('button', { name: CAST.shiftLead.en })
      .click();
    await firstRow(b, /^Output this shift/, 'Product Row 1', 'Add row');
    await b.getByLabel('Product Row 1').selectOption('P-2002');
    await b.getByLabel('Planned Row 1').fill('300');
    await b.getByLabel('Good Row 1').fill('291');
    await b.getByLabel('Scrap Row 1').fill('9');
    await firstRow(b, /^Equipment state/, 'Machine Row 1', 'Add row');
    await b.getByLabel('Machine Row 1').selectOption('CNC-01');
    await b.getByRole('textbox', { name: 'Open issues' }).fill('Two NG bores on P-2002; CMM re-check pending');
    await b.getByRole('textbox', { name: /^Safety notes/ }).fill('Floor dry, guards in place.');
    await b.getByRole('button', { name: /^Sign Outgoing lead signature/ }).click();
    await signOnPad(
      b,
      b.getByRole('img', { name: 'Sign here: Outgoing lead signature' }),
      b.getByRole('button', { name: 'Done' }),
    );
    const id = recordIdOf(b);
    await b.getByRole('button', { name: 'Submit' }).click();
    await expect(b.getByText('Synced', { exact: true })).toBeVisible();
    result.records.push(id);
    const { workflow } = await serverRecord(b.request, base, id);
    expect(workflow?.tasks?.map((t) => [t.node, t.assignee])).toEqual([['incoming_accepts', CAST.shiftLead.name]]);

    await signFor(a, CAST.shiftLead, 'en', base);
    await a.getByRole('link', { name: 'Inbox' }).click();
    const task = taskFor(a, id);
    await expect(task).toBeVisible();
    await openSignaturePad(a, task);
    await signForTask(a);
    await task.getByRole('button', { name: 'Approve' }).click();
    await expect(task).toHaveCount(0);
    await expect
      .poll(async () => (await serverRecord(a.request, base, id)).workflow?.status, { timeout: 30_000 })
      .toBe('approved');
  });

  await test.step('the warehouse keeper receives stock offline on tablet B, then syncs', async () => {
    await signOutRuntime(b, 'en');
    await signInRuntime(b, base, CAST.keeper.name, CAST_PASSWORD, 'en');
    await waitForApp(b, 'Inventory in/out');
    await b.context().setOffline(true);
    for (const [docNo, lines] of [
      [
        'RK-20251123-801',
        [
          ['ITM-10001', 40, 'A-03'],
          ['ITM-10002', 25, 'A-03'],
        ],
      ],
      ['RK-20251123-802', [['ITM-10001', 15, 'A-03']]],
    ] as const) {
      await b.getByRole('link', { name: 'Home' }).click();
      await b.getByRole('link', { name: 'New Stock in' }).click();
      await b.getByRole('textbox', { name: /^Receipt no\./ }).fill(docNo);
      await b.getByRole('textbox', { name: /^Supplier/ }).fill('Ningbo Precision Bearings');
      for (const [i, [code, qty, location]] of lines.entries()) {
        await b.getByRole('textbox', { name: 'Scan to add to Items' }).fill(code);
        await b.getByRole('textbox', { name: 'Scan to add to Items' }).press('Enter');
        await b.getByLabel(`Item name Row ${i + 1}`).fill(`Part ${code}`);
        await b.getByLabel(`Batch Row ${i + 1}`).fill('B2511-01');
        await b.getByLabel(`Quantity Row ${i + 1}`).fill(String(qty));
        await b.getByLabel(`Location Row ${i + 1}`).selectOption(location);
      }
      const id = recordIdOf(b);
      await b.getByRole('button', { name: 'Submit' }).click();
      await expect(b.getByText('Waiting', { exact: true })).toBeVisible();
      result.records.push(id);
    }
    await b.context().setOffline(false);
    await expect(b.getByRole('region', { name: 'Sync status' })).toContainText('All synced', { timeout: 60_000 });
  });

  await test.step('the stock-balance view equals the sum of the line items on the server', async () => {
    const expected = await balanceFromRecords(b.request, base);
    await b.getByRole('link', { name: 'Home' }).click();
    await b
      .getByRole('navigation', { name: 'Inventory in/out · Views' })
      .getByRole('link', { name: 'Stock balance' })
      .click();
    const table = b.getByRole('table').first();
    await expect(table.getByRole('row', { name: /ITM-10001 A-03/ })).toBeVisible();
    const shown = new Map<string, number>();
    for (const row of await table.getByRole('row').all()) {
      const cells = (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim());
      if (cells.length < 5) continue;
      shown.set(`${cells[0]} ${cells[1]}`, Number((cells[4] ?? '').replace(/[^0-9.-]/g, '')));
    }
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
    expect(shown.get('ITM-10001 A-03')).toBe(expected.get('ITM-10001 A-03'));
  });

  return result;
}

/** Stock on hand per item and location from the records: receipts minus approved issues. */
export async function balanceFromRecords(request: APIRequestContext, base: string): Promise<Map<string, number>> {
  const balance = new Map<string, number>();
  const add = (item: string, location: string, qty: number) => {
    const key = `${item} ${location}`;
    balance.set(key, Math.round(((balance.get(key) ?? 0) + qty) * 100) / 100);
  };
  for (const [view, sign] of [
    ['stock_in_list', 1],
    ['stock_out_list', -1],
  ] as const) {
    for (const row of await viewRows(request, base, 'inventory', view)) {
      const { record, workflow } = await serverRecord(request, base, row.id ?? '');
      if (sign < 0 && workflow?.status !== 'approved') continue;
      for (const line of (record.data.lines ?? []) as { item_code: string; location: string; qty: number }[]) {
        add(line.item_code, line.location, sign * line.qty);
      }
    }
  }
  return balance;
}
