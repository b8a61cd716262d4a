import type { FastifyInstance } from 'fastify';
import { requireAuth, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { errorResponses } from '../http/schemas.ts';
import { withContractDefs } from '../sync/contract.ts';
import { type InboxFilter, inbox, openTaskCount } from '../workflow/inbox.ts';

const recordSummary = {
  type: 'object',
  required: ['id', 'app', 'form', 'version', 'revision', 'createdBy', 'createdAt', 'status'],
  properties: {
    id: { type: 'string' },
    app: { type: 'string' },
    form: { type: 'string' },
    version: { type: 'integer' },
    revision: { type: 'integer' },
    createdBy: { type: 'string' },
    createdAt: { type: 'string' },
    status: { type: 'string' },
  },
} as const;

export async function taskRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get<{ Querystring: { status: InboxFilter; limit: number } }>(
    '/api/tasks',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['workflow'],
        summary: "The signed-in user's approval tasks (the inbox), newest first, with a summary of each record",
        querystring: {
          type: 'object',
          properties: {
            status: { enum: ['open', 'closed', 'all'], default: 'open' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 200 },
          },
          additionalProperties: false,
        },
        response: {
          200: withContractDefs({
            type: 'object',
            required: ['tasks'],
            properties: {
              tasks: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['task', 'record'],
                  properties: { task: { $ref: '#/$defs/Task' }, record: recordSummary },
                },
              },
            },
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ tasks: await inbox(ctx.db, signedIn(request), request.query.status, request.query.limit) }),
  );

  app.get(
    '/api/inbox/count',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['workflow'],
        summary: 'How many approval tasks wait for the signed-in user',
        response: {
          200: { type: 'object', required: ['open'], properties: { open: { type: 'integer' } } },
          ...errorResponses,
        },
      },
    },
    async (request) => ({ open: await openTaskCount(ctx.db, signedIn(request)) }),
  );
}
