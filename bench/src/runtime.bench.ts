/**
 * Runtime benchmark (issue 4; issue 7 rows 1–3): a 300-field definition with 20 visibility rules and
 * a 50-row sub-table rendered by packages/runtime's FormView, side by side in one Chromium with
 * @rjsf/core + validator-ajv8 (liveValidate) on the equivalent JSON Schema, react-hook-form (the
 * minimal-render reference, validation on every change), a hand-written React floor (300
 * uncontrolled inputs + a 50-row table) and a one-input page (the harness floor).
 * Persistent profile, 1024×768, 4x CPU throttling through CDP. Measures cold first render (first
 * screen, and every field mounted), keystroke → next paint on field 150 found by its label (p50,
 * p95, React commits per key, Event Timing) and first-screen JS gzipped; alternates ours and the
 * peers (A B A B …, the order flipped every round). Writes bench/results/runtime.md and
 * bench/results/runtime.json.
 *
 * PAIRS (default 15): first-render rounds; KEYS (default 2 × PAIRS): keystroke rounds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright';
import {
  fmt,
  machine,
  type PairResult,
  quantile,
  type ResultRow,
  resultRow,
  table,
  writeResultFile,
} from './harness.ts';
import { INIT } from './runtimePage.ts';

const PAIRS = Math.max(1, Number(process.env.PAIRS ?? 15));
const KEYS = Math.max(2, Number(process.env.KEYS ?? PAIRS * 2));
const COMMAND = 'npx -y pnpm@10 --filter @gongfang/bench bench:runtime';
const benchDir = fileURLToPath(new URL('../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'gongfang-runtime-bench-dist-'));

type Side = 'ours' | 'rjsf' | 'rhf' | 'floor' | 'single';
const SIDES: Side[] = ['ours', 'rjsf', 'rhf', 'floor', 'single'];
/** Sides loaded in every first-render round (the others once, for the record). */
const RENDER_SIDES: Side[] = ['ours', 'rjsf', 'floor'];
/** Sides typed into in every keystroke round (../shared/BENCH-NOTES.md has the 300-input floor's keys). */
const KEY_SIDES: Side[] = ['ours', 'rjsf', 'rhf', 'single'];
const PAGE: Record<Side, string> = { ours: 'gongfang', rjsf: 'rjsf', rhf: 'rhf', floor: 'floor', single: 'single' };
const NAME: Record<Side, string> = {
  ours: 'Gongfang FormView',
  rjsf: '@rjsf/core 6.11.1 + validator-ajv8, liveValidate',
  rhf: "react-hook-form 7.92.0, mode 'onChange'",
  floor: 'hand-written React, 300 uncontrolled inputs',
  single: 'one input',
};
/** Shared chunks of the benchmark itself (the form spec, the probe): not any side's own JS. */
const BENCH_CHUNK = /^bench-/;

/** Field 150's control, found the way a person would: by its label. */
const field150 = (page: Page): Locator => page.getByLabel('Field 150', { exact: true });

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
  /** Navigation start → first screen painted. */
  first: number;
  /** Navigation start → the last field in the DOM and painted. */
  full: number;
  controls: number;
  jsGzip: number;
  jsFiles: string[];
}

