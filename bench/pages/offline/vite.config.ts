/** Builds the offline-store benchmark page (bench/src/offline.bench.ts builds it into a temp folder). */
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
    rollupOptions: { input: here('index.html') },
  },
});
