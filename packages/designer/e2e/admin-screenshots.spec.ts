import { createServer, type Server } from 'node:http';
import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type AdminHarness, startAdminHarness } from './adminServer.ts';

// The admin pages at 1440×900 in both languages, with realistic data, for docs/screenshots.
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to rewrite docs/screenshots');

let h: AdminHarness;
let robot: Server;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  h = await startAdminHarness();
  // A group robot that answers as DingTalk does when it accepts a message.
  robot = createServer((_req, res) => res.writeHead(200).end('{"errcode":0,"errmsg":"ok"}'));
  await new Promise<void>((r) => robot.listen(0, '127.0.0.1', r));
});
test.afterAll(async () => {
  await new Promise((r) => robot?.close(r));
  await h?.close();
});

async function api(context: BrowserContext, request: APIRequestContext, method: string, path: string, data?: unknown) {
  const csrf = (await context.cookies()).find((c) => c.name === 'gf_csrf')?.value ?? '';
  const answer = await request.fetch(`${h.designer}${path}`, {
    method,
    headers: { 'x-csrf-token': csrf },
    ...(data === undefined ? {} : { data }),
  });
  expect(answer.ok(), `${method} ${path}: ${await answer.text()}`).toBe(true);
  return answer.status() === 204 ? undefined : answer.json();
}

/** Data an IT department would have after a week: a new role and people, a second version, a robot. */
async function seed(page: Page) {
  const call = (method: string, path: string, data?: unknown) => api(page.context(), page.request, method, path, data);
  await call('POST', '/api/admin/roles', { id: 'line_inspector', name: { 'zh-CN': '巡线员', en: 'Line inspector' } });
  const users: { id: string; name: string }[] = (await call('GET', '/api/admin/users')).users;
  const lead = users.find((u) => u.name !== 'wang.fang')?.id ?? null;
  for (const [name, zh, en, pin] of [
    ['tang.lei', '唐磊', 'Tang Lei', '4826'],
    ['xu.ning', '许宁', 'Xu Ning', '7315'],
  ] as const) {
    await call('POST', '/api/admin/users', {
      name,
      displayName: { 'zh-CN': zh, en },
      password: 'inspect-2025',
      roles: ['line_inspector'],
      leadId: lead,
      pin,
      badge: `BADGE-${pin}`,
    });
  }
  const apps: { id: string }[] = (await call('GET', '/api/apps')).apps;
  const inventory = apps.find((a) => a.id.startsWith('inv'))?.id ?? apps[0]?.id ?? '';
  const draft = await call('GET', `/api/apps/${inventory}/draft`);
  const form = draft.definition.forms[0];
  form.fields.push({ id: 'received_by', type: 'text', label: { 'zh-CN': '收货人', en: 'Received by' } });
  form.fields[0].label = { 'zh-CN': '入库单号', en: 'Receipt number' };
  await call('PUT', `/api/apps/${inventory}/draft`, { definition: draft.definition, revision: draft.revision });
  await call('POST', `/api/apps/${inventory}/publish`, {
    note: '增加收货人；单号改名 / Received by added; receipt no. renamed',
  });
  const templates: { id: string; versions: { source: { app: string } }[] }[] = (await call('GET', '/api/templates'))
    .templates;
  const template = templates[0];
  if (template) {
    const source = template.versions[0]?.source.app ?? '';
    const t = await call('GET', `/api/apps/${source}/draft`);
    t.definition.forms[0].fields.push({
      id: 'ambient_temp',
      type: 'number',
      label: { 'zh-CN': '环境温度', en: 'Ambient temperature' },
    });
    await call('PUT', `/api/apps/${source}/draft`, { definition: t.definition, revision: t.revision });
    await call('POST', `/api/apps/${source}/publish`, { note: '增加环境温度 / Ambient temperature added' });
    await call('POST', '/api/templates', {
      app: source,
      template: template.id,
      note: '增加环境温度字段 / Ambient temperature field added',
    });
  }
  const port = (robot.address() as { port: number }).port;
  const ding = await call('POST', '/api/webhooks', {
    name: '仓库群机器人 Warehouse group',
    url: `http://127.0.0.1:${port}/robot/send?access_token=demo`,
    format: 'dingtalk',
    events: ['task.created', 'record.approved', 'exception.opened'],
    secret: 'SEC-demo-signing-key',
  });
  await call('POST', '/api/webhooks', {
    name: 'MES 接口 MES bridge',
    url: 'http://127.0.0.1:9/gongfang/events',
    format: 'generic',
    events: ['record.approved', 'record.rejected'],
  });
  await call('POST', `/api/webhooks/${ding.id}/test`, {});
  await call('POST', `/api/webhooks/${ding.id}/test`, {});
}

test('screenshot admin pages in zh-CN and en', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`${h.designer}/?lang=en#/admin/users`);
  await page.getByLabel('User name').fill('wang.fang');
  await page.getByLabel('Password').fill('demo1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Admin navigation' })).toBeVisible();
  await seed(page);
  await page.waitForTimeout(3000); // the delivery worker polls every 2 s

  for (const lang of ['zh-CN', 'en'] as const) {
    const en = lang === 'en';
    await page.goto(`${h.designer}/?lang=${lang}#/admin/users`);
    await page.evaluate(() => document.fonts.ready);
    const shot = async (name: string) => {
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `../../docs/screenshots/admin-${name}-${lang}.png` });
    };
    await expect(page.getByRole('row', { name: /tang\.lei/ })).toBeVisible();
    await shot('users');
    await page.getByRole('button', { name: en ? 'Edit user tang.lei' : '编辑用户 tang.lei' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot('user-edit');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: en ? 'Roles' : '角色' }).click();
    await expect(page.getByRole('row', { name: /line_inspector/ })).toBeVisible();
    await shot('roles');

    await page.getByRole('link', { name: en ? 'App versions' : '应用版本' }).click();
    await expect(page.getByRole('region', { name: en ? /Changes from/ : /的变更/ })).toBeVisible();
    await page.locator('.ad-diff-list summary').first().click();
    await shot('app-versions');

    await page.getByRole('link', { name: en ? 'Template versions' : '模板版本' }).click();
    await expect(page.getByRole('region', { name: en ? /Changes from/ : /的变更/ })).toBeVisible();
    await shot('template-versions');

    await page.getByRole('link', { name: en ? 'Audit log' : '审计日志' }).click();
    await page.getByRole('button', { name: en ? 'Verify integrity' : '校验完整性' }).click();
    await expect(page.locator('.ad-verify [role=status]')).toBeVisible();
    await page.getByLabel(en ? 'Entity' : '对象类型', { exact: true }).selectOption('user');
    await page.getByRole('button', { name: en ? 'Filter' : '筛选', exact: true }).click();
    await page
      .getByRole('row', { name: /user\.create/ })
      .first()
      .getByRole('button')
      .click();
    await shot('audit');

    await page.getByRole('link', { name: en ? 'Webhooks' : 'Webhook 通知' }).click();
    await expect(page.getByRole('cell', { name: /200/ }).first()).toBeVisible();
    await shot('webhooks');

    await page.getByRole('link', { name: en ? 'Organizations' : '组织' }).click();
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await shot('orgs');
  }
});
