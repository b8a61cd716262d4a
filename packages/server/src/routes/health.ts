import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';

export async function healthRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability (for load balancers)',
        response: {
          200: {
            type: 'object',
            required: ['ok', 'db'],
            properties: { ok: { type: 'boolean' }, db: { type: 'string' } },
          },
        },
      },
    },
    async () => {
      await ctx.db.query('select 1');
      return { ok: true, db: ctx.db.kind };
    },
  );
}
