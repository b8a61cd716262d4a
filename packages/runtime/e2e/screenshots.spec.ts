import { expect, test } from '@playwright/test';

// Screenshots of the three example forms at tablet size in both languages, for docs/screenshots.
const FORMS = [
  { app: 'inventory', form: 'stock_in', name: 'stock-in' },
  { app: 'quality_inspection', form: 'inspection', name: 'inspection' },
  { app: 'shift_handover', form: 'handover', name: 'handover' },
] as const;

// Pictures are rewritten only on request, so an ordinary test run leaves the tree clean.
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to rewrite docs/screenshots');

for (const f of FORMS) {
  for (const lang of ['zh-CN', 'en'] as const) {
    test(`screenshot ${f.name} ${lang}`, async ({ browser }, info) => {
      // The browser locale decides how native date inputs read (2025/3/1 vs 3/1/2025).
      const context = await browser.newContext({ ...info.project.use, locale: lang });
      const page = await context.newPage();
      await page.goto(`/app/preview.html?app=${f.app}&form=${f.form}&lang=${lang}`);
      await expect(page.locator('form.gf-form')).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      // The submit bar and the page bar stick to the viewport; in a full-page picture they stay put.
      await page.addStyleTag({ content: '.gf-actions, .pv-bar { position: static !important; }' });
      await page.screenshot({
        path: `../../docs/screenshots/runtime-${f.name}-${lang}-${info.project.name}.png`,
        fullPage: true,
      });
      await context.close();
    });
  }
}
