import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RealServer {
  base: string;
  stop(): Promise<void>;
}

/**
 * The REAL server (`tsx packages/server/src/main.ts`) on a fresh DATA_DIR and a free port. It
 * serves the designer's build (dist/, made by the Playwright web server step) at /designer/ and
 * the runtime's at /app/ (built here when stale).
 */
export async function startRealServer(): Promise<RealServer> {
  execFileSync('npx', ['tsx', 'packages/runtime/scripts/buildIfStale.ts'], { cwd: repo, stdio: 'inherit' });
  if (!existsSync(join(repo, 'packages/designer/dist/index.html'))) {
    execFileSync('npx', ['vite', 'build'], { cwd: join(repo, 'packages/designer'), stdio: 'inherit' });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'gongfang-journey-'));
  const port = await freePort();
  const child: ChildProcess = spawn('npx', ['tsx', 'packages/server/src/main.ts'], {
    cwd: repo,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 300_000);
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
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
