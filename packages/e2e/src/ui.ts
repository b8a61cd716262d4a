/** What people do on the screens, shared by the journeys: sign in, sign, read what the server holds. */
import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';

export type Lang = 'zh-CN' | 'en';

export const PASSWORD = 'demo1234';

/** The runtime's sign-in, in the tablet's language. */
export async function signInRuntime(page: Page, base: string, user: string, password: string, lang: Lang) {
  await page.goto(`${base}/app/`);
  await page.getByRole('button', { name: lang === 'en' ? 'English' : '中文' }).click();
  await page.getByLabel(lang === 'en' ? 'User name' : '用户名').fill(user);
  await page.getByLabel(lang === 'en' ? 'Password' : '密码').fill(password);
  await page.getByRole('button', { name: lang === 'en' ? 'Sign in' : '登录' }).click();
  await expect(page.getByRole('navigation', { name: lang === 'en' ? 'Main navigation' : '主导航' })).toBeVisible();
}

/** The header's user button, then Sign out: the next person signs in on the same tablet. */
export async function signOutRuntime(page: Page, lang: Lang) {
  await page.getByRole('button', { name: lang === 'en' ? /^Signed in:/ : /^当前：/ }).click();
  await page.getByRole('button', { name: lang === 'en' ? 'Sign out' : '退出登录' }).click();
  await expect(page.getByLabel(lang === 'en' ? 'User name' : '用户名')).toBeVisible();
}

/** The designer's sign-in (also the admin pages'). */
export async function signInDesigner(page: Page, url: string, user: string) {
  await page.goto(url);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The record id of the form on screen (`#/form/<app>/<form>/<id>` or `#/record/<id>`). */
export function recordIdOf(page: Page): string {
  const id = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(new URL(page.url()).hash)?.[0];
  expect(id, `no record id in ${page.url()}`).toBeTruthy();
  return id ?? '';
}

/** A signature stroke across the pad with CDP touch events (a finger on a tablet). */
export async function drawSignature(page: Page, pad: Locator): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not on screen');
  const points = Array.from({ length: 12 }, (_, i) => ({
    x: Math.round(box.x + box.width * (0.15 + 0.06 * i)),
    y: Math.round(box.y + box.height * (0.5 + 0.25 * Math.sin(i))),
  }));
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: { x: number; y: number }) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: p ? [{ x: p.x, y: p.y, id: 1, radiusX: 4, radiusY: 4, force: 1 }] : [],
    });
  await touch('touchStart', points[0]);
  for (const p of points.slice(1)) await touch('touchMove', p);
  await touch('touchEnd');
  await cdp.detach();
}

/** A JPEG made by the browser's canvas: a grey part with a dark scratch on it. */
export async function defectPhoto(page: Page): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 800;
    c.height = 600;
    const g = c.getContext('2d');
    if (!g) return '';
    g.fillStyle = '#9aa4ad';
    g.fillRect(0, 0, c.width, c.height);
    g.strokeStyle = '#222';
    g.lineWidth = 16;
    g.beginPath();
    g.moveTo(150, 200);
    g.lineTo(600, 400);
    g.stroke();
    return c.toDataURL('image/jpeg', 0.85);
  });
  return { name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(dataUrl.split(',')[1] ?? '', 'base64') };
}

export interface ServerRecord {
  record: { id: string; form: string; createdBy: string; version: number; data: Record<string, unknown> };
  workflow?: { status: string; tasks?: { id: string; assignee: string; node: string }[] };
}

/** One record as the server holds it. */
export async function serverRecord(request: APIRequestContext, base: string, id: string): Promise<ServerRecord> {
  const answer = await request.get(`${base}/api/records/${id}`);
  expect(answer.status(), `GET /api/records/${id}`).toBe(200);
  return (await answer.json()) as ServerRecord;
}

/** A list view's rows (up to 500) through the API. */
export async function viewRows(
  request: APIRequestContext,
  base: string,
  app: string,
  view: string,
): Promise<{ id?: string; recordId?: string; values: Record<string, unknown> }[]> {
  const answer = await request.get(`${base}/api/apps/${app}/views/${view}?limit=500`);
  expect(answer.status(), `GET ${app}/${view}`).toBe(200);
  return ((await answer.json()) as { rows: { id?: string; recordId?: string; values: Record<string, unknown> }[] })
    .rows;
}

/** Signs on a pad until its Done button takes the stroke (a stroke can land while the pad scrolls in). */
export async function signOnPad(page: Page, pad: Locator, done: Locator): Promise<void> {
  await expect(async () => {
    await drawSignature(page, pad);
    await expect(done).toBeEnabled({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await done.click();
}
