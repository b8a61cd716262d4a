import { defineConfig, devices } from '@playwright/test';

/**
 * The runtime app against the REAL server: e2e-app/globalSetup.ts builds the runtime when stale,
 * starts `packages/server/src/main.ts` with a fresh DATA_DIR on a free port, and stops it after.
 * System Chromium only (never downloaded).
 */
export default defineConfig({
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
      use: { ...devices['Desktop Chrome'], viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true },
    },
  ],
});
