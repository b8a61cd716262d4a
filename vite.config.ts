import { defineConfig } from 'vitest/config';

// One suite: every package's unit tests (`packages/*/src/**/*.test.ts[x]`, `packages/*/test/**`).
export default defineConfig({
  test: {
    projects: ['packages/*'],
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
