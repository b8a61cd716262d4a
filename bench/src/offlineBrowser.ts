/**
 * What the offline and sync benchmarks share: build a page folder with vite into a temp folder,
 * serve it (optionally passing /api/* on to a server), and a headless Chromium with a persistent
 * profile, so IndexedDB lives on disk as it does on a tablet.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright';

const benchDir = fileURLToPath(new URL('../', import.meta.url));

/** Builds bench/pages/<name> with its vite.config.ts; returns the output folder. */
export function buildPages(name: string): string {
  const out = mkdtempSync(join(tmpdir(), `gongfang-${name}-bench-dist-`));
  execFileSync(
    'npx',
    ['vite', 'build', '--config', `pages/${name}/vite.config.ts`, '--outDir', out, '--logLevel', 'error'],
    { cwd: benchDir, stdio: 'inherit' },
  );
  return out;
}

export interface Site {
  url: string;
  close: () => Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Passes a request on to `origin` unchanged, and its answer back. */
export function proxyTo(origin: string): Handler {
  return (req, res) => {
    const upstream = request(
      new URL(req.url ?? '/', origin),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  };
}

/** Serves `dir` on a free port; `/api/*` goes to `api` when given (same origin, so cookies work). */
export function serveDir(dir: string, api?: Handler): Promise<Site> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (api && path.startsWith('/api/')) return api(req, res);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' }[extname(file)];
    res.writeHead(200, { 'content-type': type ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Headless Chromium on a fresh persistent profile (deleted on close). */
export async function launchBrowser(name: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), `gongfang-${name}-bench-profile-`));
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
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A new tab with 4x CPU throttling through CDP; page errors are printed. */
export async function throttledPage(context: BrowserContext, label: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`${label}: ${e.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return page;
}

/** Reads the time budget and pairs `pnpm bench` passes; standalone runs get the defaults. */
export function benchEnv(defaultBudgetS: number): { pairs: number; budgetS: number; started: number } {
  const pairs = Math.max(1, Number(process.env.BENCH_PAIRS ?? process.env.PAIRS ?? 15));
  const budgetS = Math.max(10, Number(process.env.BENCH_BUDGET_S ?? defaultBudgetS));
  return { pairs, budgetS, started: Date.now() };
}
