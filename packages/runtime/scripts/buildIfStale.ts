/**
 * `pnpm start` runs this first: builds the runtime (vite build) when dist/ is missing or older than
 * any source it is made from, so the server always serves a current /app/. A second start with
 * nothing changed only compares file times (well under a second).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runtime = fileURLToPath(new URL('..', import.meta.url));
const packages = join(runtime, '..');
const SOURCES = [
  join(runtime, 'src'),
  join(runtime, 'public'),
  join(runtime, 'build'),
  join(runtime, 'index.html'),
  join(runtime, 'preview.html'),
  join(runtime, 'vite.config.ts'),
  join(runtime, 'package.json'),
  join(packages, 'schema', 'src'),
  join(packages, 'offline', 'src'),
];
const STAMP = join(runtime, 'dist', '.vite', 'manifest.json');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
const source = Math.max(...SOURCES.map(newest));
if (built >= source) {
  console.log('runtime: dist/ is up to date');
} else {
  console.log('runtime: building /app/ (vite build)…');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: runtime, stdio: 'inherit' });
}
