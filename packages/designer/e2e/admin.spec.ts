import { expect, type Page, test } from '@playwright/test';
import { type AdminHarness, startAdminHarness } from './adminServer.ts';

let h: AdminHarness;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  h = await startAdminHarness();
});
test.afterAll(async () => {
  await h?.close();
});

async function adminSignIn(page: Page, lang: 'en' | 'zh-CN' = 'en') {
  await page.goto(`${h.designer}/?lang=${lang}#/admin/users`);
  await page.getByLabel(lang === 'en' ? 'User name' : '用户名').fill('wang.fang');
  await page.getByLabel(lang === 'en' ? 'Password' : '密码').fill('demo1234');
  await page.getByRole('button', { name: lang === 'en' ? 'Sign in' : '登录' }).click();
  await expect(page.getByRole('navigation', { name: lang === 'en' ? 'Admin navigation' : '管理导航' })).toBeVisible();
}

test('an IT user creates a role and a user with a PIN; that user signs in by PIN on an enrolled tablet', async ({
  page,
  browser,
}) => {
  const suffix = String(Date.now() % 100000);
  const roleId = `line_inspector_${suffix}`;
  const userName = `zhou.min.${suffix}`;
  await adminSignIn(page);

  // A role with both names.
  await page.getByRole('navigation', { name: 'Admin navigation' }).getByRole('link', { name: 'Roles' }).click();
  await page.getByLabel('Role id').fill(roleId);
  await page.getByLabel('Name (Chinese)').fill('巡线员');
  await page.getByLabel('Name (English)').fill('Line inspector');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('status')).toHaveText('Role Line inspector created');
  await expect(page.getByRole('row', { name: new RegExp(roleId) })).toContainText('巡线员');

  // A bad role id gets the server's message, in English.
  await page.getByLabel('Role id').fill(roleId);
  await page.getByLabel('Name (Chinese)').fill('重复');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('alert')).toContainText('Failed:');

  // A user with that role and a PIN.
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('User name').fill(userName);
  await dialog.getByLabel('Password').fill('inspect-2025');
  await dialog.getByLabel('Name (Chinese)').fill('周敏');
  await dialog.getByLabel('Name (English)').fill('Zhou Min');
  await dialog.getByRole('checkbox', { name: /Line inspector/ }).check();
  await dialog.getByLabel('PIN').fill('4826');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('status')).toHaveText(`User ${userName} created`);
  await page.getByRole('searchbox', { name: /Search/ }).fill(userName);
  const row = page.getByRole('row', { name: new RegExp(userName) });
  await expect(row).toContainText('Line inspector');
  await expect(row).toContainText('Set');

  // The audit log shows it and the chain verifies.
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('row', { name: /user\.create/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(page.getByRole('status')).toContainText('Verified: all');

  // The runtime on a shared tablet: a lead signs in, enrolls it, then the new user switches in by PIN.
  const tablet = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const app = await tablet.newPage();
  await app.goto(`${h.server}/app/`);
  await app.getByRole('button', { name: 'English' }).click();
  await app.getByLabel('User name').fill('wang.fang');
  await app.getByLabel('Password').fill('demo1234');
  await app.getByRole('button', { name: 'Sign in' }).click();
  await expect(app.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await app.getByRole('button', { name: /Signed in: Wang Fang/ }).click();
  await app.getByRole('button', { name: 'Enroll as a shared tablet' }).click();
  const pad = app.getByRole('dialog', { name: 'Switch operator' });
  await expect(pad.getByRole('heading', { name: 'Enter a PIN or scan a badge' })).toBeVisible();
  await pad.getByLabel('User name').fill(userName);
  for (const d of '4826') await pad.getByRole('button', { name: `Digit ${d}`, exact: true }).click();
  await pad.getByRole('button', { name: 'Confirm' }).click();
  await expect(app.getByRole('button', { name: 'Signed in: Zhou Min' })).toBeVisible();
  await tablet.close();
});

test("a role IT creates in the admin pages is offered in the flow designer's role picker of a workshop lead", async ({
  page,
  browser,
}) => {
  const suffix = String(Date.now() % 100000);
  const roleId = `line_patrol_${suffix}`;
  await adminSignIn(page);
  await page.getByRole('navigation', { name: 'Admin navigation' }).getByRole('link', { name: 'Roles' }).click();
  await page.getByLabel('Role id').fill(roleId);
  await page.getByLabel('Name (Chinese)').fill('巡线班');
  await page.getByLabel('Name (English)').fill(`Line patrol ${suffix}`);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('status')).toHaveText(`Role Line patrol ${suffix} created`);

  // A workshop lead (not IT) designs an app on the server: the new role is there to pick.
  const desk = await browser.newContext();
  const designer = await desk.newPage();
  await designer.goto(`${h.designer}/designer/?lang=en`);
  await designer.getByLabel('User name').fill('li.qiang');
  await designer.getByLabel('Password').fill('demo1234');
  await designer.getByRole('button', { name: 'Sign in' }).click();
  await designer.getByLabel('App id (lower-case)').fill(`patrol_${suffix}`);
  await designer.getByLabel('App name').fill('Line patrol');
  await designer.getByRole('button', { name: 'Create' }).first().click();
  await expect(designer.getByRole('main', { name: 'Form canvas' })).toBeVisible();
  await designer.getByRole('button', { name: 'Flow', exact: true }).click();
  const flow = designer.getByRole('main', { name: 'Approval flow' });
  const settings = designer.getByRole('complementary', { name: 'Step settings' });
  await flow.getByRole('button', { name: 'Add a step here' }).first().click();
  await designer.getByRole('menuitem', { name: 'Approver' }).click();
  await settings.getByLabel('Chosen by').selectOption({ label: 'Role' });
  await settings.getByLabel('Role', { exact: true }).selectOption({ label: `Line patrol ${suffix}` });
  await expect(flow.getByRole('button', { name: /^Approver: / })).toContainText(`Role: Line patrol ${suffix}`);
  // Picking it declared it in the app, with both names.
  const roles = await designer.evaluate(
    () => (window as unknown as { designer: { doc: { roles: { id: string }[] } } }).designer.doc.roles,
  );
  expect(roles).toContainEqual({ id: roleId, name: { 'zh-CN': '巡线班', en: `Line patrol ${suffix}` } });
  await desk.close();
});
