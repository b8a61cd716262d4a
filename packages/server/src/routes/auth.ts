import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveLoginOrg } from '../accounts/orgs.ts';
import { appendAudit } from '../audit/chain.ts';
import { CSRF_COOKIE, clearSessionCookie, setCsrfCookie } from '../auth/cookies.ts';
import { assertNotLocked, clearFailures, LIMITS, recordFailure } from '../auth/rateLimit.ts';
import { newToken, verifySecret } from '../auth/secrets.ts';
import { closeSession, openSession, requireAuth, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { errorResponses, orgId, password, userName } from '../http/schemas.ts';

export const signedInAnswer = {
  type: 'object',
  required: ['userId', 'orgId', 'csrfToken'],
  properties: {
    userId: { type: 'string' },
    orgId: { type: 'string' },
    csrfToken: { type: 'string', description: 'Send back in the x-csrf-token header on POST/PUT/PATCH/DELETE' },
  },
} as const;

interface LoginBody {
  org?: string;
  user: string;
  password: string;
}

const badCredentials = () => apiError(401, 'bad-credentials', '用户名或密码错误', 'Wrong user name or password');

/** Opens a session after a successful check, audited in the same transaction. */
export async function signIn(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  who: { orgId: string; userId: string; userName: string; deviceId: string | null },
  action: 'session.login' | 'session.pin-switch',
) {
  return ctx.db.transaction(async (tx) => {
    // A PIN switch on a shared tablet ends the previous operator's session there.
    if (request.auth) await closeSession(tx, request.auth);
    const { csrfToken } = await openSession(tx, ctx, request, reply, who);
    await appendAudit(tx, {
      orgId: who.orgId,
      actor: { id: who.userId, name: who.userName },
      action,
      entityType: 'user',
      entityId: who.userId,
      after: { deviceId: who.deviceId, ip: request.ip },
    });
    return { userId: who.userId, orgId: who.orgId, csrfToken };
  });
}

export async function authRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.post<{ Body: LoginBody }>(
    '/api/auth/login',
    {
      config: { csrf: false },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with user name and password',
        body: {
          type: 'object',
          required: ['user', 'password'],
          properties: { org: orgId, user: userName, password: { ...password, minLength: 1 } },
          additionalProperties: false,
        },
        response: { 200: signedInAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const org = await resolveLoginOrg(ctx.db, request.body.org);
      const userKey = `login:user:${org}:${request.body.user}`;
      const ipKey = `login:ip:${request.ip}`;
      await assertNotLocked(ctx.db, [userKey, ipKey]);
      const [user] = await ctx.db.query<{ id: string; name: string; password_hash: string }>(
        'select id, name, password_hash from users where org_id = $1 and name = $2 and active',
        [org, request.body.user],
      );
      // Unknown user and wrong password take the same time and get the same answer.
      if (!(await verifySecret(request.body.password, user?.password_hash)) || !user) {
        await recordFailure(ctx.db, userKey, LIMITS.loginUser);
        await recordFailure(ctx.db, ipKey, LIMITS.loginIp);
        throw badCredentials();
      }
      await clearFailures(ctx.db, userKey);
      return signIn(
        ctx,
        request,
        reply,
        { orgId: org, userId: user.id, userName: user.name, deviceId: null },
        'session.login',
      );
    },
  );

  app.post(
    '/api/auth/logout',
    {
      preHandler: requireAuth,
      schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: errorResponses },
    },
    async (request, reply) => {
      const auth = signedIn(request);
      await ctx.db.transaction(async (tx) => {
        await closeSession(tx, auth);
        await appendAudit(tx, {
          orgId: auth.orgId,
          actor: { id: auth.userId, name: auth.userName },
          action: 'session.logout',
          entityType: 'user',
          entityId: auth.userId,
        });
      });
      clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/csrf',
    {
      schema: {
        tags: ['auth'],
        summary: 'The CSRF token for this browser (sets the readable cookie when missing)',
        response: { 200: { type: 'object', required: ['csrfToken'], properties: { csrfToken: { type: 'string' } } } },
      },
    },
    async (request, reply) => {
      if (request.auth) return { csrfToken: request.auth.csrfToken };
      const existing = request.cookies[CSRF_COOKIE];
      if (existing) return { csrfToken: existing };
      const csrfToken = newToken();
      setCsrfCookie(request, reply, csrfToken);
      return { csrfToken };
    },
  );
}
