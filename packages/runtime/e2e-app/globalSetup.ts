import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

/** Builds the runtime if stale, then starts the real server on a fresh database; returns teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  execFileSync('npx', ['tsx', 'packages/runtime/scripts/buildIfStale.ts'], { cwd: repo, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'gongfang-e2e-'));
  const port = await freePort();
  const server: ChildProcess = spawn('npx', ['tsx', 'packages/server/src/main.ts'], {
    cwd: repo,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  };
  // First start seeds the demo factory and its example records: minutes on a busy machine.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`server did not start:\n${output}`));
    }, 240_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Gongfang is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  process.env.GF_BASE_URL = `http://127.0.0.1:${port}`;
  return async () => {
    stop();
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