/** Opens the page in a fresh tab and waits until every field is mounted; the JS loaded by first render. */
async function load(
  context: BrowserContext,
  base: string,
  side: Side,
  keep = false,
): Promise<{ load: Load; page: Page }> {
  const page = await throttledPage(context);
  const js: { url: string; at: number; body: Promise<Buffer> }[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') {
      const body = r.body();
      body.catch(() => undefined);
      js.push({ url: r.url(), at: r.request().timing().startTime, body });
    }
  });
  page.on('pageerror', (e) => console.error(`${side}: ${e.message}`));
  await page.goto(`${base}/${PAGE[side]}.html`);
  await page.waitForFunction('window.__fullRender !== undefined && window.__firstRender !== undefined', undefined, {
    timeout: 60_000,
    polling: 100,
  });
  const { first, full, controls, origin } = (await page.evaluate(
    '({ first: window.__firstRender, full: window.__fullRender, controls: window.__controls, origin: performance.timeOrigin })',
  )) as { first: number; full: number; controls: number; origin: number };
  // Scripts requested before the first screen was painted (later lazy chunks are not first-screen JS).
  const before = js.filter((s) => s.at <= origin + first);
  let jsGzip = 0;
  const jsFiles: string[] = [];
  for (const s of before) {
    const file = s.url.replace(/.*\//, '');
    if (BENCH_CHUNK.test(file)) continue;
    jsFiles.push(file);
    jsGzip += gzipSync(await s.body, { level: 9 }).length;
  }
  if (!keep) await page.close();
  return { load: { first, full, controls, jsGzip, jsFiles }, page };
}

interface KeySample {
  ms: number;
  commits: number;
  eventTiming: number | undefined;
}

/** One keystroke into field 150: keydown → next paint; React commits until 250 ms after the key. */
async function keystroke(page: Page, key: string): Promise<KeySample> {
  await page.bringToFront();
  await field150(page).focus();
  const c0 = (await page.evaluate('window.__commits')) as number;
  await page.evaluate('window.__armKey()');
  await page.keyboard.press(key);
  const done = page.evaluate('window.__key') as Promise<{ ms: number; t0: number }>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const { ms, t0 } = await Promise.race([
    done,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no paint within 15 s of a keystroke')), 15_000);
    }),
  ]).finally(() => clearTimeout(timer));
  await page.waitForTimeout(Math.max(0, 250 - ms));
  const { commits, et } = (await page.evaluate(`(() => {
    const mine = window.__events.filter((e) => e.start >= ${t0} - 2 && e.start < ${t0} + 200);
    return { commits: window.__commits - ${c0}, et: mine.length ? Math.max(...mine.map((e) => e.duration)) : null };
  })()`)) as { commits: number; et: number | null };
  return { ms, commits, eventTiming: et ?? undefined };
}

const median = (v: readonly number[]) => quantile(v, 0.5);
const spread = (v: readonly number[]) => `${fmt(quantile(v, 0.25))}–${fmt(quantile(v, 0.75))}`;

/** A fixed-seed PRNG (mulberry32), so the bootstrap below gives the same spread for the same samples. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ratio of the p95s of two alternated keystroke series, with the interquartile range of the same
 * ratio over 500 bootstrap resamples of the key pairs as its spread (a p95 has no per-pair ratio).
 */
function p95Row(metric: string, ours: number[], peer: number[], peerName: string, target: string): ResultRow {
  const p95 = (v: readonly number[]) => quantile(v, 0.95);
  const ratio = p95(ours) / p95(peer);
  const next = random(7);
  const n = Math.min(ours.length, peer.length);
  const boot: number[] = [];
  for (let b = 0; b < 500; b++) {
    const o: number[] = [];
    const p: number[] = [];
    for (let i = 0; i < n; i++) {
      const j = Math.floor(next() * n);
      o.push(ours[j] as number);
      p.push(peer[j] as number);
    }
    boot.push(p95(o) / p95(p));
  }
  const bound = Number(target.replace(/[^0-9.]/g, ''));
  return {
    row: 2,
    metric,
    unit: 'ms',
    ours: p95(ours),
    peer: peerName,
    peerValue: p95(peer),
    ratio,
    spread: [quantile(boot, 0.25), quantile(boot, 0.75)],
    target,
    met: ratio <= bound,
    pairs: n,
  };
}

function pairs(ours: number[], peer: number[]): PairResult {
  return { ours, peer, ratios: ours.map((o, i) => o / (peer[i] ?? Number.NaN)) };
}

