import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Starts a real PostgreSQL 15 and prepares an initialized PGlite folder to copy per test file.
    globalSetup: ['test/globalSetup.ts'],
    // PGlite runs WebAssembly and holds big buffers: separate processes keep test files apart.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
