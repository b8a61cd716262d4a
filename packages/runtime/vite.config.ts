import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { serviceWorker } from './build/serviceWorker.ts';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// One config for the app (index.html, served by the server at /app/), the preview page
// (preview.html), and the component tests (`vitest --project runtime`).
export default defineProject({
  base: '/app/',
  plugins: [react(), serviceWorker()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 500,
    manifest: true,
    rollupOptions: { input: { index: page('index.html'), preview: page('preview.html') } },
  },
  test: {
    name: 'runtime',
    // The whole suite shares 2 cores with PostgreSQL and several browsers' worth of work: a slow
    // machine must not turn into failures. Tests that measure time use their own bounds.
    testTimeout: 30_000,
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['src/test/setup.ts'],
  },
});