async function main() {
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'pages/runtime/vite.config.ts', '--outDir', out, '--logLevel', 'error'],
    { cwd: benchDir, stdio: 'inherit' },
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
    // ---- Cold first render. An unmeasured round of every page first (it also records what each
    // page loads), then PAIRS rounds of ours / rjsf / floor, the order flipped every round.
    const first: Record<Side, number[]> = { ours: [], rjsf: [], rhf: [], floor: [], single: [] };
    const full: Record<Side, number[]> = { ours: [], rjsf: [], rhf: [], floor: [], single: [] };
    const loads: Partial<Record<Side, Load>> = {};
    for (const side of SIDES) {
      const { load: l } = await load(context, site.url, side);
      loads[side] = l;
      console.log(
        `${side}: ${l.controls} controls, first screen ${fmt(l.first)} ms, all mounted ${fmt(l.full)} ms, JS ${l.jsFiles.join(', ')}`,
      );
    }
    for (let i = 0; i < PAIRS; i++) {
      const order = i % 2 === 0 ? RENDER_SIDES : [...RENDER_SIDES].reverse();
      for (const side of order) {
        const { load: l } = await load(context, site.url, side);
        first[side].push(l.first);
        full[side].push(l.full);
      }
      console.log(
        `first render #${i + 1}: ${RENDER_SIDES.map((s) => `${s} ${fmt(first[s][i] ?? Number.NaN)}/${fmt(full[s][i] ?? Number.NaN)}`).join(' · ')} ms (first screen/all mounted)`,
      );
    }

    // ---- Keystrokes into field 150: one tab per page, the keys alternate between tabs.
    const tabs = {} as Record<Side, Page>;
    for (const side of KEY_SIDES) {
      const { page } = await load(context, site.url, side, true);
      await field150(page).scrollIntoViewIfNeeded();
      tabs[side] = page;
    }
    const keys: Record<Side, KeySample[]> = { ours: [], rjsf: [], rhf: [], floor: [], single: [] };
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let i = -2; i < KEYS; i++) {
      const order = i % 2 === 0 ? KEY_SIDES : [...KEY_SIDES].reverse();
      const line: string[] = [];
      for (const side of order) {
        const s = await keystroke(tabs[side], letters[(i + 2) % 26] as string);
        if (i >= 0) keys[side].push(s);
        line.push(`${side} ${fmt(s.ms)} ms/${s.commits}c`);
      }
      console.log(`key ${i}: ${line.join(' · ')}`);
    }
    for (const side of KEY_SIDES) {
      const value = await field150(tabs[side]).inputValue();
      if (value.length !== KEYS + 2)
        throw new Error(`${side}: field 150 holds ${value.length} characters, wanted ${KEYS + 2}`);
    }

    // ---- Report.
    const ms = (side: Side) => keys[side].map((k) => k.ms);
    const et = (side: Side) => keys[side].flatMap((k) => (k.eventTiming === undefined ? [] : [k.eventTiming]));
    const p95 = (s: Side) => quantile(ms(s), 0.95);
    const p50 = (s: Side) => quantile(ms(s), 0.5);
    const commits = (s: Side) => median(keys[s].map((k) => k.commits));
    const ours = loads.ours as Load;
    const rjsf = loads.rjsf as Load;
    const kb = (b: number) => b / 1024;
    const date = new Date().toISOString().slice(0, 10);
    const m = machine();

    const json: ResultRow[] = [
      resultRow(
        1,
        'cold render, 300 fields + 20 rules: navigation → first screen painted',
        'ms',
        NAME.rjsf,
        pairs(first.ours, first.rjsf),
        '≤ 0.33',
      ),
      resultRow(
        1,
        'cold render: navigation → first screen painted, vs the floor',
        'ms',
        NAME.floor,
        pairs(first.ours, first.floor),
        '≤ 1.5',
      ),
      resultRow(
        0,
        'cold render: navigation → every field mounted',
        'ms',
        NAME.rjsf,
        pairs(full.ours, full.rjsf),
        '≤ 1.0',
      ),
      p95Row('keystroke → next paint, field 150, p95', ms('ours'), ms('rjsf'), NAME.rjsf, '≤ 0.2'),
      p95Row('keystroke → next paint, field 150, p95', ms('ours'), ms('rhf'), NAME.rhf, '≤ 1.0'),
      p95Row('keystroke → next paint, field 150, p95', ms('ours'), ms('single'), NAME.single, '≤ 2'),
      {
        // React commits per key: ours commits the typed field only; rjsf commits its whole form
        // once per key; react-hook-form (uncontrolled inputs) commits nothing while typing.
        row: 2,
        metric: 'React commits per keystroke, median',
        unit: 'commits',
        ours: commits('ours'),
        peer: NAME.rjsf,
        peerValue: commits('rjsf'),
        ratio: commits('ours') / commits('rjsf'),
        spread: [commits('ours') / commits('rjsf'), commits('ours') / commits('rjsf')],
        target: '≤ 1.0',
        met: commits('ours') <= commits('rjsf'),
        pairs: keys.ours.length,
      },
      {
        row: 3,
        metric: 'first-screen JavaScript, gzipped (incl. React)',
        unit: 'KB',
        ours: kb(ours.jsGzip),
        peer: '@rjsf/core 6.11.1 + validator-ajv8',
        peerValue: kb(rjsf.jsGzip),
        ratio: ours.jsGzip / rjsf.jsGzip,
        spread: [ours.jsGzip / rjsf.jsGzip, ours.jsGzip / rjsf.jsGzip],
        target: '≤ 0.6',
        met: ours.jsGzip / rjsf.jsGzip <= 0.6,
        pairs: 1,
      },
    ];
    writeResultFile('runtime', COMMAND, json);

    const verdict = (row: ResultRow) => `${row.target}: ${row.met ? 'holds' : 'misses'}`;
    const ratioCell = (row: ResultRow) => `${fmt(row.ratio)} (${fmt(row.spread[0])}–${fmt(row.spread[1])})`;
    const [r1, r1floor, r0full, r2rjsf, r2rhf, r2single, r2commits, r3] = json as [
      ResultRow,
      ResultRow,
      ResultRow,
      ResultRow,
      ResultRow,
      ResultRow,
      ResultRow,
      ResultRow,
    ];
    const rows: string[][] = [
      [
        '1',
        'cold render → first screen painted, median ms (IQR)',
        `${fmt(median(first.ours))} (${spread(first.ours)})`,
        `rjsf ${fmt(median(first.rjsf))} (${spread(first.rjsf)})`,
        ratioCell(r1),
        verdict(r1),
      ],
      [
        '1',
        'the same, vs the hand-written floor',
        fmt(median(first.ours)),
        `floor ${fmt(median(first.floor))} (${spread(first.floor)}); one input ${fmt(loads.single?.first ?? Number.NaN)} (1 load)`,
        ratioCell(r1floor),
        verdict(r1floor),
      ],
      [
        '—',
        'cold render → every field mounted, median ms (IQR)',
        `${fmt(median(full.ours))} (${spread(full.ours)})`,
        `rjsf ${fmt(median(full.rjsf))}; floor ${fmt(median(full.floor))}`,
        ratioCell(r0full),
        'context',
      ],
      [
        '2',
        'keystroke → next paint, field 150, p50 / p95 ms',
        `${fmt(p50('ours'))} / ${fmt(p95('ours'))}`,
        `rjsf ${fmt(p50('rjsf'))} / ${fmt(p95('rjsf'))}`,
        ratioCell(r2rjsf),
        verdict(r2rjsf),
      ],
      [
        '2',
        'the same, vs react-hook-form',
        `${fmt(p50('ours'))} / ${fmt(p95('ours'))}`,
        `rhf ${fmt(p50('rhf'))} / ${fmt(p95('rhf'))}`,
        ratioCell(r2rhf),
        verdict(r2rhf),
      ],
      [
        '2',
        'the same, vs the one-input page',
        `${fmt(p50('ours'))} / ${fmt(p95('ours'))}`,
        `one input ${fmt(p50('single'))} / ${fmt(p95('single'))}`,
        ratioCell(r2single),
        verdict(r2single),
      ],
      [
        '2',
        'React commits per keystroke, median',
        fmt(commits('ours'), 1),
        `rjsf ${fmt(commits('rjsf'), 1)}; rhf ${fmt(commits('rhf'), 1)} (uncontrolled inputs)`,
        fmt(r2commits.ratio),
        verdict(r2commits),
      ],
      [
        '2',
        'keystroke, Event Timing duration p50 / p95 ms (keys ≥ 16 ms)',
        `${fmt(quantile(et('ours'), 0.5))} / ${fmt(quantile(et('ours'), 0.95))} (${et('ours').length})`,
        `rjsf ${fmt(quantile(et('rjsf'), 0.5))} / ${fmt(quantile(et('rjsf'), 0.95))} (${et('rjsf').length}); rhf ${fmt(quantile(et('rhf'), 0.5))} / ${fmt(quantile(et('rhf'), 0.95))} (${et('rhf').length})`,
        '—',
        'cross-check',
      ],
      [
        '3',
        'first-screen JS, gzipped (incl. React)',
        `${kb(ours.jsGzip).toFixed(1)} KB`,
        `rjsf ${kb(rjsf.jsGzip).toFixed(1)} KB`,
        fmt(r3.ratio),
        `${verdict(r3)}; < 120 KB: ${ours.jsGzip < 120 * 1024 ? 'holds' : 'misses'}`,
      ],
    ];
    const header = ['#', 'metric', 'ours', 'peer', 'ratio (spread)', 'target'];
    const text = [
      '# Runtime benchmark',
      '',
      `\`${COMMAND}\` (bench/src/runtime.bench.ts), ${date}, ${m}.`,
      'Headless Chromium (/usr/bin/chromium), persistent profile, 1024×768, 4x CPU throttling through CDP.',
      `First render: one unmeasured load of every page, then ${PAIRS} rounds of ours / rjsf / floor in a fresh tab`,
      'each (order flipped every round); a time is navigation start → the frame after the one that painted the',
      "first field's control (first screen), and → the last field's control in the DOM (every field mounted).",
      `Keystrokes: ${KEYS} rounds (2 unmeasured first), one tab each for ${KEY_SIDES.join(' / ')}, one key per tab in turn (order flipped`,
      'every round), 250 ms apart, into field 150 found by its label. Latency = keydown event time → a rAF after',
      'the input event, then a message after that frame; Event Timing durations as a cross-check. p95 ratios',
      'carry the IQR of 500 bootstrap resamples of the key pairs; first-render ratios the IQR of the per-round',
      'ratios. First-screen JS = gzip -9 of every script requested before the first screen was painted, without',
      "the benchmark's own shared chunks (the form spec and the probe, the same for every page).",
      '',
      'Form: 300 fields (text/number/select/date/textarea) in 12 sections, 20 visible-when rules (hidden at first),',
      'every 10th required, a 50-row × 5-column sub-table. Peers: ' +
        SIDES.filter((s) => s !== 'ours')
          .map((s) => `${s} = ${NAME[s]}`)
          .join('; ') +
        '.',
      `Controls in the DOM once every field is mounted: ${SIDES.map((s) => `${s} ${loads[s]?.controls}`).join(', ')}.`,
      `Machine load (1-minute load average) at start / end: ${loadAtStart.toFixed(1)} / ${(loadavg()[0] ?? 0).toFixed(1)} on`,
      `${cpus().length} cores: other work on the machine stretches the tails (p95) of every page alike.`,
      '',
      table(header, rows),
      '',
      `First-screen scripts: ${SIDES.map((s) => `${s}: ${loads[s]?.jsFiles.join(', ')} (${kb(loads[s]?.jsGzip ?? 0).toFixed(1)} KB)`).join('; ')}.`,
      '',
    ].join('\n');
    writeFileSync(join(benchDir, 'results/runtime.md'), text);
    console.log(
      `\n${text}\nwritten to bench/results/runtime.md and runtime.json in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
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
