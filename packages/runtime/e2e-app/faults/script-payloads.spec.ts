import { expect, test } from '@playwright/test';
import { base, signIn } from '../helpers.ts';
import { faultForm, newRecordLink, publishFaultApp, recordFigure, serverRows } from './kit.ts';

const IMG = '<img src=x onerror="alert(1)">';
const JS_URL = 'javascript:alert(2)';
const END_SCRIPT = '</script><script>alert(3)</script>';
const ALL = `${IMG} ${JS_URL} ${END_SCRIPT}`;

test('script payloads in labels, options, values, file names and exports: nothing executes (dialogs and CSP watched)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const label = (s: string) => ({ 'zh-CN': `${s} 标签`, en: `${s} label` });
  const form = faultForm([
    {
      id: 'kind',
      type: 'select',
      label: label(IMG),
      options: [
        { value: 'a', label: { 'zh-CN': IMG, en: IMG } },
        { value: 'b', label: { 'zh-CN': JS_URL, en: JS_URL } },
      ],
    },
    { id: 'link', type: 'text', label: label(JS_URL), placeholder: { 'zh-CN': END_SCRIPT, en: END_SCRIPT } },
    { id: 'file', type: 'attachment', label: label(END_SCRIPT), maxCount: 2 },
  ]);
  const app = await publishFaultApp('payloads', { 'zh-CN': `${IMG} 应用`, en: `${IMG} app` }, form);

  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const shell = await page.request.get(`${base()}/app/`);
  const csp = shell.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');

  await signIn(page, 'liu.yang', 'en');
  await expect(newRecordLink(page, app)).toBeVisible();
  await newRecordLink(page, app).click();
  const note = `${app} ${ALL}`;
  await page.getByRole('textbox', { name: /^Note/ }).fill(note);
  await page.getByRole('combobox', { name: /^<img src=x/ }).selectOption('a');
  await page.getByRole('textbox', { name: /^javascript:alert\(2\) label/ }).fill(JS_URL);
  await page.locator('[data-field="file"] input[type="file"]').setInputFiles({
    name: `${IMG}${END_SCRIPT}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(ALL),
  });
  await expect(page.locator('[data-field="file"]')).toContainText(IMG);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('All synced')).toBeVisible({ timeout: 60_000 });

  // Every screen that shows the payloads: record detail, my submissions, the list view, print.
  await expect(page.locator('.app-detail')).toContainText(JS_URL);
  const id = new URL(page.url()).hash.split('/')[2] ?? '';
  await page.getByRole('link', { name: 'My submissions' }).click();
  await expect(page.locator('.app-submission').filter({ hasText: app })).toBeVisible({ timeout: 20_000 });
  await page.evaluate((a) => {
    location.hash = `#/view/${a}/all`;
  }, app);
  await expect(page.getByText(app).first()).toBeVisible();
  await page.evaluate((r) => {
    location.hash = `#/print/${r}`;
  }, id);
  await expect(page.getByText(app).first()).toBeVisible();

  // Nothing injected: no element from a payload, no javascript: link, no dialog, no CSP report.
  expect(await page.locator('img[src="x"], a[href^="javascript:"], script:not([src])').count()).toBe(0);
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  expect(violations).toEqual([]);
  expect(dialogs).toEqual([]);

  // The export hands the payloads back as a download, never as a page.
  const csv = await page.request.get(`${base()}/api/apps/${app}/forms/log/export.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect(csv.headers()['content-disposition']).toMatch(/^attachment/);
  expect(csv.headers()['x-content-type-options']).toBe('nosniff');
  expect(await csv.text()).toContain('onerror');
  expect((await serverRows(page, app)).map((r) => r.values.note)).toEqual([note]);
  // The watch itself works: an inline script added on purpose is blocked and reported.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.name = "ran"';
    document.body.append(s);
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.length))
    .toBe(1);
  expect(await page.evaluate(() => window.name)).not.toBe('ran');
  recordFigure(
    'script-payloads',
    `script payloads in labels, options, values, file names and the CSV export: ${dialogs.length} dialogs, ${violations.length} CSP violations, 0 injected elements; CSP served: ${csp.split(';')[1]?.trim()}`,
    { dialogs: dialogs.length, violations: violations.length, csp },
  );
});
