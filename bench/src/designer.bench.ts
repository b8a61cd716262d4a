/**
 * Designer benchmark (issue 5; issue 7 row 4 without its peer yet): the built designer in Chromium
 * with a persistent profile and 4x CPU throttling through CDP. A 300-field and a 30-field form in
 * two tabs take the same edits alternately (≥ 15 pairs): drop of a palette field → next painted
 * frame, and a keystroke in the label property → the frame with the canvas updated. Then React
 * commits and component renders per pointer move of a drag across the 300-field canvas, and the JS
 * heap after 500 undoable edits. Writes bench/results/designer.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright';
import { ARM_NEXT_PAINT, BUILD_FORM, RENDER_COUNTER } from './designerPage.ts';
import { fmt, machine, quantile } from './harness.ts';

const PAIRS = Number(process.env.PAIRS ?? 15);
const designerDir = fileURLToPath(new URL('../../packages/designer/', import.meta.url));
// Its own build: other runs (Playwright's web server) rebuild packages/designer/dist at any moment.
const dist = join(tmpdir(), 'gongfang-designer-bench-dist');

function serveDist(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist) || !statSync(file, { throwIfNoEntry: false })?.isFile()) file = join(dist, 'index.html');
    const type = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' }[extname(file)];
    res.writeHead(200, { 'content-type': type ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    }),
  );
}

interface Tab {
  n: number;
  page: Page;
  cdp: CDPSession;
}

async function openTab(context: BrowserContext, base: string, n: number): Promise<Tab> {
  const page = await context.newPage();
  page.on('crash', () => console.error(`tab with ${n} fields crashed`));
  page.on('close', () => console.error(`tab with ${n} fields closed`));
  page.on('pageerror', (e) => console.error(`tab with ${n} fields: ${e.message}`));
  await page.goto(`${base}/?lang=en`);
  await page.getByRole('complementary', { name: 'Fields' }).waitFor();
  const count = await page.evaluate(`(${BUILD_FORM})(${n})`);
  if (count !== n) throw new Error(`form has ${count} fields, wanted ${n}`);
  await page
    .getByRole('button', { name: /^Field: / })
    .nth(n - 1)
    .waitFor({ state: 'attached' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { n, page, cdp };
}

async function paintTime(page: Page): Promise<number> {
  const handle = await page.waitForFunction('window.__benchPaint', undefined, { timeout: 30_000 });
  return Number(await handle.jsonValue());
}

const cards = (page: Page) => page.getByRole('button', { name: /^Field: / });

/** A palette field dropped on the first card: pointerup → painted frame. Undone afterwards. */
async function drop(tab: Tab): Promise<number> {
  const { page } = tab;
  if (process.env.TRACE) console.log(`drop on ${tab.n}`);
  const source = page.getByRole('complementary', { name: 'Fields' }).getByRole('button', { name: 'Text', exact: true });
  const s = await source.boundingBox();
  const t = await cards(page).first().boundingBox();
  if (!s || !t) throw new Error('palette or canvas not visible');
  await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
  await page.mouse.down();
  await page.mouse.move(s.x + s.width / 2 + 12, s.y + s.height / 2 + 12, { steps: 3 });
  await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 8 });
  await page.mouse.move(t.x + t.width / 2 + 1, t.y + t.height / 2, { steps: 2 });
  await page.evaluate(`(${ARM_NEXT_PAINT})('pointerup')`);
  await page.mouse.up();
  const ms = await paintTime(page);
  const added = await page.evaluate('window.designer.doc.forms[0].fields.length');
  if (added !== tab.n + 1) throw new Error(`drop did not add a field (${added})`);
  await page.evaluate('window.designer.undo()');
  return ms;
}

/** Selects the middle field and focuses its English label in the property panel. */
async function focusLabel(tab: Tab): Promise<void> {
  await cards(tab.page)
    .nth(Math.floor(tab.n / 2))
    .click();
  await tab.page.getByRole('complementary', { name: 'Properties' }).getByLabel('Label English').focus();
}

