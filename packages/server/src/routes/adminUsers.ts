import type { FastifyInstance } from 'fastify';
import { createUser, getUser, listUsers, type NewUser, type UserChanges, updateUser } from '../accounts/users.ts';
import { requireRole, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import {
  badge,
  errorResponses,
  localizedText,
  password,
  pin,
  roleId,
  userName,
  userView,
  uuid,
} from '../http/schemas.ts';

const editable = {
  displayName: localizedText,
  password,
  roles: { type: 'array', items: roleId, maxItems: 50, uniqueItems: true },
  leadId: { anyOf: [uuid, { type: 'null' }] },
  pin: { anyOf: [pin, { type: 'null' }] },
  badge: { anyOf: [badge, { type: 'null' }] },
  active: { type: 'boolean' },
} as const;

const idParams = { type: 'object', required: ['id'], properties: { id: uuid } } as const;
const oneUser = { 200: userView, ...errorResponses } as const;

/** IT admin: the people of the organization, their roles, leads, PINs and badges. */
export async function adminUserRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const admin = requireRole('it_admin');
  const actorOf = (auth: { userId: string; userName: string }) => ({ id: auth.userId, name: auth.userName });

  app.get(
    '/api/admin/users',
    {
      preHandler: admin,
      schema: {
        tags: ['admin'],
        summary: 'Users of the organization',
        response: {
          200: { type: 'object', required: ['users'], properties: { users: { type: 'array', items: userView } } },
          ...errorResponses,
        },
      },
    },
    async (request) => ({ users: await listUsers(ctx.db, signedIn(request).orgId) }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/admin/users/:id',
    { preHandler: admin, schema: { tags: ['admin'], summary: 'One user', params: idParams, response: oneUser } },
    async (request) => {
      const user = await getUser(ctx.db, signedIn(request).orgId, request.params.id);
      if (!user) throw apiError(404, 'user-not-found', '找不到该用户', 'No such user');
      return user;
    },
  );

  app.post<{ Body: NewUser }>(
    '/api/admin/users',
    {
      preHandler: admin,
      schema: {
        tags: ['admin'],
        summary: 'Create a user',
        body: {
          type: 'object',
          required: ['name', 'displayName', 'password', 'roles'],
          properties: { name: userName, ...editable },
          additionalProperties: false,
        },
        response: { 201: userView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const auth = signedIn(request);
      const user = await ctx.db.transaction((tx) => createUser(tx, auth.orgId, actorOf(auth), request.body));
      return reply.code(201).send(user);
    },
  );

  app.patch<{ Params: { id: string }; Body: UserChanges }>(
    '/api/admin/users/:id',
    {
      preHandler: admin,
      schema: {
        tags: ['admin'],
        summary: 'Change a user: display name, password, roles, lead, PIN, badge, active (null clears lead/PIN/badge)',
        params: idParams,
        body: { type: 'object', properties: editable, additionalProperties: false, minProperties: 1 },
        response: oneUser,
      },
    },
    async (request) => {
      const auth = signedIn(request);
      return ctx.db.transaction((tx) => updateUser(tx, auth.orgId, actorOf(auth), request.params.id, request.body));
    },
  );
}
