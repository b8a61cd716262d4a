import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { base, signIn } from '../helpers.ts';
import {
  launchTablet,
  newRecordLink,
  publishFaultApp,
  recordFigure,
  seeded,
  serverRows,
  submitBurst,
  tally,
} from './kit.ts';

/** The runtime's longest autosave wait while typing (packages/runtime/src/app/screens/useAutosave.ts). */
const AUTOSAVE_MAX_WAIT_MS = 2000;
/** What a loaded machine adds: the key reaching the page, the IndexedDB write, the kill itself. */
const SLACK_MS = 1500;

/** The browser process of one profile: the Chromium whose command line names this user-data-dir. */
function browserPid(userDataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args.includes(`--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type='))) {
      return Number(entry);
    }
  }
  throw new Error(`no browser process for ${userDataDir}`);
}

test('the browser killed mid-save: every saved record is there after relaunch, the draft loses at most one autosave interval', async () => {
  test.setTimeout(300_000);
  const app = await publishFaultApp('killed', { 'zh-CN': '浏览器被杀', en: 'Browser killed' });
  const dir = mkdtempSync(join(tmpdir(), 'gongfang-killed-'));
  let context = await launchTablet(dir, false);
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, 'liu.yang', 'en');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect(newRecordLink(page, app)).toBeVisible();
    await context.setOffline(true);

    const saved = Array.from({ length: 10 }, (_, i) => `${app}-saved-${i + 1}`);
    await submitBurst(page, app, saved);

    // A new draft typed steadily; the browser is killed at a seeded random key.
    await page.evaluate((a) => {
      location.hash = `#/new/${a}/log`;
    }, app);
    const note = page.getByRole('textbox', { name: /^Note/ });
    await note.click();
    await expect(page.getByText(/Draft saved/)).toHaveCount(0);
    const typed = 'Spindle vibration on CNC-07 rising since 14:20, bearing noise at 3000 rpm, stopped.';
    const killAfter = 40 + Math.floor(seeded(7)() * (typed.length - 40));
    const keyAt: number[] = [];
    for (const ch of typed.slice(0, killAfter)) {
      await page.keyboard.type(ch);
      keyAt.push(Date.now());
      await new Promise((r) => setTimeout(r, 60));
    }
    const pid = browserPid(dir);
    const closed = new Promise((r) => context.once('close', r));
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    await closed;

    context = await launchTablet(dir, true);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base()}/app/`);
    await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
    // Every submitted record is on the tablet, waiting to sync.
    await expect(page.getByText('10 waiting to sync')).toBeVisible();
    await page.getByRole('link', { name: 'My submissions' }).click();
    for (const s of saved) await expect(page.getByRole('link', { name: new RegExp(`${s}\\b`) })).toBeVisible();

    // The draft holds a prefix of what was typed: count what the kill took.
    await page.getByRole('link', { name: 'Drafts' }).click();
    await page.locator('.app-item').first().click();
    const kept = await page.getByRole('textbox', { name: /^Note/ }).inputValue();
    const sent = typed.slice(0, killAfter);
    expect(sent.startsWith(kept), `draft "${kept}" is not a prefix of "${sent}"`).toBe(true);
    expect(kept.length).toBeGreaterThan(0);
    const lostChars = sent.length - kept.length;
    const lostMs = lostChars === 0 ? 0 : killedAt - (keyAt[kept.length - 1] ?? keyAt[0] ?? killedAt);
    expect(lostMs).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS + SLACK_MS);

    // Online again: the ten reach the server once each.
    await context.setOffline(false);
    // Chromium writes its cookies to disk every 30 s or so: a browser killed sooner after signing in
    // comes back without its session. The tablet must say so, keep the ten, and sync them once the
    // operator signs in again.
    const synced = page.getByText('All synced');
    const again = page.getByRole('button', { name: 'Sign in again' });
    // A loaded CI machine runs a whole pull first; wait for the bar, not a fixed time.
    await expect(synced.or(again)).toBeVisible({ timeout: 120_000 });
    const signedInAgain = await again.isVisible();
    if (signedInAgain) {
      const bar = page.getByRole('region', { name: 'Sync status' });
      await expect(bar.getByRole('alert')).toContainText('Your sign-in has expired');
      await expect(bar.getByText('10 waiting to sync')).toBeVisible();
      await again.click();
      await signIn(page, 'liu.yang', 'en');
    }
    await expect(synced).toBeVisible({ timeout: 120_000 });
    const rows = (await serverRows(page, app)).filter((r) => String(r.values.note).includes('-saved-'));
    const { dupes } = tally(rows.map((r) => r.values.note));
    expect(dupes).toEqual([]);
    expect(rows.map((r) => r.values.note).sort()).toEqual([...saved].sort());
    recordFigure(
      'browser-killed-mid-save',
      `browser killed (SIGKILL) while typing a draft: ${saved.length}/${saved.length} submitted records kept, draft lost its last ${lostChars} of ${sent.length} characters (${lostMs} ms of typing; autosave waits at most ${AUTOSAVE_MAX_WAIT_MS} ms)${signedInAgain ? '; the session cookie died with the browser, the tablet asked for a new sign-in and then synced' : ''}`,
      {
        submitted: saved.length,
        kept: rows.length,
        typedChars: sent.length,
        lostChars,
        lostMs,
        maxWaitMs: AUTOSAVE_MAX_WAIT_MS,
        signedInAgain,
      },
    );
  } finally {
    await context.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});
