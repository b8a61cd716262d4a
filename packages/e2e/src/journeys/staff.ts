/**
 * The IT department's and the business staff's journeys, in the designer at /designer/ as people
 * use it (roles and labels, not selectors).
 */
import { expect, type Page, test } from '@playwright/test';
import { signInDesigner } from '../ui.ts';

/** The people IT creates; the operators' journey signs in as them. */
export const CAST = {
  keeper: { name: 'tang.jun', zh: '唐军', en: 'Tang Jun', roles: ['Warehouse keeper'] },
  op1: { name: 'gao.feng', zh: '高峰', en: 'Gao Feng', roles: ['Operator', 'QC engineer', 'Line inspector'] },
  op2: { name: 'ma.lin', zh: '马琳', en: 'Ma Lin', roles: ['Operator', 'Line inspector'] },
  qcLead: { name: 'he.ping', zh: '何平', en: 'He Ping', roles: ['QC lead'] },
  shiftLead: { name: 'qian.hui', zh: '钱慧', en: 'Qian Hui', roles: ['Shift lead'] },
} as const;
export type Person = (typeof CAST)[keyof typeof CAST];
export const CAST_PASSWORD = 'shopfloor-2025';

/** The app the workshop lead makes from the IT department's template. */
export const LINE_APP = { id: 'qi_line2', name: 'Line 2 inspection' } as const;

export async function itJourney(page: Page, base: string): Promise<{ templateVersion: number }> {
  const nav = page.getByRole('navigation', { name: 'Admin navigation' });
  await test.step('IT signs in to the admin pages', async () => {
    await signInDesigner(page, `${base}/designer/?lang=en#/admin/users`, 'wang.fang');
    await expect(nav).toBeVisible();
  });

  await test.step('creates a role with both names', async () => {
    await nav.getByRole('link', { name: 'Roles' }).click();
    await page.getByLabel('Role id').fill('line_inspector');
    await page.getByLabel('Name (Chinese)').fill('巡线质检员');
    await page.getByLabel('Name (English)').fill('Line inspector');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('status')).toHaveText('Role Line inspector created');
    await expect(page.getByRole('row', { name: /line_inspector/ })).toContainText('巡线质检员');
  });

  for (const person of Object.values(CAST)) {
    await test.step(`creates ${person.name} (${person.roles.join(', ')})`, async () => {
      await nav.getByRole('link', { name: 'Users' }).click();
      await page.getByRole('button', { name: 'New user' }).click();
      const dialog = page.getByRole('dialog', { name: 'New user' });
      await dialog.getByLabel('User name').fill(person.name);
      await dialog.getByLabel('Password').fill(CAST_PASSWORD);
      await dialog.getByLabel('Name (Chinese)').fill(person.zh);
      await dialog.getByLabel('Name (English)').fill(person.en);
      for (const role of person.roles) {
        await dialog.getByRole('checkbox', { name: new RegExp(`^${role} [a-z_]+$`) }).check();
      }
      await dialog.getByRole('combobox', { name: 'Lead' }).selectOption({ label: 'Li Qiang (li.qiang)' });
      await dialog.getByRole('button', { name: 'Create' }).click();
      await expect(page.getByRole('status')).toHaveText(`User ${person.name} created`);
      await page.getByRole('searchbox', { name: /Search/ }).fill(person.name);
      const row = page.getByRole('row', { name: new RegExp(person.name.replace('.', '\\.')) });
      for (const role of person.roles) await expect(row).toContainText(role);
      await expect(row).toContainText('Active');
    });
  }

  await test.step('publishes the quality-inspection app as the next template version', async () => {
    await page.getByRole('link', { name: 'Back to designer' }).click();
    await page.getByRole('button', { name: 'Open Quality inspection log' }).click();
    await expect(page.getByRole('main', { name: 'Form canvas' })).toBeVisible();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
    await dialog.getByLabel('Version note').fill('Vetted by IT for every line');
    await dialog.getByRole('button', { name: 'Publish as template' }).click();
    await expect(dialog.getByText('Published as a template')).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).last().click();
  });

  return await test.step('the template versions page lists it', async () => {
    await page.getByRole('link', { name: 'Admin' }).click();
    await nav.getByRole('link', { name: 'Template versions' }).click();
    const main = page.getByRole('main');
    const row = main.getByRole('row', { name: /^Version 2 Vetted by IT for every line/ });
    await expect(row).toBeVisible();
    await expect(row).toContainText('wang.fang');
    return { templateVersion: 2 };
  });
}

