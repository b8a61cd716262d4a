import { expect, type Locator, type Page } from '@playwright/test';

/** A real mouse drag: press, move past the 5 px activation distance, glide to the target, release. */
export async function dragTo(page: Page, source: Locator, target: Locator, where: 'center' | 'end' = 'center') {
  const s = (await source.boundingBox())!;
  const t = (await target.boundingBox())!;
  const x0 = s.x + s.width / 2;
  const y0 = s.y + s.height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 12, y0 + 12, { steps: 4 });
  const x = t.x + t.width / 2;
  const y = where === 'end' ? t.y + t.height - 5 : t.y + t.height / 2;
  await page.mouse.move(x, y, { steps: 12 });
  await page.mouse.move(x + 1, y, { steps: 2 });
  await page.mouse.up();
  // For 50 ms after a pointer drag ends, dnd-kit's pointer sensor still clears the document's text
  // selection on every selectionchange (AbstractPointerSensor.detach removes that listener on a
  // 50 ms timer): a fill in that window selected the input, lost the caret and typed nothing
  // (the label edit after a drop failed about one run in two). A person never types that fast.
  await page.waitForTimeout(100);
}

export function palette(page: Page, name: string): Locator {
  return page.getByRole('complementary', { name: /^(Fields|字段)$/ }).getByRole('button', { name, exact: true });
}

export function card(page: Page, label: string): Locator {
  return page.getByRole('button', {
    name: new RegExp(`^(Field|字段)：?:? ?${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ （]`),
  });
}

/**
 * Types a label in both languages into the property panel, once it shows the field just dropped
 * (a new field's English label is its type's name).
 */
export async function setLabel(page: Page, zh: string, en: string, fresh: string) {
  const props = page.getByRole('complementary', { name: /^(Properties|属性)$/ });
  await expect(props.getByLabel(/^(Label|标题) English$/)).toHaveValue(fresh);
  await props.getByLabel(/^(Label|标题) English$/).fill(en);
  await props.getByLabel(/^(Label|标题) 中文$/).fill(zh);
  await expect(props.getByLabel(/^(Label|标题) English$/)).toHaveValue(en);
}
