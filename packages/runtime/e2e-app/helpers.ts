import { expect, type Locator, type Page } from '@playwright/test';

export const base = (): string => process.env.GF_BASE_URL ?? '';

export type Lang = 'zh-CN' | 'en';

/** The app's own words the specs look for, in both UI languages. */
export const WORDS = {
  'zh-CN': {
    lang: '中文',
    user: '用户名',
    password: '密码',
    signIn: '登录',
    nav: '主导航',
    drafts: '草稿',
    submit: '提交',
    row: (label: string, n: number) => `${label} 第 ${n} 行`,
  },
  en: {
    lang: 'English',
    user: 'User name',
    password: 'Password',
    signIn: 'Sign in',
    nav: 'Main navigation',
    drafts: 'Drafts',
    submit: 'Submit',
    row: (label: string, n: number) => `${label} Row ${n}`,
  },
} as const;

export async function signIn(page: Page, user: string, lang: Lang = 'en'): Promise<void> {
  const w = WORDS[lang];
  await page.goto(`${base()}/app/`);
  await page.getByRole('button', { name: w.lang }).click();
  await page.getByLabel(w.user).fill(user);
  await page.getByLabel(w.password).fill('demo1234');
  await page.getByRole('button', { name: w.signIn }).click();
  await expect(page.getByRole('navigation', { name: w.nav })).toBeVisible();
}

/** The record id of the form on screen (`#/form/<app>/<form>/<id>` or `#/record/<id>`). */
export function recordIdOf(page: Page): string {
  const id = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(new URL(page.url()).hash)?.[0];
  expect(id, `no record id in ${page.url()}`).toBeTruthy();
  return id ?? '';
}

/**
 * Draws a signature stroke across the pad: with the mouse, or with a finger (CDP touch events,
 * which Chromium turns into pointer events of type "touch").
 */
export async function drawSignature(page: Page, pad: Locator, input: 'mouse' | 'touch'): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not on screen');
  const points = Array.from({ length: 12 }, (_, i) => ({
    x: box.x + box.width * (0.15 + 0.06 * i),
    y: box.y + box.height * (0.5 + 0.25 * Math.sin(i)),
  }));
  if (input === 'mouse') {
    await page.mouse.move(points[0]!.x, points[0]!.y);
    await page.mouse.down();
    for (const p of points.slice(1)) await page.mouse.move(p.x, p.y, { steps: 3 });
    await page.mouse.up();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: { x: number; y: number }) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: p ? [{ x: Math.round(p.x), y: Math.round(p.y), id: 1, radiusX: 4, radiusY: 4, force: 1 }] : [],
    });
  await touch('touchStart', points[0]);
  for (const p of points.slice(1)) await touch('touchMove', p);
  await touch('touchEnd');
  await cdp.detach();
}

/** The record as the server holds it, through the API with the page's session. */
export async function serverRecord(
  page: Page,
  id: string,
): Promise<{
  record: { id: string; createdBy: string; data: Record<string, unknown> };
  workflow?: { status: string; tasks?: { assignee: string; node: string }[] };
}> {
  const answer = await page.request.get(`${base()}/api/records/${id}`);
  expect(answer.status(), `GET /api/records/${id}`).toBe(200);
  return answer.json();
}

/** Rows of a list view whose values match: how many times a record is on the server. */
export async function countInView(page: Page, path: string, match: (values: Record<string, unknown>) => boolean) {
  const answer = await page.request.get(`${base()}${path}${path.includes('?') ? '&' : '?'}limit=500`);
  expect(answer.status(), path).toBe(200);
  const rows = ((await answer.json()) as { rows: { values: Record<string, unknown> }[] }).rows;
  return rows.filter((r) => match(r.values)).length;
}

/** A 1600×1200 JPEG made by the browser's canvas: a grey part with a dark scratch on it. */
export async function defectPhoto(page: Page): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 1600;
    c.height = 1200;
    const g = c.getContext('2d');
    if (!g) return '';
    g.fillStyle = '#9aa4ad';
    g.fillRect(0, 0, c.width, c.height);
    g.strokeStyle = '#222';
    g.lineWidth = 24;
    g.beginPath();
    g.moveTo(300, 400);
    g.lineTo(1200, 800);
    g.stroke();
    return c.toDataURL('image/jpeg', 0.9);
  });
  return { name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(dataUrl.split(',')[1] ?? '', 'base64') };
}

/** The shift handover's form filled by its outgoing lead, signed; `incoming` is a display name. */
export async function fillHandover(
  page: Page,
  o: {
    line: 'L1' | 'L2' | 'L3';
    shift: 'Day shift' | 'Night shift';
    incoming: string;
    issues: string;
    input: 'mouse' | 'touch';
  },
): Promise<void> {
  await page.getByRole('combobox', { name: /^Line/ }).selectOption(o.line);
  await page.getByLabel(o.shift).check();
  await page.getByRole('button', { name: /^Incoming lead/ }).click();
  await page.getByRole('list', { name: 'Choose Incoming lead' }).getByRole('button', { name: o.incoming }).click();
  // Both tables have minRows: 1, so a new handover starts with their first rows.
  await page.getByLabel('Product Row 1').selectOption('P-2001');
  await page.getByLabel('Planned Row 1').fill('400');
  await page.getByLabel('Good Row 1').fill('388');
  await page.getByLabel('Scrap Row 1').fill('12');
  await page.getByLabel('Machine Row 1').selectOption('CNC-01');
  await page.getByRole('textbox', { name: 'Open issues' }).fill(o.issues);
  await page.getByRole('textbox', { name: /^Safety notes/ }).fill('Guard on press 3 re-fixed; floor dry.');
  await page.getByRole('button', { name: /^Sign Outgoing lead signature/ }).click();
  await drawSignature(page, page.getByRole('img', { name: 'Sign here: Outgoing lead signature' }), o.input);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('img', { name: 'Signature: Outgoing lead signature' })).toBeVisible();
}

/** Switches the operator on an enrolled tablet: the header's user button, user name, PIN pad. */
export async function switchByPin(page: Page, user: { name?: string; pick?: string }, pin: string): Promise<void> {
  await page.getByRole('button', { name: /^Signed in:/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Switch operator' });
  if (user.pick) await dialog.getByRole('button', { name: user.pick }).click();
  if (user.name) await dialog.getByRole('textbox', { name: 'User name' }).fill(user.name);
  for (const d of pin) await dialog.getByRole('button', { name: `Digit ${d}` }).click();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
}
