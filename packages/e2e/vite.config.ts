import { defineProject } from 'vitest/config';

// Unit tests of the harness only; the journeys are Playwright specs (`npx playwright test`).
export default defineProject({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
