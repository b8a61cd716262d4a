import { expect, test } from '@playwright/test';

// Main screens of the app at tablet size in both languages, for docs/screenshots (SCREENSHOTS=1).
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to rewrite docs/screenshots');

const base = () => process.env.GF_BASE_URL ?? '';
const LABELS = {
  'zh-CN': { lang: '中文', user: '用户名', password: '密码', signIn: '登录', newIn: '新建入库单', balance: '库存结存' },
  en: {
    lang: 'English',
    user: 'User name',
    password: 'Password',
    signIn: 'Sign in',
    newIn: 'New Stock in',
    balance: 'Stock balance',
  },
} as const;

for (const lang of ['zh-CN', 'en'] as const) {
  test(`screens ${lang}`, async ({ page }, info) => {
    const L = LABELS[lang];
    const shot = async (name: string) => {
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `../../docs/screenshots/runtime-app-${name}-${lang}-${info.project.name}.png` });
    };
    await page.goto(`${base()}/app/`);
    await page.getByRole('button', { name: L.lang }).click();
    await page.getByLabel(L.user).fill('sun.li');
    await page.getByLabel(L.password).fill('demo1234');
    await shot('sign-in');
    await page.getByRole('button', { name: L.signIn }).click();
    await expect(page.getByRole('link', { name: L.newIn })).toBeVisible();
    await shot('home');
    await page.getByRole('link', { name: L.newIn }).click();
    await expect(page.locator('form.gf-form')).toBeVisible();
    await shot('form');
    await page.getByRole('link', { name: lang === 'en' ? 'My submissions' : '我的提交' }).click();
    await shot('submissions');
    await page.getByRole('link', { name: lang === 'en' ? 'Inbox' : '待办' }).click();
    await shot('inbox');
    await page.getByRole('link', { name: lang === 'en' ? 'Home' : '首页' }).click();
    await page.getByRole('link', { name: L.balance, exact: true }).click();
    await expect(page.getByRole('table')).toBeVisible();
    await shot('stock-balance');
    // A seeded stock-in: its detail (values, version, workflow history) and its A4 print view.
    const list = await page.request.get(`${base()}/api/apps/inventory/views/stock_in_list?limit=1`);
    const [row] = ((await list.json()) as { rows: { id: string }[] }).rows;
    expect(row, 'a seeded stock-in record').toBeTruthy();
    await page.goto(`${base()}/app/#/record/${row?.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await shot('record-detail');
    await page.goto(`${base()}/app/#/print/${row?.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await shot('print');
  });
}
