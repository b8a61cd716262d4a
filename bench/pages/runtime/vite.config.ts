/** Builds the four runtime-benchmark pages (bench/src/runtime.bench.ts builds them into a temp folder). */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// One React for every page and for rjsf: the runtime package's own copy.
const react = realpathSync(here('../../../packages/runtime/node_modules/react'));
const reactDom = realpathSync(here('../../../packages/runtime/node_modules/react-dom'));

export default defineConfig({
  root: here('.'),
  base: './',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: [
      { find: /^react$/, replacement: `${react}/index.js` },
      { find: /^react\/(.*)$/, replacement: `${react}/$1` },
      { find: /^react-dom$/, replacement: `${reactDom}/index.js` },
      { find: /^react-dom\/(.*)$/, replacement: `${reactDom}/$1` },
    ],
  },
  build: {
    target: 'es2022',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: ['gongfang', 'rjsf', 'rhf', 'floor', 'single'].map((p) => here(`${p}.html`)),
      output: {
        // The benchmark's own shared code (form spec, probe) in a chunk of its own, which the driver
        // leaves out of every page's first-screen JS; React in one chunk every page counts.
        codeSplitting: {
          groups: [
            { name: 'bench', test: /pages[\\/]runtime[\\/]src[\\/](spec|probe)\.ts/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
});
