import type { FastifyInstance } from 'fastify';
import { requireAuth, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { errorResponses, uuid } from '../http/schemas.ts';
import { readRecord } from '../records/read.ts';

const anyObject = { type: 'object', additionalProperties: true } as const;

export async function recordRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get<{ Params: { id: string } }>(
    '/api/records/:id',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['records'],
        summary:
          'A record with its revisions, approval history, conflict copies and the definition version it was filled with',
        params: { type: 'object', required: ['id'], properties: { id: uuid } },
        response: {
          200: {
            type: 'object',
            required: ['record', 'seq', 'revisions', 'workflow', 'definition', 'conflictCopies'],
            properties: {
              record: anyObject,
              seq: { type: 'integer' },
              conflictOf: { type: ['string', 'null'] },
              conflictCopies: { type: 'array', items: { type: 'string' } },
              revisions: { type: 'array', items: anyObject },
              workflow: anyObject,
              definition: anyObject,
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const found = await readRecord(ctx.db, signedIn(request), request.params.id);
      if (!found) throw apiError(404, 'record-not-found', '找不到该记录', 'No such record');
      return found;
    },
  );
}
