import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { serveBuiltApp } from '../http/static.ts';

/** The runtime's vite build (`pnpm start` builds it when missing or stale). */
const RUNTIME_DIST = fileURLToPath(new URL('../../../runtime/dist/', import.meta.url));
/** The designer's vite build (`vite build` in packages/designer; relative asset paths). */
const DESIGNER_DIST = fileURLToPath(new URL('../../../designer/dist/', import.meta.url));

/**
 * Placeholders for the runtime (/app/) and designer (/designer/) until their builds exist; whoever
 * lands those builds replaces these routes with static file serving. No inline script or style,
 * so the strict Content-Security-Policy applies unchanged.
 */
function placeholder(titleZh: string, titleEn: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${titleZh} · Gongfang</title></head>
<body>
<h1>${titleZh} / ${titleEn}</h1>
<p>此页面尚未构建。接口文档见 <a href="/api/openapi.json">/api/openapi.json</a>。</p>
<p lang="en">This page is not built yet. The API is described at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body>
</html>
`;
}

const PAGES = [
  { path: '/app/', html: placeholder('工坊 应用', 'Gongfang runtime') },
  { path: '/designer/', html: placeholder('工坊 设计器', 'Gongfang designer') },
];

export async function pageRoutes(app: FastifyInstance): Promise<void> {
  const built = {
    '/app/': existsSync(`${RUNTIME_DIST}index.html`) ? RUNTIME_DIST : undefined,
    '/designer/': existsSync(`${DESIGNER_DIST}index.html`) ? DESIGNER_DIST : undefined,
  };
  for (const page of PAGES) {
    const dist = built[page.path as keyof typeof built];
    if (dist) {
      serveBuiltApp(app, page.path, dist);
      app.get(page.path.slice(0, -1), { schema: { hide: true } }, async (_request, reply) => reply.redirect(page.path));
      continue;
    }
    app.get(page.path, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(page.html),
    );
    app.get(page.path.slice(0, -1), { schema: { hide: true } }, async (_request, reply) => reply.redirect(page.path));
  }
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/app/'));
}
