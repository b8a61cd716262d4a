import { createHash } from 'node:crypto';
import type { LocalizedText } from '@gongfang/schema';
import type { FastifyInstance } from 'fastify';
import { requireAuth, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { errorResponses, localizedText } from '../http/schemas.ts';

/** One person a member picker offers: who they are and what they do, nothing that signs them in. */
interface Member {
  id: string;
  name: string;
  displayName: LocalizedText;
  roles: string[];
}

const ROLE = '[a-z][a-z0-9_]{0,62}';

const member = {
  type: 'object',
  required: ['id', 'name', 'displayName', 'roles'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    displayName: localizedText,
    roles: { type: 'array', items: { type: 'string' } },
  },
  additionalProperties: false,
} as const;

/** A tablet keeps the answer for offline pickers; five minutes between asks is plenty for a roster. */
const MAX_AGE_SECONDS = 300;

/**
 * The people of the signed-in user's organization, for member pickers (a shift lead, the incoming
 * lead of a handover): active users only, with names, display names and roles. Hashes, PINs and
 * badges never leave through here, not even whether one is set.
 */
export async function directoryRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get<{ Querystring: { role?: string } }>(
    '/api/directory',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['auth'],
        summary: 'Active people of the organization for member pickers, optionally only some roles',
        description:
          '`role` is one role id or several separated by commas (a person holding any of them is listed). ' +
          'The answer is private to the session, cacheable for five minutes and carries an ETag.',
        querystring: {
          type: 'object',
          properties: { role: { type: 'string', pattern: `^${ROLE}(,${ROLE}){0,19}$` } },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            required: ['members'],
            properties: { members: { type: 'array', items: member } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const auth = signedIn(request);
      const roles = request.query.role?.split(',') ?? null;
      const members = await ctx.db.query<Member>(
        `select u.id, u.name, u.display_name as "displayName",
                coalesce((select array_agg(ur.role_id order by ur.role_id) from user_roles ur
                           where ur.org_id = u.org_id and ur.user_id = u.id), '{}') as roles
           from users u
          where u.org_id = $1 and u.active
            and ($2::text[] is null or exists (select 1 from user_roles ur
                  where ur.org_id = u.org_id and ur.user_id = u.id and ur.role_id = any($2)))
          order by u.name`,
        [auth.orgId, roles],
      );
      const body = { members };
      const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
      reply.header('cache-control', `private, max-age=${MAX_AGE_SECONDS}`);
      reply.header('vary', 'Cookie');
      reply.header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return body;
    },
  );
}
