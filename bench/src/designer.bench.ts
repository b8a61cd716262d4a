/**
 * Designer benchmark (issue 5; issue 7 row 4): the built designer in Chromium with a persistent
 * profile per page and 4x CPU throttling through CDP.
 * - A 300-field and a 30-field form take the same edits alternately (≥ 15 pairs): drop of a palette
 *   field → next painted frame, and a keystroke in the label property → the frame with the canvas
 *   updated (cost should barely grow with the form: 300÷30 under 2).
 * - Issue 7 row 4: a keyboard drag of the first card down 50 rows of the 300-field canvas against
 *   the same drag in a plain @dnd-kit/sortable list of 300 items (bench/pages/designer/src/peer.tsx),
 *   alternated: drag start → paint, p95 gap between frames during the moves, React component renders
 *   per move.
 * - The JS heap after 500 undoable edits.
 * Writes bench/results/designer.md and bench/results/designer.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright';
import { ARM_NEXT_PAINT, BUILD_FORM, RENDER_COUNTER } from './designerPage.ts';
import { fmt, machine, type PairResult, quantile, resultRow, writeResultFile } from './harness.ts';

const PAIRS = Number(process.env.BENCH_PAIRS ?? process.env.PAIRS ?? 15);
/** `pnpm bench` gives each benchmark a time budget: fewer pairs (never under MIN_PAIRS) when it runs out. */
const BUDGET_S = Number(process.env.BENCH_BUDGET_S ?? 0);
const MIN_PAIRS = Math.min(PAIRS, 5);
const ROWS = 50;
/** While working on one part: ONLY=drag runs the drag pairs alone and writes no results. */
const ONLY = process.env.ONLY;
const benchDir = fileURLToPath(new URL('../', import.meta.url));
const designerDir = fileURLToPath(new URL('../../packages/designer/', import.meta.url));
// Its own builds: other runs (Playwright's web server) rebuild packages/designer/dist at any moment.
const work = mkdtempSync(join(tmpdir(), 'gongfang-designer-bench-build-'));
const dist = join(work, 'designer');
const peerDist = join(work, 'peer');

/** Serves the designer at / and the peer list at /peer/. */
function serveDist(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const [root, rest] = path.startsWith('/peer/') ? [peerDist, path.slice(5)] : [dist, path];
    let file = normalize(join(root, rest));
    if (!file.startsWith(root) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      file = join(root, root === peerDist ? 'peer.html' : 'index.html');
    }
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
  await page.mouse.move(s.x + s.width / 2 + 12, s.y + s.height / 2 + 12, { steps: 2 });
  await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 4 });
  await page.mouse.move(t.x + t.width / 2 + 1, t.y + t.height / 2, { steps: 1 });
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

interface Drag {
  /** Space keydown → the frame after the drag started, ms. */
  startMs: number;
  /** 95th percentile of the gaps between animation frames during the moves, ms. */
  frameP95: number;
  /** React component renders per row moved. */
  rendersPerMove: number;
  commits: number;
  /** The row the item was over at the end. */
  reached: number;
}

const NEXT_FRAME = 'new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))';

/**
 * A keyboard drag of the first item down `rows` rows (Space, ArrowDown × rows, Escape), as dnd-kit's
 * keyboard sensor moves it one row per key; each key waits for the frame after the one before. `first` is the item's activator, `moved` what the live region says once
 * the item is over another one.
 */
