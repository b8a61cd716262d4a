import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'offline',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // fake-indexeddb/auto installs indexedDB, IDBKeyRange, … on globalThis before Dexie loads.
    setupFiles: ['fake-indexeddb/auto'],
  },
});
