/*
 * Gathers the figures the fault tests left in test-results/reliability/*.json (one file per test and
 * database: { name, db, figure, values, date }) into a Markdown table. `--readme` also rewrites the
 * README's Reliability section between its markers. Run after `npx -y pnpm@10 test`:
 *
 *   npx tsx scripts/reliability-report.ts            # prints the table
 *   npx tsx scripts/reliability-report.ts --readme   # and writes it into README.md
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Figure {
  name: string;
  db: string;
  figure: string;
  values?: Record<string, unknown>;
  date?: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = join(root, 'test-results/reliability');

function load(): Figure[] {
  if (!existsSync(folder)) return [];
  const figures: Figure[] = [];
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith('.json')) continue;
    try {
      const parsed = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Partial<Figure>;
      if (typeof parsed.name === 'string' && typeof parsed.figure === 'string') {
        figures.push({ db: 'pglite', ...parsed } as Figure);
      } else console.warn(`skipped ${file}: no name or figure`);
    } catch (error) {
      console.warn(`skipped ${file}: ${(error as Error).message}`);
    }
  }
  return figures;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function reliabilityTable(figures: Figure[]): string {
  if (figures.length === 0) return '_No figures: run the test command first._';
  const dates = figures
    .map((f) => f.date ?? '')
    .filter(Boolean)
    .sort();
  const rows = figures
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name) || a.db.localeCompare(b.db))
    .map((f) => `| ${cell(f.name)} | ${cell(f.db)} | ${cell(f.figure)} |`);
  const [first, last] = [dates[0]?.slice(0, 10), dates.at(-1)?.slice(0, 10)];
  const when = !first ? 'Last run' : first === last ? `Last run: ${first}` : `Figures from ${first} to ${last}`;
  return [
    `${when}, ${figures.length} figures.`,
    '',
    '| test | database | figure |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

const START = '<!-- reliability:start -->';
const END = '<!-- reliability:end -->';

function main(): void {
  const table = reliabilityTable(load());
  console.log(table);
  if (!process.argv.includes('--readme')) return;
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  writeFileSync(readmePath, `${readme.slice(0, start + START.length)}\n\n${table}\n\n${readme.slice(end)}`);
  console.log('\nREADME.md: Reliability section rewritten (run `npx biome format --write README.md` to align it)');
}

main();
