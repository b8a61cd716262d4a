import { expect, test } from '@playwright/test';
import { base, fillHandover, recordIdOf, serverRecord, signIn, switchByPin } from './helpers.ts';

test("PIN switch on an enrolled tablet: B submits while A's draft stays A's and stays put", async ({ page }, info) => {
  const input = info.project.name === 'portrait' ? 'touch' : 'mouse';
  const mine = `A: hydraulic leak under press 2 (${info.project.name} ${Date.now() % 100000})`;
  await signIn(page, 'zhang.wei');
  await page.getByRole('button', { name: 'Signed in: Zhang Wei' }).click();
  await page.getByRole('button', { name: 'Enroll as a shared tablet' }).click();
  await expect(page.getByRole('heading', { name: 'Enter a PIN or scan a badge' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Switch operator' }).getByRole('button', { name: 'Cancel' }).click();

  // Operator A starts a handover and leaves it as a draft.
  await page.getByRole('link', { name: 'New Shift handover' }).click();
  await page.getByRole('combobox', { name: /^Line/ }).selectOption('L2');
  await page.getByLabel('Night shift').check();
  await page.getByRole('textbox', { name: 'Open issues' }).fill(mine);
  await expect(page.getByText(/Draft saved/)).toBeVisible();
  const draftOfA = recordIdOf(page);

  // B, who never used this tablet, switches in by user name and PIN.
  await switchByPin(page, { name: 'chen.jing' }, '3691');
  await expect(page.getByRole('button', { name: 'Signed in: Chen Jing' })).toBeVisible();
  await page.getByRole('link', { name: 'Drafts' }).click();
  await expect(page.getByText('No drafts')).toBeVisible();
  await expect(page.getByText('1 item(s) of other operators are kept safe on this tablet')).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('link', { name: 'New Shift handover' }).click();
  await expect(page.getByRole('textbox', { name: 'Open issues' })).toHaveValue('');
  await fillHandover(page, { line: 'L1', shift: 'Day shift', incoming: 'Zhang Wei', issues: 'B: none', input });
  const recordOfB = recordIdOf(page);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Synced', { exact: true })).toBeVisible({ timeout: 20_000 });
  const b = await serverRecord(page, recordOfB);
  expect(b.record.createdBy).toBe('chen.jing');
  expect(b.record.data).toMatchObject({ outgoing_lead: 'chen.jing', incoming_lead: 'zhang.wei' });
  // A's draft never left the tablet.
  expect((await page.request.get(`${base()}/api/records/${draftOfA}`)).status()).toBe(404);

  // A comes back (picked from the tablet's people): the draft is A's, with what A typed.
  await switchByPin(page, { pick: 'Zhang Wei' }, '2580');
  await expect(page.getByRole('button', { name: 'Signed in: Zhang Wei' })).toBeVisible();
  await page.getByRole('link', { name: 'Drafts' }).click();
  await expect(page.getByRole('link', { name: /^Shift handover/ })).toHaveCount(1);
  await page.getByRole('link', { name: /^Shift handover · .* L2 night/ }).click();
  expect(recordIdOf(page)).toBe(draftOfA);
  await expect(page.getByRole('textbox', { name: 'Open issues' })).toHaveValue(mine);
  await expect(page.getByRole('button', { name: /^Outgoing lead/ })).toHaveText(/Zhang Wei/);
  await expect(page.getByRole('combobox', { name: /^Line/ })).toHaveValue('L2');
});
