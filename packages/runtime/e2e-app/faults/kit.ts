import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type APIRequestContext,
  type BrowserContext,
  chromium,
  expect,
  type Page,
  request as playwrightRequest,
} from '@playwright/test';
import { base } from '../helpers.ts';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

/** Writes a fault's figure to `test-results/reliability/<name>.pglite.json` (repo root). */
export function recordFigure(name: string, figure: string, values: Record<string, unknown>): void {
  const dir = join(repo, 'test-results', 'reliability');
  mkdirSync(dir, { recursive: true });
  const body = { name, db: 'pglite', figure, values, date: new Date().toISOString() };
  writeFileSync(join(dir, `${name}.pglite.json`), `${JSON.stringify(body, null, 2)}\n`);
}

/** A seeded PRNG (mulberry32), so a flaky-network run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An API session of a demo user (password `demo1234`), with the CSRF header set. */
export async function apiAs(user: string): Promise<APIRequestContext> {
  const anonymous = await playwrightRequest.newContext({ baseURL: base() });
  const login = await anonymous.post('/api/auth/login', { data: { user, password: 'demo1234' } });
  expect(login.status(), `login ${user}`).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const state = await anonymous.storageState();
  await anonymous.dispose();
  return playwrightRequest.newContext({
    baseURL: base(),
    storageState: state,
    extraHTTPHeaders: { 'x-csrf-token': csrfToken },
  });
}

export interface FaultField {
  id: string;
  type: string;
  label: { 'zh-CN': string; en: string };
  [key: string]: unknown;
}

/** The small form the faults fill: a note, a quantity and photos; operators may edit their records. */
export function faultForm(fields: FaultField[] = []): Record<string, unknown> {
  return {
    id: 'log',
    name: { 'zh-CN': '故障记录', en: 'Fault log' },
    title: 'note',
    fields: [
      { id: 'note', type: 'text', label: { 'zh-CN': '备注', en: 'Note' }, required: true, maxLength: 200 },
      { id: 'qty', type: 'number', label: { 'zh-CN': '数量', en: 'Quantity' }, min: 0, max: 1000 },
      ...fields,
    ],
    permissions: { submit: ['operator'], viewAll: ['operator', 'it_admin'], edit: 'always' },
  };
}

/**
 * Creates and publishes an app of one form (`log`) with a list view (`all`), as the IT admin.
 * The id carries a random suffix so a retried test starts from an empty app.
 */
export async function publishFaultApp(
  prefix: string,
  name: { 'zh-CN': string; en: string },
  form: Record<string, unknown> = faultForm(),
): Promise<string> {
  const id = `${prefix}_${Math.random().toString(36).slice(2, 8)}`;
  const fields = (form.fields as { id: string }[]).map((f) => f.id);
  const definition = {
    schemaVersion: 3,
    id,
    version: 1,
    name,
    roles: [
      { id: 'operator', name: { 'zh-CN': '操作工', en: 'Operator' } },
      { id: 'it_admin', name: { 'zh-CN': 'IT 管理员', en: 'IT admin' } },
    ],
    forms: [form],
    views: [{ id: 'all', type: 'list', name: { 'zh-CN': '全部', en: 'All' }, form: 'log', columns: fields }],
  };
  const admin = await apiAs('wang.fang');
  try {
    const created = await admin.post('/api/apps', { data: { id, definition } });
    expect(created.status(), await created.text()).toBe(201);
    const published = await admin.post(`/api/apps/${id}/publish`, { data: { note: 'fault test' } });
    expect(published.status(), await published.text()).toBe(201);
  } finally {
    await admin.dispose();
  }
  return id;
}

/** Every record of a fault app on the server, through its list view. */
export async function serverRows(
  api: APIRequestContext | Page,
  app: string,
): Promise<{ id: string; values: Record<string, unknown> }[]> {
  const request = 'request' in api ? api.request : api;
  const rows: { id: string; values: Record<string, unknown> }[] = [];
  let cursor = '';
  for (;;) {
    const query = `limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = await request.get(`${base()}/api/apps/${app}/views/all?${query}`);
    expect(answer.status(), await answer.text()).toBe(200);
    const page = (await answer.json()) as {
      rows: { id: string; values: Record<string, unknown> }[];
      next: string | null;
    };
    rows.push(...page.rows);
    if (!page.next) return rows;
    cursor = page.next;
  }
}

/** Counts of each value: `dupes` lists values seen more than once. */
export function tally(values: readonly unknown[]): { distinct: number; dupes: string[] } {
  const seen = new Map<string, number>();
  for (const v of values) seen.set(String(v), (seen.get(String(v)) ?? 0) + 1);
  return { distinct: seen.size, dupes: [...seen].filter(([, n]) => n > 1).map(([v]) => v) };
}

/**
 * Fills and submits `count` records of the fault form through the app's own screens, from inside
 * the page: a new record's route, the note typed into its input, the Submit button, then the
 * record page. Much faster than a round trip to the test per step, and the same save path.
 */
export async function submitBurst(page: Page, app: string, notes: string[]): Promise<void> {
  await page.evaluate(
    async ({ app, notes }) => {
      const until = async (check: () => boolean, what: string) => {
        const start = performance.now();
        while (!check()) {
          if (performance.now() - start > 20_000) throw new Error(`timed out waiting for ${what}`);
          await new Promise((r) => setTimeout(r, 5));
        }
      };
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      for (const note of notes) {
        location.hash = `#/new/${app}/log`;
        let input: HTMLInputElement | null = null;
        await until(() => {
          input = location.hash.startsWith('#/edit/')
            ? document.querySelector<HTMLInputElement>('[data-field="note"] input')
            : null;
          return input !== null;
        }, 'the form');
        const field = input as unknown as HTMLInputElement;
        setter?.call(field, note);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        const id = location.hash.split('/')[2]?.split('?')[0];
        document.querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
        await until(() => location.hash === `#/record/${id}`, `record ${note} submitted`);
      }
    },
    { app, notes },
  );
  await expect(page.locator('.app-detail')).toBeVisible();
}

/** The home screen's "New Fault log" tile of one fault app (every fault app has such a tile). */
export function newRecordLink(page: Page, app: string) {
  return page.locator(`a.app-tile[href="#/new/${app}/log"]`);
}

/** A tablet with its own on-disk profile (IndexedDB and quota as on a device, not in memory). */
export function launchTablet(userDataDir: string, offline = false): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    serviceWorkers: 'allow',
    offline,
  });
}
