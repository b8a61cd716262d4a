import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, test as base } from '@playwright/test';
import { type DbKind, REPO, type Stack, startStack } from './stack.ts';

export interface Figure {
  /** One line a person reads: "12 records on the server, 0 duplicates, 143 s". */
  figure: string;
  values: Record<string, number | string | boolean>;
}

/**
 * Writes `test-results/reliability/<name>.<db>.json` at the repository root: the figure a test
 * reports, collected into the README's Reliability section.
 */
export function recordFigure(name: string, db: DbKind, figure: Figure): void {
  const dir = join(REPO, 'test-results', 'reliability');
  mkdirSync(dir, { recursive: true });
  const row = { name, db, figure: figure.figure, values: figure.values, date: new Date().toISOString() };
  writeFileSync(join(dir, `${name}.${db}.json`), `${JSON.stringify(row, null, 2)}\n`);
}

export type Orientation = 'landscape' | 'portrait';

/** A tablet: its own storage, touch, service workers allowed, in landscape or portrait. */
export async function newTablet(browser: Browser, orientation: Orientation): Promise<BrowserContext> {
  const viewport = orientation === 'landscape' ? { width: 1024, height: 768 } : { width: 768, height: 1024 };
  return browser.newContext({
    viewport,
    hasTouch: true,
    isMobile: orientation === 'portrait',
    serviceWorkers: 'allow',
  });
}

/**
 * `db` comes from the Playwright project; `stack` is the real server on a fresh database of that
 * kind, one per worker (so one per project: the journeys in a project share it, in order).
 */
export const test = base.extend<Record<never, never>, { db: DbKind; processes: number; stack: Stack }>({
  db: ['pglite', { option: true, scope: 'worker' }],
  processes: [1, { option: true, scope: 'worker' }],
  stack: [
    async ({ db, processes }, use) => {
      const stack = await startStack(db, processes);
      try {
        await use(stack);
      } finally {
        await stack.stop();
      }
    },
    { scope: 'worker', timeout: 600_000 },
  ],
});

export { expect } from '@playwright/test';
