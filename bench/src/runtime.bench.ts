/**
 * Runtime benchmark (issue 4; issue 7 rows 1–3): a 300-field definition with 20 visibility rules and
 * a 50-row sub-table rendered by packages/runtime's FormView, side by side in one Chromium with
 * @rjsf/core + validator-ajv8 (liveValidate) on the equivalent JSON Schema, a hand-written React
 * floor (300 uncontrolled inputs + a 50-row table) and a one-input page (the harness floor).
 * Persistent profile, 1024×768, 4x CPU throttling through CDP. Measures cold first render,
 * keystroke → next paint on field 150 (p50, p95, React commits per key) and first-screen JS
 * gzipped; alternates ours / peer (A B A B …). Writes bench/results/runtime.md.
 *
 * PAIRS (default 15): first-render pairs; KEYS (default 2 × PAIRS): keystroke rounds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from 'playwright';
import { fmt, machine, quantile, table } from './harness.ts';
import { ARM_KEY, INIT } from './runtimePage.ts';

const PAIRS = Math.max(1, Number(process.env.PAIRS ?? 15));
const KEYS = Math.max(2, Number(process.env.KEYS ?? PAIRS * 2));
const benchDir = fileURLToPath(new URL('../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'gongfang-runtime-bench-dist-'));

type Side = 'ours' | 'rjsf' | 'floor' | 'single';
const SIDES: Side[] = ['ours', 'rjsf', 'floor', 'single'];
const PAGE: Record<Side, string> = { ours: 'gongfang', rjsf: 'rjsf', floor: 'floor', single: 'single' };
const KEY_SELECTOR: Record<Side, string> = {
  ours: '#gf-big-f150',
  rjsf: '#root_f150',
  floor: '#f150',
  single: '#f150',
};

function serve(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(out, path));
    if (!file.startsWith(out) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' }[extname(file)];
    // No HTTP cache: every load is cold on the network side (the profile still keeps V8's code cache).
    res.writeHead(200, { 'content-type': type ?? 'application/octet-stream', 'cache-control': 'no-store' });
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

async function throttledPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return page;
}

interface Load {
  ms: number;
  controls: number;
  jsGzip: number;
  jsFiles: string[];
}

/** Opens the page in a fresh tab: navigation start → the last field painted; the JS loaded before. */
async function load(
  context: BrowserContext,
  base: string,
  side: Side,
  keep = false,
): Promise<{ load: Load; page: Page }> {
  const page = await throttledPage(context);
  const js: { url: string; body: Promise<Buffer> }[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') {
      const body = r.body();
      body.catch(() => undefined);
      js.push({ url: r.url(), body });
    }
  });
  page.on('pageerror', (e) => console.error(`${side}: ${e.message}`));
  await page.goto(`${base}/${PAGE[side]}.html`);
  await page.waitForFunction('window.__firstRender !== undefined', undefined, { timeout: 60_000, polling: 100 });
  const { ms, controls } = (await page.evaluate('({ ms: window.__firstRender, controls: window.__controls })')) as {
    ms: number;
    controls: number;
  };
  // Scripts that had arrived by first render (later lazy chunks are not first-screen JS).
  const before = js.slice();
  let jsGzip = 0;
  for (const s of before) jsGzip += gzipSync(await s.body, { level: 9 }).length;
  const result = { ms, controls, jsGzip, jsFiles: before.map((s) => s.url.replace(/.*\//, '')) };
  if (!keep) await page.close();
  return { load: result, page };
}

interface KeySample {
  ms: number;
  commits: number;
  eventTiming: number | undefined;
}

/** One keystroke into field 150: keydown → next paint, commits over the next 250 ms. */
async function keystroke(page: Page, key: string): Promise<KeySample> {
  await page.bringToFront();
  const c0 = (await page.evaluate('window.__commits')) as number;
  const armed = page.evaluate(`(${ARM_KEY})()`) as Promise<{ ms: number; t0: number }>;
  armed.catch(() => undefined);
  await page.keyboard.press(key);
  const { ms, t0 } = await Promise.race([
    armed,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no paint within 15 s of a keystroke')), 15_000),
    ),
  ]);
  await page.waitForTimeout(250);
  const { commits, et } = (await page.evaluate(`(() => {
    const mine = window.__events.filter((e) => Math.abs(e.start - ${t0}) < 2 || (e.start >= ${t0} && e.start < ${t0} + 200));
    return { commits: window.__commits - ${c0}, et: mine.length ? Math.max(...mine.map((e) => e.duration)) : null };
  })()`)) as { commits: number; et: number | null };
  return { ms, commits, eventTiming: et ?? undefined };
}

const median = (v: readonly number[]) => quantile(v, 0.5);
const spread = (v: readonly number[]) => `${fmt(quantile(v, 0.25))}–${fmt(quantile(v, 0.75))}`;

async function main() {
  const started = Date.now();
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'pages/runtime/vite.config.ts', '--outDir', out, '--logLevel', 'error'],
    {
      cwd: benchDir,
      stdio: 'inherit',
    },
  );
  const site = await serve();
  const profile = mkdtempSync(join(tmpdir(), 'gongfang-runtime-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1024, height: 768 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  await context.addInitScript({ content: INIT });
  try {
    // ---- Cold first render: ours, rjsf, floor, single in turn; the order flips every round.
    const first: Record<Side, number[]> = { ours: [], rjsf: [], floor: [], single: [] };
    const loads: Partial<Record<Side, Load>> = {};
    for (let i = -1; i < PAIRS; i++) {
      const order = i % 2 === 0 ? SIDES : [...SIDES].reverse();
      for (const side of order) {
        const { load: l } = await load(context, site.url, side);
        if (i < 0) {
          loads[side] = l;
          console.log(`${side}: ${l.controls} controls, first-screen JS ${l.jsFiles.join(', ')}`);
        } else first[side].push(l.ms);
      }
      if (i >= 0)
        console.log(`first render #${i + 1}: ${SIDES.map((s) => `${s} ${fmt(first[s][i] ?? NaN)}`).join(' · ')} ms`);
    }

    // ---- Keystrokes into field 150: one tab per page, the keys alternate between tabs.
    const tabs = {} as Record<Side, Page>;
    for (const side of SIDES) {
      const { page } = await load(context, site.url, side, true);
      await page.locator(KEY_SELECTOR[side]).scrollIntoViewIfNeeded();
      await page.locator(KEY_SELECTOR[side]).focus();
      tabs[side] = page;
    }
    const keys: Record<Side, KeySample[]> = { ours: [], rjsf: [], floor: [], single: [] };
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let i = -2; i < KEYS; i++) {
      const order = i % 2 === 0 ? SIDES : [...SIDES].reverse();
      for (const side of order) {
        await tabs[side].locator(KEY_SELECTOR[side]).focus();
        const s = await keystroke(tabs[side], letters[(i + 2) % 26] as string);
        if (i >= 0) keys[side].push(s);
        console.log(`key ${i} ${side}: ${fmt(s.ms)} ms, ${s.commits} commits`);
      }
    }
    for (const side of SIDES) {
      const value = await tabs[side].locator(KEY_SELECTOR[side]).inputValue();
      if (value.length !== KEYS + 2)
        throw new Error(`${side}: field 150 holds ${value.length} characters, wanted ${KEYS + 2}`);
    }

    // ---- Report.
    const ms = (side: Side) => keys[side].map((k) => k.ms);
    const et = (side: Side) => keys[side].flatMap((k) => (k.eventTiming === undefined ? [] : [k.eventTiming]));
    const pairRatios = first.ours.map((o, i) => o / (first.rjsf[i] ?? NaN));
    const floorRatios = first.ours.map((o, i) => o / (first.floor[i] ?? NaN));
    const p95 = (s: Side) => quantile(ms(s), 0.95);
    const p50 = (s: Side) => quantile(ms(s), 0.5);
    const commits = (s: Side) => median(keys[s].map((k) => k.commits));
    const ours = loads.ours as Load;
    const rjsf = loads.rjsf as Load;
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    const date = new Date().toISOString().slice(0, 10);
    const m = machine();
    const verdict = (ok: boolean) => (ok ? 'holds' : 'misses');
    const rows: string[][] = [
      [
        'cold first render, median ms (IQR)',
        `${fmt(median(first.ours))} (${spread(first.ours)})`,
        `${fmt(median(first.rjsf))} (${spread(first.rjsf)})`,
        `${fmt(median(pairRatios))} (pairs ${spread(pairRatios)})`,
        `≤ 0.33 of rjsf: ${verdict(median(pairRatios) <= 0.33)}`,
      ],
      [
        'cold first render vs the hand-written floor',
        fmt(median(first.ours)),
        `floor ${fmt(median(first.floor))} (${spread(first.floor)}); one input ${fmt(median(first.single))}`,
        `${fmt(median(floorRatios))} (pairs ${spread(floorRatios)})`,
        `≤ 1.5 of the floor: ${verdict(median(floorRatios) <= 1.5)}`,
      ],
      [
        'keystroke → next paint, field 150, p50 ms',
        fmt(p50('ours')),
        `${fmt(p50('rjsf'))}`,
        fmt(p50('ours') / p50('rjsf')),
        '—',
      ],
      [
        'keystroke → next paint, p95 ms',
        fmt(p95('ours')),
        fmt(p95('rjsf')),
        fmt(p95('ours') / p95('rjsf')),
        `≤ 0.2 of rjsf: ${verdict(p95('ours') / p95('rjsf') <= 0.2)}`,
      ],
      [
        'keystroke p95 vs the one-input page',
        fmt(p95('ours')),
        `one input ${fmt(p95('single'))} (p50 ${fmt(p50('single'))}); 300-input floor ${fmt(p95('floor'))} (p50 ${fmt(p50('floor'))})`,
        fmt(p95('ours') / p95('single')),
        `≤ 2 of the one-input page: ${verdict(p95('ours') / p95('single') <= 2)}`,
      ],
      [
        'keystroke, Event Timing duration p50 / p95 ms',
        `${fmt(quantile(et('ours'), 0.5))} / ${fmt(quantile(et('ours'), 0.95))} (${et('ours').length} keys ≥ 16 ms)`,
        `${fmt(quantile(et('rjsf'), 0.5))} / ${fmt(quantile(et('rjsf'), 0.95))} (${et('rjsf').length} keys ≥ 16 ms)`,
        '—',
        'cross-check',
      ],
      ['React commits per keystroke, median', fmt(commits('ours'), 1), fmt(commits('rjsf'), 1), '—', '—'],
      [
        'first-screen JS, gzipped (incl. React)',
        kb(ours.jsGzip),
        kb(rjsf.jsGzip),
        fmt(ours.jsGzip / rjsf.jsGzip),
        `< 120 KB: ${verdict(ours.jsGzip < 120 * 1024)}; ≤ 0.6 of rjsf: ${verdict(ours.jsGzip / rjsf.jsGzip <= 0.6)}`,
      ],
    ];
    const header = ['metric', 'ours', 'peer (rjsf 6.11.1 + validator-ajv8, liveValidate)', 'ratio', 'target'];
    const text = [
      '# Runtime benchmark',
      '',
      `\`npx -y pnpm@10 --filter @gongfang/bench bench:runtime\` (bench/src/runtime.bench.ts), ${date}, ${m}.`,
      `Headless Chromium (/usr/bin/chromium), persistent profile, 1024×768, 4x CPU throttling through CDP;`,
      `${PAIRS} alternated first-render rounds (ours / rjsf / floor / one input, order flipped each round, one`,
      `unmeasured round first); ${KEYS} keystroke rounds, 250 ms apart, one tab per page, the key alternating`,
      `between tabs (2 unmeasured). Latency = keydown event time → a rAF after the input event, then a`,
      `message after that frame. First-screen JS = gzip -9 of every script fetched before first render.`,
      '',
      `Form: 300 fields (text/number/select/date/textarea) in 12 sections, 20 visible-when rules (hidden`,
      `at first), every 10th required, a 50-row × 5-column sub-table. Controls in the DOM at first render:`,
      `ours ${ours.controls}, rjsf ${rjsf.controls}, floor ${loads.floor?.controls}. Machine: ${m}. Date: ${date}.`,
      '',
      table(header, rows),
      '',
      `Ours first-screen scripts: ${ours.jsFiles.join(', ')}. rjsf: ${rjsf.jsFiles.join(', ')}.`,
      '',
    ].join('\n');
    writeFileSync(join(benchDir, 'results/runtime.md'), text);
    console.log(`\n${text}\nwritten to bench/results/runtime.md in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await context.close();
    site.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
