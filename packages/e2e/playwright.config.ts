import { defineConfig, devices } from '@playwright/test';
import type { DbKind } from './src/stack.ts';

/**
 * The whole product in the system Chromium (never downloaded) against the REAL server: the three
 * users' journeys on a fresh PGlite folder and on a throw-away PostgreSQL, then two server processes
 * on one PostgreSQL behind a round-robin proxy. One worker: a project's journeys share its server.
 */
export default defineConfig<{ db: DbKind; processes: number }>({
  // One retry in CI only: a loaded 2-core machine can lose a race with the app's own timers; a
  // failure that repeats still fails the run.
  retries: process.env.CI ? 1 : 0,
  testDir: 'journeys',
  outputDir: '../../test-results/e2e',
  globalSetup: './src/globalSetup.ts',
  timeout: 300_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    actionTimeout: 20_000,
    screenshot: 'only-on-failure',
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'pglite', testIgnore: /scale-out/, use: { db: 'pglite' } },
    { name: 'postgres', testIgnore: /scale-out/, use: { db: 'postgres' } },
    { name: 'scale-out', testMatch: /scale-out/, use: { db: 'postgres', processes: 2 } },
  ],
});
