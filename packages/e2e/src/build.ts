/**
 * Builds what the server serves before the browser tests: the runtime (/app/, through its own
 * scripts/buildIfStale.ts) and the designer (/designer/) when its dist/ is missing or older than any
 * source it is made from. Nothing changed: only file times are compared.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './stack.ts';

const packages = join(REPO, 'packages');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || /\.test\.tsx?$/.test(entry)) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

const DESIGNER_SOURCES = [
  'designer/src',
  'designer/index.html',
  'designer/vite.config.ts',
  'designer/package.json',
  'runtime/src',
  'offline/src',
  'workflow/src',
  'schema/src',
].map((p) => join(packages, p));

export function designerIsStale(): boolean {
  const stamp = join(packages, 'designer', 'dist', 'index.html');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  return built < Math.max(...DESIGNER_SOURCES.map(newest));
}

export function buildIfStale(): void {
  execFileSync('npx', ['tsx', 'packages/runtime/scripts/buildIfStale.ts'], { cwd: REPO, stdio: 'inherit' });
  if (designerIsStale()) {
    console.log('designer: building /designer/ (vite build)…');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: join(packages, 'designer'), stdio: 'inherit' });
  } else {
    console.log('designer: dist/ is up to date');
  }
}
