import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface AdminHarness {
  /** The real server: /api, and the runtime at /app/. */
  server: string;
  /** The built designer (dist/) with /api passed through to the server, same host. */
  designer: string;
  close(): Promise<void>;
}

/**
 * The REAL server (`tsx packages/server/src/main.ts`) on a fresh DATA_DIR and a free port, and the
 * designer's vite build served beside it with /api proxied, so the admin pages talk to the server
 * as they do when the server serves them (cookies are per host, not per port).
 */
export async function startAdminHarness(): Promise<AdminHarness> {
  execFileSync('npx', ['tsx', 'packages/runtime/scripts/buildIfStale.ts'], { cwd: repo, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'gongfang-admin-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn('npx', ['tsx', 'packages/server/src/main.ts'], {
    cwd: repo,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Gongfang is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });

  const proxy: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/api/')) {
      const upstream = httpRequest(
        { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    const rest = url.pathname.replace(/^\/designer\//, '/');
    let file = normalize(join(dist, rest));
    if (!file.startsWith(dist) || !statSync(file, { throwIfNoEntry: false })?.isFile()) file = join(dist, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  const designerPort = await freePort();
  await new Promise<void>((resolve) => proxy.listen(designerPort, '127.0.0.1', resolve));

  return {
    server: `http://127.0.0.1:${port}`,
    designer: `http://127.0.0.1:${designerPort}`,
    async close() {
      await new Promise((r) => proxy.close(r));
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
