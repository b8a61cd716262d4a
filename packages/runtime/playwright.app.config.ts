import { defineConfig, devices } from '@playwright/test';

/**
 * The runtime app against the REAL server: e2e-app/globalSetup.ts builds the runtime when stale,
 * starts `packages/server/src/main.ts` with a fresh DATA_DIR on a free port, and stops it after.
 * System Chromium only (never downloaded).
 */
export default defineConfig({
  // One retry in CI: a browser test on a loaded 2-core machine can lose a race with the app's own
  // timers (see the note on issue 5); a failure that repeats still fails the run.
  retries: process.env.CI ? 1 : 0,
  testDir: 'e2e-app',
  outputDir: '../../test-results/runtime-app',
  globalSetup: './e2e-app/globalSetup.ts',
  timeout: 120_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    serviceWorkers: 'allow',
  },
  projects: [
    {
      name: 'landscape',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1024, height: 768 }, hasTouch: true },
    },
    {
      name: 'portrait',
      // The faults (e2e-app/faults) run once, in landscape: they test sync and storage, not layout.
      testIgnore: 'faults/**',
      use: { ...devices['Desktop Chrome'], viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true },
    },
  ],
});