/** Back on the designer's home (still signed in), the workshop lead opens the new app. */
export async function openLineApp(page: Page) {
  await page.getByRole('link', { name: 'Apps' }).click();
  await page.getByRole('button', { name: `Open ${LINE_APP.name}` }).click();
  await expect(page.getByRole('main', { name: 'Form canvas' })).toBeVisible();
}

async function publish(page: Page, note: string, version: number) {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
  await dialog.getByLabel('Version note').fill(note);
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByText(`Published version v${version}`, { exact: true })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Versions' })).toContainText(note);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
}

/** The workshop lead creates the line's app from the template and publishes it as version 1. */
export async function businessCreatesApp(page: Page, base: string) {
  await test.step('the workshop lead creates an app from the template', async () => {
    await signInDesigner(page, `${base}/designer/?lang=en`, 'li.qiang');
    await page.getByLabel('App id (lower-case)').fill(LINE_APP.id);
    await page.getByLabel('App name').fill(LINE_APP.name);
    const templates = page.getByRole('region', { name: 'New from a template' });
    await expect(templates.getByText('v2')).toBeVisible();
    await templates.getByRole('button', { name: 'New app from Quality inspection log' }).click();
    const canvas = page.getByRole('main', { name: 'Form canvas' });
    await expect(canvas.getByRole('heading', { name: 'Inspection record' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(LINE_APP.name);
  });
  await test.step('publishes it as version 1', async () => {
    await publish(page, 'Line 2 starts from the IT template', 1);
  });
}

/** Version 2: a field with a rule, and operators may now start inspections. */
export async function businessPublishesV2(page: Page) {
  const props = page.getByRole('complementary', { name: 'Properties' });
  await test.step('adds a "Fixture no." field required when the result is NG', async () => {
    await page.getByRole('button', { name: 'Form', exact: true }).click();
    await page.getByRole('button', { name: /^Field: ?Batch/ }).click();
    await page
      .getByRole('complementary', { name: 'Fields' })
      .getByRole('button', { name: 'Text', exact: true })
      .click();
    await expect(props.getByLabel('Label English')).toHaveValue('Text');
    await props.getByLabel('Label English').fill('Fixture no.');
    await props.getByLabel('Label 中文').fill('夹具编号');
    await expect(page.getByRole('button', { name: /^Field: ?Fixture no\./ })).toBeVisible();
    const rule = props.getByRole('combobox', { name: 'Required when' });
    await rule.fill('result = "NG"');
    await expect(props.getByText('✓ Looks right · boolean').first()).toBeVisible();
  });
  await test.step('lets operators start inspections (the flow’s initiator)', async () => {
    await page.getByRole('button', { name: 'Flow', exact: true }).click();
    const flow = page.getByRole('main', { name: 'Approval flow' });
    const settings = page.getByRole('complementary', { name: 'Step settings' });
    await flow.getByRole('button', { name: 'Initiator' }).click();
    await settings.getByRole('checkbox', { name: 'Operator' }).check();
    await expect(settings.getByRole('checkbox', { name: 'Operator' })).toBeChecked();
    await expect(page.getByRole('button', { name: /No problems/ })).toBeVisible();
  });
  await test.step('publishes version 2 (the diff shows the new field)', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
    await expect(dialog.getByText('Changes since the published version v1')).toBeVisible();
    await expect(dialog.getByRole('region', { name: 'Changes since the published version v1' })).toContainText(
      /Fixture no\./,
    );
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await publish(page, 'Fixture no. on NG; operators may inspect', 2);
  });
}