async function dragAcross(
  page: Page,
  first: () => ReturnType<Page['locator']>,
  moved: RegExp,
  rows = ROWS,
): Promise<Drag> {
  await page.evaluate('document.activeElement?.blur?.()');
  await first().focus();
  await page.evaluate(NEXT_FRAME);
  await page.evaluate(`(${ARM_NEXT_PAINT})('keydown')`);
  await page.keyboard.press('Space');
  const startMs = await paintTime(page);
  await page.evaluate(`(() => {
    window.__benchPrime(); window.__benchCountRenders = true; window.__benchFrames = [];
    const loop = (t) => { window.__benchFrames.push(t); if (window.__benchCountRenders) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  // Each key after the frame of the one before, as a person watching the item presses. (Keys sent
  // back to back are partly lost: dnd-kit's keyboard sensor computes the next row from the last
  // rendered state, so the item ends fewer rows down, and fewer on the busier page.)
  for (let i = 0; i < rows; i++) {
    await page.keyboard.press('ArrowDown');
    await page.evaluate(NEXT_FRAME);
  }
  const result = (await page.evaluate(`(() => {
    window.__benchCountRenders = false;
    const f = window.__benchFrames; const gaps = [];
    for (let i = 1; i < f.length; i++) gaps.push(f[i] - f[i - 1]);
    return { ...window.__benchRenders, gaps };
  })()`)) as { commits: number; renders: number; gaps: number[] };
  const said = (await page.locator('[id^="DndLiveRegion"]').allTextContents()).join(' ');
  if (process.env.TRACE) {
    const byName = (await page.evaluate('window.__benchRenders.byName')) as Record<string, number>;
    const top = Object.entries(byName)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15);
    console.log(
      'live region:',
      said.slice(0, 200),
      '\nrenders by component:',
      top.map(([k, v]) => `${k} ${v}`).join(', '),
    );
  }
  await page.keyboard.press('Escape');
  await page.evaluate(NEXT_FRAME);
  // The last item it went over ("Text 31"): how many rows the keys moved it.
  const reached = Number(moved.exec(said)?.[1]);
  if (!(reached > 1)) throw new Error(`the drag did not move (live region: ${said.slice(0, 200)})`);
  if (result.renders === 0) throw new Error('no React renders counted during the drag');
  return {
    startMs,
    frameP95: quantile(result.gaps, 0.95),
    rendersPerMove: result.renders / rows,
    commits: result.commits,
    reached,
  };
}

async function openPeer(context: BrowserContext, base: string): Promise<Tab> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`peer list: ${e.message}`));
  await page.goto(`${base}/peer/?n=300`);
  await page
    .getByRole('button', { name: /^Item: / })
    .nth(299)
    .waitFor({ state: 'attached' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { n: 300, page, cdp };
}

const median = (drags: Drag[], k: keyof Drag) =>
  fmt(
    quantile(
      drags.map((x) => x[k]),
      0.5,
    ),
  );

function pairsOf(ours: number[], peer: number[]): PairResult {
  return { ours, peer, ratios: ours.map((o, i) => o / (peer[i] ?? Number.NaN)) };
}

async function main() {
  const started = Date.now();
  /** Another pair of a phase that may use the budget up to `share` of it. */
  const more = (i: number, share: number) =>
    i < PAIRS && (i < MIN_PAIRS || BUDGET_S <= 0 || (Date.now() - started) / 1000 < BUDGET_S * share);
  // TRACE: unminified, so that renders can be told apart by component name.
  const minify = process.env.TRACE ? ['--minify', 'false'] : [];
  execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn', ...minify], {
    cwd: designerDir,
    stdio: 'inherit',
  });
  execFileSync(
    'npx',
    [
      'vite',
      'build',
      '--config',
      'pages/designer/vite.config.ts',
      '--outDir',
      peerDist,
      '--logLevel',
      'warn',
      ...minify,
    ],
    { cwd: benchDir, stdio: 'inherit' },
  );
  const site = await serveDist();
  const launch = {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
  // One browser (persistent profile) per page: no two pages share a renderer process, and each is the
  // front page of its own browser (no bringToFront between samples).
  const profiles = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), 'gongfang-designer-bench-')));
  const contexts = await Promise.all(profiles.map((p) => chromium.launchPersistentContext(p, launch)));
  for (const c of contexts) await c.addInitScript({ content: RENDER_COUNTER });
  if (process.env.TRACE) for (const c of contexts) await c.addInitScript({ content: 'window.__benchByName = true' });
  try {
    const [smallContext, bigContext, peerContext] = contexts as [BrowserContext, BrowserContext, BrowserContext];
    const small = await openTab(smallContext, site.url, 30);
    const big = await openTab(bigContext, site.url, 300);
    const peer = await openPeer(peerContext, site.url);
    const dropMs = { small: [] as number[], big: [] as number[] };
    const editMs = { small: [] as number[], big: [] as number[] };
    // One unmeasured pair warms both tabs, then A B / B A alternately.
    for (let i = ONLY ? PAIRS : -1; more(i, 0.3); i++) {
      const order = i % 2 === 0 ? [small, big] : [big, small];
      for (const tab of order) {
        const ms = await drop(tab);
        if (i >= 0) dropMs[tab === big ? 'big' : 'small'].push(ms);
      }
    }
    console.log(`drops done (${Math.round((Date.now() - started) / 1000)} s)`);
    for (let i = ONLY ? PAIRS : -1; more(i, 0.55); i++) {
      const order = i % 2 === 0 ? [small, big] : [big, small];
      for (const tab of order) {
        await focusLabel(tab);
        const ms = await edit(tab);
        if (i >= 0) editMs[tab === big ? 'big' : 'small'].push(ms);
      }
    }
    const label = await cards(big.page)
      .nth(Math.floor(big.n / 2))
      .getAttribute('aria-label');
    if (keyTurn % 2 === 1 && !label?.includes('x')) throw new Error(`canvas card not updated: ${label}`);
    console.log(`edits done (${Math.round((Date.now() - started) / 1000)} s)`);

    // Issue 7 row 4: ours and the plain sortable list, alternated after one warm-up pair.
    await big.page.evaluate('window.designer.select([])');
    const ours: Drag[] = [];
    const theirs: Drag[] = [];
    // The warm-up pair drags 10 rows (the same code paths, a third of a measured pair's time).
    const dragOurs = async (rows: number) => {
      return dragAcross(big.page, () => cards(big.page).first(), / is over (?:Number|Text) (\d+)/, rows);
    };
    const dragPeer = async (rows: number) => {
      return dragAcross(
        peer.page,
        () => peer.page.getByRole('button', { name: /^Item: / }).first(),
        /moved over droppable area (?:Number|Text) (\d+)/,
        rows,
      );
    };
    for (let i = -1; more(i, 0.9); i++) {
      const rows = i < 0 ? 10 : ROWS;
      const [a, b] =
        i % 2 === 0
          ? [await dragOurs(rows), await dragPeer(rows)]
          : (([p, o]) => [o, p])([await dragPeer(rows), await dragOurs(rows)]);
      if (i >= 0) {
        ours.push(a as Drag);
        theirs.push(b as Drag);
      }
    }
    console.log(`drags done (${Math.round((Date.now() - started) / 1000)} s)`);

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

    if (ONLY) {
      const o = (k: keyof Drag) =>
        fmt(
          quantile(
            ours.map((x) => x[k]),
            0.5,
          ),
        );
      const p = (k: keyof Drag) =>
        fmt(
          quantile(
            theirs.map((x) => x[k]),
            0.5,
          ),
        );
      console.log(
        `start ${o('startMs')} vs ${p('startMs')}, frame p95 ${o('frameP95')} vs ${p('frameP95')}, renders/move ${o('rendersPerMove')} vs ${p('rendersPerMove')}, reached ${o('reached')} vs ${p('reached')}`,
      );
      return;
    }
    report({ dropMs, editMs, ours, theirs, heap: { before, after, undoSteps: Number(undoSteps) } });
    console.log(`designer bench done in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (error) {
    console.error('designer bench broke:', error);
    process.exitCode = 1;
  } finally {
    for (const c of contexts) await c.close();
    site.close();
    for (const p of [...profiles, work]) rmSync(p, { recursive: true, force: true });
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

const COMMAND = 'npx -y pnpm@10 --filter @gongfang/bench bench:designer';
const PEER = 'plain @dnd-kit/sortable 10.0.0 list, 300 items';

function report(r: {
  dropMs: { small: number[]; big: number[] };
  editMs: { small: number[]; big: number[] };
  ours: Drag[];
  theirs: Drag[];
  heap: { before: number; after: number; undoSteps: number };
}) {
  const d = stats(r.dropMs.big, r.dropMs.small);
  const e = stats(r.editMs.big, r.editMs.small);
  const pick = (k: keyof Drag) =>
    pairsOf(
      r.ours.map((x) => x[k]),
      r.theirs.map((x) => x[k]),
    );
  const start = pick('startMs');
  const frames = pick('frameP95');
  const renders = pick('rendersPerMove');
  const rows = [
    resultRow(4, 'designer: drag across 50 rows of 300, p95 frame gap', 'ms', PEER, frames, '≤ 1.0'),
    resultRow(4, 'designer: drag across 50 rows of 300, React renders per move', 'renders', PEER, renders, '≤ 0.1'),
    resultRow(
      0,
      'designer: drop of a palette field → paint, 300 fields ÷ 30',
      'ms',
      'the same designer with 30 fields',
      pairsOf(r.dropMs.big, r.dropMs.small),
      '≤ 2',
    ),
    resultRow(
      0,
      'designer: label keystroke → canvas paint, 300 fields ÷ 30',
      'ms',
      'the same designer with 30 fields',
      pairsOf(r.editMs.big, r.editMs.small),
      '≤ 2',
    ),
  ];
  writeResultFile('designer', COMMAND, rows);
  const row = (name: string, s: ReturnType<typeof stats>) =>
    `| ${name} | ${fmt(s.big50)} / ${fmt(s.big95)} | ${fmt(s.small50)} / ${fmt(s.small95)} | ${fmt(s.ratio)} (IQR ${fmt(s.ratioLo)}–${fmt(s.ratioHi)}) | < 2 |`;
  const dragRow = (name: string, p: PairResult, target: string) => {
    const ratio = quantile(p.ratios, 0.5);
    return `| ${name} | ${fmt(quantile(p.ours, 0.5))} | ${fmt(quantile(p.peer, 0.5))} | ${fmt(ratio)} (IQR ${fmt(quantile(p.ratios, 0.25))}–${fmt(quantile(p.ratios, 0.75))}) | ${target} |`;
  };
  const lines = [
    '# Designer benchmark',
    '',
    `${machine()}; headless Chromium, 1440×900, a persistent profile per page, 4x CPU throttling (CDP); ` +
      `alternated pairs after warm-up: ${r.dropMs.big.length} of drops, ${r.editMs.big.length} of edits, ${r.ours.length} of drags (up to ${PAIRS}; fewer when the time budget runs out); ${new Date().toISOString().slice(0, 10)}. Reproduce: \`${COMMAND}\`.`,
    '',
    '## Form size: 300 fields against 30',
    '',
    '| metric (ms, p50 / p95) | 300 fields | 30 fields | ratio 300÷30, median | target |',
    '|---|---|---|---|---|',
    row('drop of a palette field → next painted frame', d),
    row('label keystroke → canvas updated, painted', e),
    '',
    `## Drag across ${ROWS} rows: the designer's 300-field canvas against a plain @dnd-kit/sortable list (issue 7 row 4)`,
    '',
    `Keyboard drag of the first item down ${ROWS} rows (Space, ArrowDown × ${ROWS}, each key after the frame of the one before, Escape); ` +
      `peer: bench/pages/designer/src/peer.tsx, ${PEER} as the dnd-kit documentation builds it.`,
    '',
    '| metric (median of pairs) | designer | peer | ratio designer÷peer, median | target |',
    '|---|---|---|---|---|',
    dragRow('drag start: Space → next painted frame (ms)', start, '—'),
    dragRow('p95 gap between frames during the moves (ms)', frames, '≤ 1.0'),
    dragRow('React component renders per row moved', renders, '≤ 0.1'),
    '',
    `React commits during the ${ROWS} moves, median: designer ${median(r.ours, 'commits')}, peer ${median(r.theirs, 'commits')}. ` +
      `Row the item was over at the end (dnd-kit's keyboard sensor scrolls on some keys instead of moving), ` +
      `median: designer ${median(r.ours, 'reached')}, peer ${median(r.theirs, 'reached')}.`,
    '',
    `## Memory`,
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