let keyTurn = 0;
/** One keystroke in the label: keydown → the frame after it, with the card on the canvas updated. */
async function edit(tab: Tab): Promise<number> {
  await tab.page.evaluate(`(${ARM_NEXT_PAINT})('keydown')`);
  await tab.page.keyboard.press(keyTurn++ % 2 === 0 ? 'x' : 'Backspace');
  return paintTime(tab.page);
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

/**
 * A keyboard drag of the first card down `rows` rows of the 300-field canvas (Space, ArrowDown × rows,
 * Escape), as dnd-kit's keyboard sensor moves it one row per key: commits, renders and frame gaps.
 */
async function dragAcross(tab: Tab, rows: number) {
  const { page } = tab;
  await cards(page).first().focus();
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  await page.evaluate(`(() => {
    window.__benchPrime(); window.__benchCountRenders = true; window.__benchFrames = [];
    const loop = (t) => { window.__benchFrames.push(t); if (window.__benchCountRenders) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  for (let i = 0; i < rows; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(50);
  }
  const announced = await page.locator('[aria-live]').allTextContents();
  if (process.env.TRACE) console.log('during drag:', announced.join(' | ').slice(0, 300));
  const result = (await page.evaluate(`(() => {
    window.__benchCountRenders = false;
    const f = window.__benchFrames; const gaps = [];
    for (let i = 1; i < f.length; i++) gaps.push(f[i] - f[i - 1]);
    return { moves: ${rows}, ...window.__benchRenders, gaps };
  })()`)) as { moves: number; commits: number; renders: number; gaps: number[] };
  await page.keyboard.press('Escape');
  return result;
}

async function main() {
  execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: designerDir,
    stdio: 'inherit',
  });
  const site = await serveDist();
  const launch = {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  };
  // One browser (persistent profile) per form size: the two tabs never share a renderer process.
  const profiles = [
    mkdtempSync(join(tmpdir(), 'gongfang-designer-bench-')),
    mkdtempSync(join(tmpdir(), 'gongfang-designer-bench-')),
  ];
  const contexts = await Promise.all(profiles.map((p) => chromium.launchPersistentContext(p, launch)));
  for (const c of contexts) await c.addInitScript({ content: RENDER_COUNTER });
  try {
    const [smallContext, bigContext] = contexts as [BrowserContext, BrowserContext];
    const small = await openTab(smallContext, site.url, 30);
    const big = await openTab(bigContext, site.url, 300);
    const dropMs = { small: [] as number[], big: [] as number[] };
    const editMs = { small: [] as number[], big: [] as number[] };
    // Two unmeasured pairs warm both tabs, then A B / B A alternately.
    for (let i = -2; i < PAIRS; i++) {
      const order = i % 2 === 0 ? [small, big] : [big, small];
      for (const tab of order) {
        await tab.page.bringToFront();
        const ms = await drop(tab);
        if (i >= 0) dropMs[tab === big ? 'big' : 'small'].push(ms);
      }
    }
    for (const tab of [small, big]) {
      await tab.page.bringToFront();
      await focusLabel(tab);
    }
    for (let i = -2; i < PAIRS; i++) {
      const order = i % 2 === 0 ? [small, big] : [big, small];
      for (const tab of order) {
        await tab.page.bringToFront();
        await focusLabel(tab);
        const ms = await edit(tab);
        if (i >= 0) editMs[tab === big ? 'big' : 'small'].push(ms);
        await tab.page.waitForTimeout(250);
      }
    }
    const label = await cards(big.page).nth(150).getAttribute('aria-label');
    if (!label?.includes('x') && keyTurn % 2 === 1) throw new Error(`canvas card not updated: ${label}`);

    await big.page.bringToFront();
    const drag = await dragAcross(big, 50);

    const before = await heapMB(big.cdp);
    const undoSteps = await big.page.evaluate(`(() => {
      const d = window.designer; const fields = d.doc.forms[0].fields; d.load(d.doc);
      for (let i = 0; i < 500; i++) {
        const f = d.doc.forms[0].fields[i % fields.length];
        d.setProp(f.id, 'required', !f.required);
      }
      return d.state.history.undo;
    })()`);
    const after = await heapMB(big.cdp);

    report({ dropMs, editMs, drag, heap: { before, after, undoSteps: Number(undoSteps) } });
  } catch (error) {
    console.error('designer bench broke:', error);
    process.exitCode = 1;
  } finally {
    for (const c of contexts) await c.close();
    site.close();
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  }
}

function stats(big: number[], small: number[]) {
  const ratios = big.map((b, i) => b / (small[i] ?? Number.NaN));
  return {
    big50: quantile(big, 0.5),
    big95: quantile(big, 0.95),
    small50: quantile(small, 0.5),
    small95: quantile(small, 0.95),
    ratio: quantile(ratios, 0.5),
    ratioLo: quantile(ratios, 0.25),
    ratioHi: quantile(ratios, 0.75),
  };
}

function report(r: {
  dropMs: { small: number[]; big: number[] };
  editMs: { small: number[]; big: number[] };
  drag: { moves: number; commits: number; renders: number; gaps: number[] };
  heap: { before: number; after: number; undoSteps: number };
}) {
  const d = stats(r.dropMs.big, r.dropMs.small);
  const e = stats(r.editMs.big, r.editMs.small);
  const row = (name: string, s: ReturnType<typeof stats>) =>
    `| ${name} | ${fmt(s.big50)} / ${fmt(s.big95)} | ${fmt(s.small50)} / ${fmt(s.small95)} | ${fmt(s.ratio)} (IQR ${fmt(s.ratioLo)}–${fmt(s.ratioHi)}) | < 2 |`;
  const lines = [
    '# Designer benchmark',
    '',
    `${machine()}; headless Chromium, 1440×900, persistent profile, 4x CPU throttling (CDP); ` +
      `${PAIRS} alternated pairs after 2 warm-up pairs; ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| metric (ms, p50 / p95) | 300 fields | 30 fields | ratio 300÷30, median | target |',
    '|---|---|---|---|---|',
    row('drop of a palette field → next painted frame', d),
    row('label keystroke → canvas updated, painted', e),
    '',
    `Keyboard drag of the first card down ${r.drag.moves} rows of the 300-field canvas (one row per key): ${r.drag.commits} React commits, ` +
      `${r.drag.renders} component renders → **${fmt(r.drag.renders / Math.max(1, r.drag.moves))} renders per row moved**, ` +
      `${fmt(r.drag.commits / Math.max(1, r.drag.moves))} commits per row; frame gap p50 ${fmt(quantile(r.drag.gaps, 0.5))} ms, ` +
      `p95 ${fmt(quantile(r.drag.gaps, 0.95))} ms.`,
    '',
    `JS heap (after GC) of the 300-field tab: ${fmt(r.heap.before)} MB before, ${fmt(r.heap.after)} MB after 500 undoable ` +
      `edits (${r.heap.undoSteps} undo steps held): **+${fmt(r.heap.after - r.heap.before)} MB**.`,
    '',
    'Renders are counted by a stand-in for the React DevTools hook (`src/designerPage.ts`): a component counts',
    'when its props or state object changed since the previous commit, as a memo bailout keeps both.',
    '',
  ];
  const text = lines.join('\n');
  console.log(text);
  const out = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'designer.md'), text);
}

await main();
