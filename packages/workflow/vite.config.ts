import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'workflow',
    // The whole suite shares 2 cores with PostgreSQL and several browsers' worth of work: a slow
    // machine must not turn into failures. Tests that measure time use their own bounds.
    testTimeout: 30_000,
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
