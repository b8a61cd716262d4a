import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

// One config for the dev page (`vite`, `vite build`) and the unit tests (`vitest --project designer`).
export default defineProject({
  plugins: [react()],
  // Relative asset paths: the same build runs at / (preview) and at /designer/ (the server).
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  test: {
    name: 'designer',
    // The whole suite shares 2 cores with PostgreSQL and several browsers' worth of work: a slow
    // machine must not turn into failures. Tests that measure time use their own bounds.
    testTimeout: 30_000,
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['src/test/setup.ts'],
  },
});
