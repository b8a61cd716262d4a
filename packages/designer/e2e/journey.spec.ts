import { readFile } from 'node:fs/promises';
import { validateDefinition } from '@gongfang/schema';
import { expect, type Page, test } from '@playwright/test';
import { card, dragTo, palette, setLabel } from './helpers.ts';
import { type RealServer, startRealServer } from './journeyServer.ts';

// From an empty app to an approved record, against the real server: the designer at /designer/,
// the runtime at /app/. Screenshots of the publish dialog when SCREENSHOTS=1.
test.use({ actionTimeout: 20_000 });
let server: RealServer;
test.beforeAll(async () => {
  test.setTimeout(420_000);
  server = await startRealServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const shots = !!process.env.SCREENSHOTS;
const designerDoc = (page: Page) =>
  page.evaluate(() => (window as unknown as { designer: { doc: unknown } }).designer.doc);

async function buildForm(page: Page) {
  const canvas = page.getByRole('main', { name: 'Form canvas' });
  const props = page.getByRole('complementary', { name: 'Properties' });
  await dragTo(page, palette(page, 'Text'), canvas.getByText('Drag fields here from the left to start'));
  await setLabel(page, '入库单号', 'Receipt no.', 'Text');
  await props.getByRole('checkbox', { name: 'Required' }).check();
  await dragTo(page, palette(page, 'Single choice'), canvas, 'end');
  await setLabel(page, '入库类型', 'Type', 'Single choice');
  await props
    .getByRole('textbox', { name: 'Options' })
    .fill('purchase\t采购入库\tPurchase\nreturn\t退料入库\tLine return');
  await dragTo(page, palette(page, 'Text'), canvas, 'end');
  await setLabel(page, '供应商', 'Supplier', 'Text');
  const rule = props.getByRole('combobox', { name: 'Visible when' });
  await rule.click();
  await rule.pressSequentially('ty');
  await rule.press('Enter');
  await rule.pressSequentially(' = "purchase"');
  await expect(props.getByText('✓ Looks right · boolean').first()).toBeVisible();
  await dragTo(page, palette(page, 'Sub-table'), canvas, 'end');
  await setLabel(page, '物料明细', 'Items', 'Sub-table');
  const lines = canvas.getByRole('group', { name: 'Fields in Items' });
  await dragTo(page, palette(page, 'Number'), lines, 'end');
  await setLabel(page, '数量', 'Qty', 'Number');
  await dragTo(page, palette(page, 'Number'), lines, 'end');
  await setLabel(page, '单价', 'Unit price', 'Number');
  await dragTo(page, palette(page, 'Formula'), lines, 'end');
  await setLabel(page, '金额', 'Amount', 'Formula');
  await props.getByRole('combobox', { name: 'Formula' }).fill('qty * unit_price');
  await expect(props.getByText('✓ Looks right · number')).toBeVisible();
  await dragTo(page, palette(page, 'Formula'), card(page, 'Supplier'));
  await setLabel(page, '合计金额', 'Total', 'Formula');
  await props.getByRole('combobox', { name: 'Formula' }).fill('SUM(items.amount)');
  await expect(props.getByText('✓ Looks right · number')).toBeVisible();

  // Keyboard only: Amount moves left of Unit price.
  const live = page.locator('[id^="DndLiveRegion"]').first();
  await card(page, 'Amount').focus();
  await page.keyboard.press('Space');
  await expect(live).toContainText(/Picked up Amount|Amount is over Amount/);
  await page.waitForTimeout(200);
  await page.keyboard.press('ArrowLeft');
  await expect(live).toContainText('Amount is over Unit price');
  await page.waitForTimeout(200);
  await page.keyboard.press('Space');
  await expect(live).toContainText('Amount was dropped at Unit price');
}

async function buildFlow(page: Page) {
  await page.getByRole('button', { name: 'Flow', exact: true }).click();
  const settings = page.getByRole('complementary', { name: 'Step settings' });
  const flow = page.getByRole('main', { name: 'Approval flow' });
  await flow.getByRole('button', { name: 'Initiator' }).click();
  await settings.getByRole('checkbox', { name: 'Operator' }).check();
  await settings.getByRole('checkbox', { name: 'Staff' }).uncheck();

  await flow.getByRole('button', { name: 'Add a step here' }).first().click();
  await page.getByRole('menuitem', { name: 'Condition branch' }).click();
  const branches = flow.getByRole('region', { name: /^Condition branch/ });
  await expect(branches.getByText('Set a condition')).toBeVisible();
  // The empty condition is a problem, marked on its branch.
  await expect(branches.getByRole('img', { name: /1 problem/ })).toBeVisible();

  await branches.getByRole('button', { name: 'Branch: Condition 1' }).click();
  await settings.getByLabel('Condition 1 field').selectOption({ label: 'Total' });
  await settings.getByLabel('Condition 1 operator').selectOption('>');
  await settings.getByLabel('Condition 1 value').fill('100');
  await expect(settings.getByText('total > 100')).toBeVisible();
  await expect(branches.getByRole('img', { name: /problem/ })).toHaveCount(0);

  await branches.getByRole('button', { name: 'Add a step here' }).first().click();
  await page.getByRole('menuitem', { name: 'Approver' }).click();
  await settings.getByLabel('Name English').fill('Lead approves');
  await settings.getByLabel('Name 中文').fill('主任审批');
  await settings.getByLabel('Chosen by').selectOption({ label: 'Role' });
  await settings.getByLabel('Role', { exact: true }).selectOption({ label: 'Workshop lead' });
  await settings.getByLabel('Comment required').selectOption({ label: 'Never' });

  await branches.getByRole('button', { name: 'Add a step here' }).nth(1).click();
  await page.getByRole('menuitem', { name: 'CC' }).click();
  await settings.getByLabel('Chosen by').selectOption({ label: 'Role' });
  await settings.getByLabel('Role', { exact: true }).selectOption({ label: 'Warehouse keeper' });
  await expect(flow.getByRole('button', { name: 'Approver: Lead approves' })).toContainText('Role: Workshop lead');
  await expect(flow.getByRole('button', { name: 'CC: CC' })).toContainText('Role: Warehouse keeper');
  await expect(page.getByRole('button', { name: /No problems/ })).toBeVisible();
}

test('a workshop lead builds stock-in with an approval branch and publishes it; an operator submits, the lead approves', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const base = server.base;
  await page.goto(`${base}/designer/?lang=en`);
  await page.getByLabel('User name').fill('li.qiang');
  await page.getByLabel('Password').fill('demo1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('App id (lower-case)').fill('stock_journey');
  await page.getByLabel('App name').fill('Stock journey');
  await page.getByRole('button', { name: 'Create' }).first().click();
  await expect(page.getByRole('main', { name: 'Form canvas' })).toBeVisible();

  await buildForm(page);
  await buildFlow(page);

  // Publish: the note, the server's diff of the saved draft, then the new version.
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
  await expect(dialog.getByText('First publish: nothing published yet')).toBeVisible();
  await dialog.getByLabel('Version note').fill('Stock-in with lead approval above 100');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByText('Published version v1', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Versions' })).toContainText('Stock-in with lead approval above 100');
  await dialog.getByRole('button', { name: 'Close' }).last().click();

  // A second version: a change shows in the diff before it is published.
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  const canvas = page.getByRole('main', { name: 'Form canvas' });
  await dragTo(page, palette(page, 'Paragraph'), canvas.getByRole('button', { name: /^Field: ?Total/ }));
  await setLabel(page, '备注', 'Remarks', 'Paragraph');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByText('Changes since the published version v1')).toBeVisible();
  await expect(dialog.getByRole('list').first()).toContainText(/remarks/i);
  if (shots) {
    await dialog.getByLabel('Version note').fill('Remarks field');
    await page.screenshot({ path: '../../docs/screenshots/designer-publish-en.png' });
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '发布', exact: true }).click();
    const zh = page.getByRole('dialog', { name: '发布新版本' });
    await expect(zh.getByText('与已发布版本 v1 相比的变化')).toBeVisible();
    await zh.getByLabel('版本说明').fill('增加备注字段');
    await page.screenshot({ path: '../../docs/screenshots/designer-publish-zh-CN.png' });
    await zh.getByRole('button', { name: '关闭' }).last().click();
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
  }
  await dialog.getByLabel('Version note').fill('Remarks field');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByText('Published version v2', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).last().click();

  // Export validates; importing it back gives the same definition.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const json = await readFile((await (await download).path())!, 'utf8');
  expect(validateDefinition(JSON.parse(json)).errors).toEqual([]);
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'stock.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  expect(await designerDoc(page)).toEqual(JSON.parse(json));

  // The operator submits 5 × 30 = 150: above 100, so the lead's approval branch.
  const operator = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await signInRuntime(operator, base, 'liu.yang');
  await operator.getByRole('link', { name: 'New New form' }).click();
  await operator.getByLabel(/^Receipt no\./).fill('RK-JOURNEY-1');
  await operator.getByRole('radio', { name: 'Purchase' }).check();
  await operator.getByLabel(/^Supplier/).fill('Ningbo Bearings');
  await operator.getByRole('button', { name: 'Add row' }).click();
  await operator.getByLabel('Name Row 1').fill('ITM-10001');
  await operator.getByLabel('Qty Row 1').fill('5');
  await operator.getByLabel('Unit price Row 1').fill('30');
  await expect(operator.getByLabel(/^Total/)).toContainText('150');
  const recordId = /[0-9a-f]{8}-[0-9a-f-]{27}/.exec(new URL(operator.url()).hash)?.[0] ?? '';
  expect(recordId).not.toBe('');
  await operator.getByRole('button', { name: 'Submit' }).click();
  await expect(operator.getByText('Synced', { exact: true })).toBeVisible({ timeout: 20_000 });

  // The workshop lead sees the task in the runtime inbox and approves it.
  const lead = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await signInRuntime(lead, base, 'li.qiang');
  await lead.getByRole('link', { name: 'Inbox' }).click();
  const task = lead.getByRole('article', { name: 'Lead approves', exact: true });
  await expect(task).toBeVisible({ timeout: 20_000 });
  await task.getByRole('button', { name: 'Approve' }).click();
  await expect
    .poll(
      async () => {
        const answer = await lead.request.get(`${base}/api/records/${recordId}`);
        const body = (await answer.json()) as { workflow?: { status?: string } };
        return body.workflow?.status;
      },
      { timeout: 20_000 },
    )
    .toBe('approved');
});

async function signInRuntime(page: Page, base: string, user: string) {
  await page.goto(`${base}/app/`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill('demo1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}
