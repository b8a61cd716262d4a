import type { PushRequest } from '@gongfang/schema';
import type { FastifyInstance } from 'fastify';
import { requireAuth, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { errorResponses } from '../http/schemas.ts';
import { contractSchema } from '../sync/contract.ts';
import { pull } from '../sync/pull.ts';
import { push } from '../sync/push.ts';

/** A push of 200 records with sub-tables fits; a photo never travels here (attachments do). */
export const PUSH_BODY_LIMIT = 8 * 1024 * 1024;
export const PULL_LIMIT = { default: 200, max: 500 };

export async function syncRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.post<{ Body: PushRequest }>(
    '/api/sync/push',
    {
      bodyLimit: PUSH_BODY_LIMIT,
      preHandler: requireAuth,
      schema: {
        tags: ['sync'],
        summary:
          'Apply a batch of device mutations (≤ 200), each at most once and in its own transaction; one answer per mutation',
        body: contractSchema('PushRequest'),
        response: { 200: contractSchema('PushResponse'), ...errorResponses },
      },
    },
    async (request) => {
      const auth = signedIn(request);
      return { results: await push(ctx, auth, request.log, request.body) };
    },
  );

  app.get<{ Querystring: { cursor?: string; limit?: number } }>(
    '/api/sync/pull',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['sync'],
        summary: 'What the user may see that changed after the cursor, oldest first',
        querystring: {
          type: 'object',
          properties: {
            cursor: { type: 'string', maxLength: 20, pattern: '^[0-9]*$' },
            limit: { type: 'integer', minimum: 1, maximum: PULL_LIMIT.max, default: PULL_LIMIT.default },
          },
          additionalProperties: false,
        },
        response: { 200: contractSchema('PullResponse'), ...errorResponses },
      },
    },
    async (request) => {
      const auth = signedIn(request);
      const cursor = request.query.cursor ? Number(request.query.cursor) : 0;
      if (!Number.isSafeInteger(cursor)) throw apiError(400, 'invalid-cursor', '同步游标无效', 'Invalid sync cursor');
      return pull(ctx.db, auth, cursor, request.query.limit ?? PULL_LIMIT.default);
    },
  );
}
