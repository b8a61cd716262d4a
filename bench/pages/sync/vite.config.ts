/** Builds the sync benchmark page (bench/src/sync.bench.ts builds it into a temp folder). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: [here('ours.html'), here('rxdb.html')] },
  },
});
