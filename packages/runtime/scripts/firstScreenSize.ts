/**
 * Gzipped size of the JavaScript the app's first screen loads: the entry chunk of index.html and
 * every chunk it imports statically (lazy chunks excluded). Reads dist/.vite/manifest.json.
 * `npx tsx scripts/firstScreenSize.ts` prints it; exits 1 above the 120 KB budget.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

const BUDGET = 120 * 1024;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

export function firstScreenFiles(manifest: Record<string, ManifestChunk>, entry = 'index.html'): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(entry);
  return [...files];
}

const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8')) as Record<string, ManifestChunk>;
let total = 0;
for (const file of firstScreenFiles(manifest)) {
  const gz = gzipSync(readFileSync(dist + file), { level: 9 }).length;
  total += gz;
  console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  first-screen JS, gzipped (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) process.exit(1);
