import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/**
 * Emits `sw.js`: the hand-written worker in sw-template.js with the list of files the app shell
 * needs (the app's entry, every chunk it may load lazily, its CSS, the manifest) and a version
 * made from their hashed names. Hand-written instead of Workbox: ~80 lines, no dependency, and
 * nothing but precache + network-first navigation is needed (definitions live in IndexedDB).
 */
export function serviceWorker(entryHtml = 'index.html'): Plugin {
  const template = readFileSync(fileURLToPath(new URL('./sw-template.js', import.meta.url)), 'utf8');
  let base = '/';
  return {
    name: 'gongfang-service-worker',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle: OutputBundle) {
      const chunks = Object.values(bundle).filter((f): f is OutputChunk => f.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith(`/${entryHtml}`));
      if (!entry) return;
      const files = new Set<string>([entryHtml, 'manifest.webmanifest', 'icon.svg']);
      const visit = (name: string) => {
        if (files.has(name)) return;
        files.add(name);
        const chunk = bundle[name];
        if (chunk?.type !== 'chunk') return;
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
        for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
      };
      visit(entry.fileName);
      const list = [...files].sort();
      const version = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
      const source = template
        .replace('__PRECACHE__', JSON.stringify(list.map((f) => (f === entryHtml ? './' : `./${f}`))))
        .replace('__VERSION__', JSON.stringify(version))
        .replace('__BASE__', JSON.stringify(base));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
