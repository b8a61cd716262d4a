import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineProject } from 'vitest/config';

/**
 * @gongfang/schema's modules have no side effects, but its package.json does not say so; without
 * this the 380 KB ahead-of-time definition validator (which the runtime never calls) lands in the
 * first-screen bundle. (Asked of packages/schema: add `"sideEffects": false`.)
 */
function schemaWithoutSideEffects(): Plugin {
  return {
    name: 'gongfang-schema-side-effect-free',
    transform(_code, id) {
      if (/[\\/]packages[\\/]schema[\\/]src[\\/]/.test(id)) return { code: _code, moduleSideEffects: false, map: null };
      return undefined;
    },
  };
}

// One config for the preview page (`vite`, `vite build`) and the component tests (`vitest --project runtime`).
export default defineProject({
  plugins: [react(), schemaWithoutSideEffects()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 500,
  },
  test: {
    name: 'runtime',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['src/test/setup.ts'],
  },
});
