import type { FastifyInstance } from 'fastify';
import { requireAuth, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { errorResponses, uuid } from '../http/schemas.ts';
import { inboxCounts, inboxItems, markNoticesRead } from '../notify/inbox.ts';

const count = { type: 'integer', minimum: 0 } as const;

export async function notificationRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get(
    '/api/notifications/count',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['notifications'],
        summary: 'Inbox count: open tasks, unread CC notices and open exceptions for your roles',
        response: {
          200: {
            type: 'object',
            required: ['total', 'tasks', 'notices', 'exceptions'],
            properties: { total: count, tasks: count, notices: count, exceptions: count },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const c = await inboxCounts(ctx.db, signedIn(request));
      return { total: c.task + c.notice + c.exception, tasks: c.task, notices: c.notice, exceptions: c.exception };
    },
  );

  app.get<{ Querystring: { limit: number } }>(
    '/api/notifications',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['notifications'],
        summary: 'Inbox items, newest first',
        querystring: {
          type: 'object',
          properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    kind: { enum: ['task', 'notice', 'exception'] },
                    id: { type: 'string' },
                    title: {},
                    app: { type: 'string' },
                    recordId: { type: 'string' },
                    createdAt: { type: 'string' },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await inboxItems(ctx.db, signedIn(request), request.query.limit) }),
  );

  app.post<{ Body: { recordIds: string[] } }>(
    '/api/notifications/read',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['notifications'],
        summary: 'Mark CC notices (by record) read',
        body: {
          type: 'object',
          required: ['recordIds'],
          properties: { recordIds: { type: 'array', items: uuid, minItems: 1, maxItems: 500 } },
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { marked: count } }, ...errorResponses },
      },
    },
    async (request) => {
      const auth = signedIn(request);
      return { marked: await ctx.db.transaction((tx) => markNoticesRead(tx, auth, request.body.recordIds)) };
    },
  );
}
