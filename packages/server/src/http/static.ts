import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * Serves a built web app (vite output) under `prefix`. Hashed files in assets/ are cached for a
 * year; index.html, sw.js and the manifest are revalidated on every load so a deploy shows at once.
 * Only files inside `dir`; no directory listings; the security headers (CSP) apply as to any reply.
 */
export function serveBuiltApp(app: FastifyInstance, prefix: string, dir: string): void {
  const root = normalize(dir + sep);
  app.get(`${prefix}*`, { schema: { hide: true } }, async (request, reply) => {
    const rest = decodeURIComponent((request.params as { '*': string })['*'] ?? '');
    const wanted = normalize(join(root, rest || 'index.html'));
    if (!wanted.startsWith(root) || rest.split('/').some((p) => p.startsWith('.'))) return reply.code(404).send();
    const file = (await stat(wanted).catch(() => undefined))?.isFile() ? wanted : undefined;
    // Unknown paths without an extension are app routes: answer with the app's page.
    const path = file ?? (extname(rest) === '' ? join(root, 'index.html') : undefined);
    if (!path) return reply.code(404).type('text/plain').send('Not found');
    const immutable = path.startsWith(join(root, 'assets') + sep);
    reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.type(TYPES[extname(path)] ?? 'application/octet-stream').send(await readFile(path));
  });
}
