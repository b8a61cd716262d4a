import type { LocalizedText } from '@gongfang/schema';
import type { FastifyInstance } from 'fastify';
import { createRole, listRoles, renameRole } from '../accounts/roles.ts';
import { requireRole, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { errorResponses, localizedText, roleId, roleView } from '../http/schemas.ts';

/** IT admin: the roles of the organization (approver nodes and form permissions name them). */
export async function adminRoleRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const admin = requireRole('it_admin');
  const actorOf = (auth: { userId: string; userName: string }) => ({ id: auth.userId, name: auth.userName });

  app.get(
    '/api/admin/roles',
    {
      preHandler: admin,
      schema: {
        tags: ['admin'],
        summary: 'Roles of the organization',
        response: {
          200: { type: 'object', required: ['roles'], properties: { roles: { type: 'array', items: roleView } } },
          ...errorResponses,
        },
      },
    },
    async (request) => ({ roles: await listRoles(ctx.db, signedIn(request).orgId) }),
  );

  app.post<{ Body: { id: string; name: LocalizedText } }>(
    '/api/admin/roles',
    {
      preHandler: admin,
      schema: {
        tags: ['admin'],
        summary: 'Create a role',
        body: {
          type: 'object',
          required: ['id', 'name'],
          properties: { id: roleId, name: localizedText },
          additionalProperties: false,
        },
        response: { 201: roleView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const auth = signedIn(request);
      const role = await ctx.db.transaction((tx) => createRole(tx, auth.orgId, actorOf(auth), request.body));
      return reply.code(201).send(role);
    },
  );

  app.patch<{ Params: { id: string }; Body: { name: LocalizedText } }>(
    '/api/admin/roles/:id',
    {
      preHandler: admin,
      schema: {
        tags: ['admin'],
        summary: 'Rename a role (its id never changes)',
        params: { type: 'object', required: ['id'], properties: { id: roleId } },
        body: { type: 'object', required: ['name'], properties: { name: localizedText }, additionalProperties: false },
        response: { 200: roleView, ...errorResponses },
      },
    },
    async (request) => {
      const auth = signedIn(request);
      return ctx.db.transaction((tx) =>
        renameRole(tx, auth.orgId, actorOf(auth), request.params.id, request.body.name),
      );
    },
  );
}
