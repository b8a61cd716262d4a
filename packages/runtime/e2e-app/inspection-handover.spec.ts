import { expect, test } from '@playwright/test';
import { defectPhoto, drawSignature, fillHandover, recordIdOf, serverRecord, signIn } from './helpers.ts';

test('quality inspection: an out-of-spec value computes NG, photo and signature attached, routed to the QC lead', async ({
  page,
}, info) => {
  const batch = `B${Date.now() % 100000}-${info.project.name === 'portrait' ? 'P' : 'L'}`;
  await signIn(page, 'zhou.min');
  await page.getByRole('link', { name: 'New Inspection record' }).click();
  await page.getByRole('combobox', { name: /^Line/ }).selectOption('L1');
  await page.getByLabel('Day shift').check();
  await page.getByRole('combobox', { name: /^Product/ }).selectOption('P-2001');
  await page.getByRole('textbox', { name: /^Batch/ }).fill(batch);
  // The shift lead has never used this tablet: the picker offers them from the server's directory.
  await page.getByRole('button', { name: /^Shift lead on duty/ }).click();
  await page
    .getByRole('list', { name: 'Choose Shift lead on duty' })
    .getByRole('button', { name: 'Zhang Wei' })
    .click();
  await expect(page.getByRole('button', { name: /^Shift lead on duty/ })).toHaveText(/Zhang Wei/);

  // The characteristics table (minRows: 1) starts with its first row.
  await page.getByLabel('Characteristic Row 1').fill('Bore diameter');
  await page.getByLabel('Lower limit Row 1').fill('24.95');
  await page.getByLabel('Upper limit Row 1').fill('25.05');
  await page.getByLabel('Measured Row 1').fill('25.12');
  await expect(page.getByLabel('Overall result')).toContainText('NG');
  await expect(page.getByLabel('NG characteristics')).toContainText('1');

  // NG shows the defect fields; the photo comes through the camera's file chooser.
  await page.getByRole('combobox', { name: /^Defect type/ }).selectOption('dimension');
  const chooser = page.waitForEvent('filechooser');
  await page.getByText(/^Take photo/).click();
  await (await chooser).setFiles(await defectPhoto(page));
  await expect(page.getByRole('img', { name: 'Photo 1' })).toBeVisible();

  await page.getByRole('button', { name: /^Sign Inspector signature/ }).click();
  const pad = page.getByRole('img', { name: 'Sign here: Inspector signature' });
  await drawSignature(page, pad, info.project.name === 'portrait' ? 'touch' : 'mouse');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('img', { name: 'Signature: Inspector signature' })).toBeVisible();

  const id = recordIdOf(page);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Synced', { exact: true })).toBeVisible({ timeout: 20_000 });

  const { record, workflow } = await serverRecord(page, id);
  expect(record.createdBy).toBe('zhou.min');
  expect(record.data).toMatchObject({ batch, result: 'NG', ng_count: 1, shift_lead: 'zhang.wei' });
  expect((record.data.items as { judgement: string }[])[0]?.judgement).toBe('NG');
  expect(record.data.defect_photos).toHaveLength(1);
  expect(record.data.inspector_signature).toBeTruthy();
  expect(workflow?.status).toBe('running');
  expect(workflow?.tasks?.map((t) => [t.node, t.assignee])).toEqual([['qc_lead_review', 'huang.tao']]);
});

test('shift handover: the incoming lead is picked from the directory and gets the task', async ({ page }, info) => {
  const issues = `Coolant pump on CNC-02 noisy (${info.project.name} ${Date.now() % 100000})`;
  await signIn(page, 'zhang.wei');
  await page.getByRole('link', { name: 'New Shift handover' }).click();
  // Chen Jing never signed in on this tablet: only the directory knows her.
  await page.getByRole('button', { name: /^Incoming lead/ }).click();
  const picker = page.getByRole('list', { name: 'Choose Incoming lead' });
  await expect(picker.getByRole('button')).toHaveText(['Chen Jing', 'Zhang Wei']);
  await page.getByRole('button', { name: /^Incoming lead/ }).click();
  const input = info.project.name === 'portrait' ? 'touch' : 'mouse';
  await fillHandover(page, { line: 'L1', shift: 'Day shift', incoming: 'Chen Jing', issues, input });
  const id = recordIdOf(page);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Synced', { exact: true })).toBeVisible({ timeout: 20_000 });
  const { record, workflow } = await serverRecord(page, id);
  expect(record.data).toMatchObject({ outgoing_lead: 'zhang.wei', incoming_lead: 'chen.jing', open_issues: issues });
  expect(record.data.total_good).toBe(388);
  expect(workflow?.tasks?.map((t) => [t.node, t.assignee])).toEqual([['incoming_accepts', 'chen.jing']]);
});
