import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

// One config for the preview page (`vite`, `vite build`) and the component tests (`vitest --project runtime`).
export default defineProject({
  plugins: [react()],
  build: {
    target: 'es2022',
    // The first-screen budget is checked by hand (see README); warn early when a chunk grows.
    chunkSizeWarningLimit: 400,
  },
  test: {
    name: 'runtime',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['src/test/setup.ts'],
  },
});
