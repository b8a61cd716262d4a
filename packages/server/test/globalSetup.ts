import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../src/db/pglite.ts';
import { startPostgres } from '../src/testing/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test PostgreSQL; each test file creates its own database there. */
    pgAdminUrl: string;
    /** An initialized, empty PGlite data folder; each test copies it (initdb takes seconds). */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startPostgres();
  const templateRoot = mkdtempSync(join(tmpdir(), 'gongfang-pglite-'));
  const template = join(templateRoot, 'data');
  const pglite = await openPglite(template);
  await pglite.close();
  project.provide('pgAdminUrl', postgres.url);
  project.provide('pgliteTemplate', template);
  return async () => {
    postgres.stop();
    rmSync(templateRoot, { recursive: true, force: true });
  };
}
