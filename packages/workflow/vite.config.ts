import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'workflow',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
