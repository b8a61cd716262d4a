import { readFile } from 'node:fs/promises';
import { validateDefinition } from '@gongfang/schema';
import { expect, test } from '@playwright/test';
import { card, dragTo, palette, setLabel } from './helpers.ts';

test('builds a stock-in form by drag and drop, one move by keyboard, and round-trips its JSON', async ({ page }) => {
  await page.goto('/?lang=en');
  const canvas = page.getByRole('main', { name: 'Form canvas' });
  const props = page.getByRole('complementary', { name: 'Properties' });

  // Header: a section with receipt number, date, type and a supplier shown only for purchases.
  await dragTo(page, palette(page, 'Section'), canvas.getByText('Drag fields here from the left to start'));
  await setLabel(page, '单据信息', 'Document', 'Section');
  const header = canvas.getByRole('group', { name: 'Fields in Document' });
  await dragTo(page, palette(page, 'Text'), header);
  await setLabel(page, '入库单号', 'Receipt no.', 'Text');
  await props.getByRole('checkbox', { name: 'Required' }).check();
  await expect(props.getByLabel('Field id')).toHaveValue('receipt_no');
  await dragTo(page, palette(page, 'Date / time'), header, 'end');
  await setLabel(page, '入库日期', 'Date', 'Date / time');
  await dragTo(page, palette(page, 'Single choice'), header, 'end');
  await setLabel(page, '入库类型', 'Type', 'Single choice');
  await props
    .getByRole('textbox', { name: 'Options' })
    .fill('purchase\t采购入库\tPurchase\nreturn\t退料入库\tLine return');
  await dragTo(page, palette(page, 'Text'), header, 'end');
  await setLabel(page, '供应商', 'Supplier', 'Text');

  // The visibility rule, typed with completion, checked live.
  const rule = props.getByRole('combobox', { name: 'Visible when' });
  await rule.click();
  await rule.pressSequentially('ty');
  await expect(props.getByRole('option', { name: /^type/ })).toBeVisible();
  await rule.press('Enter');
  await rule.pressSequentially(' = "purch');
  await expect(props.getByText(/Error in|text|Unexpected|unterminated/i).first()).toBeVisible();
  await rule.pressSequentially('ase"');
  await expect(rule).toHaveValue('type = "purchase"');
  await expect(props.getByText('✓ Looks right · boolean').first()).toBeVisible();

  // Line items: a sub-table with quantity, unit price and a formula column.
  await dragTo(page, palette(page, 'Sub-table'), canvas, 'end');
  await setLabel(page, '物料明细', 'Items', 'Sub-table');
  const lines = canvas.getByRole('group', { name: 'Fields in Items' });
  await dragTo(page, palette(page, 'Number'), lines, 'end');
  await setLabel(page, '数量', 'Qty', 'Number');
  await dragTo(page, palette(page, 'Number'), lines, 'end');
  await setLabel(page, '单价', 'Unit price', 'Number');
  await dragTo(page, palette(page, 'Formula'), lines, 'end');
  await setLabel(page, '金额', 'Amount', 'Formula');
  const formula = props.getByRole('combobox', { name: 'Formula' });
  await formula.fill('qty * unit_price');
  await expect(props.getByText('✓ Looks right · number')).toBeVisible();
  await expect(page.getByRole('button', { name: /0 problem|No problems/ })).toBeVisible();

  // Keyboard only: move the Amount column left of Unit price (a pause between keys, as a person makes).
  await card(page, 'Amount').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('[id^="DndLiveRegion"]').first()).toContainText(/Picked up Amount|Amount is over Amount/);
  await page.waitForTimeout(200);
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('[id^="DndLiveRegion"]').first()).toContainText('Amount is over Unit price');
  await page.waitForTimeout(200);
  await page.keyboard.press('Space');
  await expect(page.locator('[id^="DndLiveRegion"]').first()).toContainText('Amount was dropped at Unit price');

  const doc = await page.evaluate(() => (window as unknown as { designer: { doc: unknown } }).designer.doc);
  const form = (doc as { forms: { fields: { id: string; fields?: { id: string }[] }[] }[] }).forms[0]!;
  expect(form.fields.map((f) => f.id)).toEqual(['document', 'items']);
  expect(form.fields[0]!.fields!.map((f) => f.id)).toEqual(['receipt_no', 'date', 'type', 'supplier']);
  expect(form.fields[1]!.fields!.map((f) => f.id)).toEqual(['item', 'qty', 'amount', 'unit_price']);

  // Export, validate, re-import: the same form comes back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const file = await (await download).path();
  const json = await readFile(file, 'utf8');
  const result = validateDefinition(JSON.parse(json));
  expect(result.errors).toEqual([]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'stock-in.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  const again = await page.evaluate(() => (window as unknown as { designer: { doc: unknown } }).designer.doc);
  expect(again).toEqual(JSON.parse(json));
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
