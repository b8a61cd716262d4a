/** Builds the designer benchmark's peer page (bench/src/designer.bench.ts builds it into a temp folder). */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// The React the designer itself runs on, so both sides of the comparison use one build of it.
const react = realpathSync(here('../../../packages/designer/node_modules/react'));
const reactDom = realpathSync(here('../../../packages/designer/node_modules/react-dom'));

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
  build: { target: 'es2022', emptyOutDir: true, rollupOptions: { input: [here('peer.html')] } },
});
