/** `pnpm bench`: every benchmark in turn, each in its own process so none warms another's JIT. */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = ['schema.bench.ts'];
let broken = 0;
for (const file of benches) {
  console.log(`\n== ${file}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  // A slow result is still a result; only a broken run (crash, invalid fixture) fails the command.
  if (run.status !== 0) broken++;
}
process.exit(broken > 0 ? 1 : 0);
