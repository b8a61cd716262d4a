import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { installSessions } from './auth/sessions.ts';
import type { ServerContext } from './context.ts';
import type { Db } from './db/Db.ts';
import { installRequestDecoding } from './http/compressedBodies.ts';
import { installErrorHandlers } from './http/errors.ts';
import { installSecurityHeaders } from './http/headers.ts';
import { installJsonParser } from './http/json.ts';
import { installValidation } from './http/validation.ts';
import { adminOrgRoutes } from './routes/adminOrgs.ts';
import { adminRoleRoutes } from './routes/adminRoles.ts';
import { adminUserRoutes } from './routes/adminUsers.ts';
import { appRoutes } from './routes/apps.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { deviceRoutes } from './routes/devices.ts';
import { directoryRoutes } from './routes/directory.ts';
import { exportRoutes } from './routes/export.ts';
import { healthRoutes } from './routes/health.ts';
import { ledgerRoutes } from './routes/ledgers.ts';
import { meRoutes } from './routes/me.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { pageRoutes } from './routes/pages.ts';
import { recordRoutes } from './routes/records.ts';
import { roleRoutes } from './routes/roles.ts';
import { syncRoutes } from './routes/sync.ts';
import { taskRoutes } from './routes/tasks.ts';
import { templateRoutes } from './routes/templates.ts';
import { viewRoutes } from './routes/views.ts';
import { webhookRoutes } from './routes/webhooks.ts';

/** Default JSON body limit; a route that needs more (sync push, imports) sets its own `bodyLimit`. */
export const BODY_LIMIT = 1024 * 1024;

/** A route group: one file under routes/, registered in `ROUTE_GROUPS`. */
export type RouteGroup = (app: FastifyInstance, ctx: ServerContext) => Promise<void>;

/** Every API route group. The registry, sync, ledgers and workflow add theirs here. */
export const ROUTE_GROUPS: readonly RouteGroup[] = [
  healthRoutes,
  authRoutes,
  deviceRoutes,
  meRoutes,
  directoryRoutes,
  adminUserRoutes,
  adminRoleRoutes,
  adminOrgRoutes,
  roleRoutes,
  auditRoutes,
  appRoutes,
  templateRoutes,
  syncRoutes,
  recordRoutes,
  taskRoutes,
  attachmentRoutes,
  ledgerRoutes,
  webhookRoutes,
  notificationRoutes,
  viewRoutes,
  exportRoutes,
];

export interface ServerOptions {
  db: Db;
  /** Pino logger settings; false (tests) keeps quiet. */
  logger?: boolean | { level: string };
  /** Trust X-Forwarded-* from a reverse proxy (https detection, client address for rate limits). */
  trustProxy?: boolean;
  sessionSeconds?: number;
  /** Extra route groups (tests, later features) registered after the built-in ones. */
  routes?: readonly RouteGroup[];
}

/** The HTTP server, ready to `listen`. The database must already be migrated. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const ctx: ServerContext = { db: options.db, sessionSeconds: options.sessionSeconds ?? 12 * 3600 };
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: BODY_LIMIT,
    // The request id header is not trusted from clients; ours are generated.
    requestIdHeader: false,
  });
  installValidation(app);
  installJsonParser(app);
  installErrorHandlers(app);
  installSecurityHeaders(app);
  await installRequestDecoding(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gongfang API',
        version: '0.1.0',
        description:
          'Every unsafe request (POST/PUT/PATCH/DELETE) except login sends the gf_csrf cookie value in the ' +
          'x-csrf-token header. Errors answer { code, message: { zh-CN, en } }.',
      },
    },
  });
  installSessions(app, ctx);
  for (const group of [...ROUTE_GROUPS, ...(options.routes ?? [])]) await group(app, ctx);
  await pageRoutes(app);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
