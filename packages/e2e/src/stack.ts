/**
 * The product as it runs in a factory, for browser tests: the REAL server process
 * (`tsx packages/server/src/main.ts`) on a fresh PGlite DATA_DIR or a throw-away PostgreSQL, one
 * process or several sharing the database. Any e2e harness in the repository can use it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningPostgres, startPostgres } from '../../server/src/testing/postgres.ts';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export type DbKind = 'pglite' | 'postgres';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerProcess {
  base: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * One server process on a free port. `DATABASE_URL` when given, else PGlite in `dataDir`. Resolves
 * once it prints that it is running; the first start on an empty database seeds the demo factory,
 * which takes minutes on a loaded machine.
 */
export async function startServerProcess(
  db: { databaseUrl: string } | { dataDir: string },
  timeoutMs = 300_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  if ('databaseUrl' in db) {
    env.DATABASE_URL = db.databaseUrl;
    delete env.DATA_DIR;
  } else {
    env.DATA_DIR = db.dataDir;
    delete env.DATABASE_URL;
  }
  const child: ChildProcess = spawn('npx', ['tsx', 'packages/server/src/main.ts'], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = (signal: NodeJS.Signals) => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    }
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Gongfang is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was running:\n${output}`));
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Stack {
  db: DbKind;
  /** One base URL per server process. */
  bases: string[];
  /** The PostgreSQL the processes share (postgres only), for tests that read the tables. */
  databaseUrl?: string;
  stop(): Promise<void>;
}

/**
 * A fresh database (PGlite folder or PostgreSQL cluster) and `processes` server processes on it.
 * The first process migrates and seeds; the others start after it, on the seeded database.
 */
export async function startStack(db: DbKind, processes = 1): Promise<Stack> {
  if (db === 'pglite' && processes !== 1) throw new Error('PGlite is one process; use PostgreSQL to scale out');
  let postgres: RunningPostgres | undefined;
  let dataDir: string | undefined;
  const servers: ServerProcess[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    postgres?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (db === 'postgres') postgres = await startPostgres();
    else dataDir = mkdtempSync(join(tmpdir(), 'gongfang-e2e-'));
    const where = postgres ? { databaseUrl: postgres.url } : { dataDir: dataDir ?? '' };
    servers.push(await startServerProcess(where));
    for (let i = 1; i < processes; i++) servers.push(await startServerProcess(where));
  } catch (error) {
    await stop();
    throw error;
  }
  return { db, bases: servers.map((s) => s.base), ...(postgres ? { databaseUrl: postgres.url } : {}), stop };
}
