import type { FastifyInstance } from 'fastify';
import { listRoles } from '../accounts/roles.ts';
import { requireRole, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { errorResponses, roleView } from '../http/schemas.ts';
import { DESIGNER_ROLES } from '../registry/access.ts';

/**
 * The organization's roles for the designer's role pickers (approvers, CC, who may submit): the
 * roles IT created in the admin pages included. Read-only, ids and names only; whoever may design
 * apps may read them (the admin route beside it is IT's alone).
 */
export async function roleRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get(
    '/api/roles',
    {
      preHandler: requireRole(...DESIGNER_ROLES),
      schema: {
        tags: ['apps'],
        summary: 'Roles of the organization, for role pickers in the designer',
        response: {
          200: { type: 'object', required: ['roles'], properties: { roles: { type: 'array', items: roleView } } },
          ...errorResponses,
        },
      },
    },
    async (request) => ({ roles: await listRoles(ctx.db, signedIn(request).orgId) }),
  );
}
