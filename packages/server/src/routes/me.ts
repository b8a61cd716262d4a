import type { FastifyInstance } from 'fastify';
import { getOrganization } from '../accounts/orgs.ts';
import { getUser } from '../accounts/users.ts';
import { requireAuth, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { errorResponses, localizedText, roleView } from '../http/schemas.ts';

const person = {
  type: 'object',
  required: ['id', 'name', 'displayName'],
  properties: { id: { type: 'string' }, name: { type: 'string' }, displayName: localizedText },
} as const;

export async function meRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get(
    '/api/me',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user: roles, organization, lead, device',
        response: {
          200: {
            type: 'object',
            required: ['user', 'roles', 'org', 'lead', 'deviceId'],
            properties: {
              user: person,
              roles: { type: 'array', items: roleView },
              org: {
                type: 'object',
                required: ['id', 'name'],
                properties: { id: { type: 'string' }, name: localizedText },
              },
              lead: { anyOf: [person, { type: 'null' }] },
              deviceId: { type: ['string', 'null'] },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const auth = signedIn(request);
      const [user, org] = await Promise.all([
        getUser(ctx.db, auth.orgId, auth.userId),
        getOrganization(ctx.db, auth.orgId),
      ]);
      if (!user || !org) throw apiError(401, 'not-signed-in', '请先登录', 'Please sign in first');
      const lead = user.leadId ? await getUser(ctx.db, auth.orgId, user.leadId) : null;
      const roles = await ctx.db.query('select id, name from roles where org_id = $1 and id = any($2) order by id', [
        auth.orgId,
        user.roles,
      ]);
      return {
        user: { id: user.id, name: user.name, displayName: user.displayName },
        roles,
        org,
        lead: lead ? { id: lead.id, name: lead.name, displayName: lead.displayName } : null,
        deviceId: auth.deviceId,
      };
    },
  );
}
