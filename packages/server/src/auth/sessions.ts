import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Auth, ServerContext } from '../context.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, setSessionCookies } from './cookies.ts';
import { newToken, safeEqual, tokenHash } from './secrets.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Opens a session for a user and sets its cookies; the caller audits it in the same transaction. */
export async function openSession(
  tx: Queryable,
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  who: { orgId: string; userId: string; deviceId: string | null },
): Promise<{ csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  // Expired sessions of this user go now, so the table does not grow shift after shift.
  await tx.query('delete from sessions where org_id = $1 and user_id = $2 and expires_at <= now()', [
    who.orgId,
    who.userId,
  ]);
  await tx.query(
    `insert into sessions (token_hash, org_id, user_id, device_id, csrf_token, expires_at)
     values ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
    [tokenHash(token), who.orgId, who.userId, who.deviceId, csrfToken, ctx.sessionSeconds],
  );
  setSessionCookies(request, reply, token, csrfToken, ctx.sessionSeconds);
  return { csrfToken };
}

export async function closeSession(tx: Queryable, auth: Auth): Promise<void> {
  await tx.query('delete from sessions where token_hash = $1', [auth.tokenHash]);
}

interface SessionRow {
  org_id: string;
  user_id: string;
  name: string;
  device_id: string | null;
  csrf_token: string;
  roles: string[] | null;
}

async function loadSession(db: Queryable, token: string): Promise<Auth | null> {
  const hash = tokenHash(token);
  const [row] = await db.query<SessionRow>(
    `select s.org_id, s.user_id, u.name, s.device_id, s.csrf_token,
            (select array_agg(ur.role_id order by ur.role_id) from user_roles ur
              where ur.org_id = s.org_id and ur.user_id = s.user_id) as roles
       from sessions s join users u on u.org_id = s.org_id and u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > now() and u.active`,
    [hash],
  );
  if (!row) return null;
  return {
    orgId: row.org_id,
    userId: row.user_id,
    userName: row.name,
    roles: row.roles ?? [],
    deviceId: row.device_id,
    csrfToken: row.csrf_token,
    tokenHash: hash,
  };
}

/**
 * Every request: find the session behind the cookie (in the database, so any process can serve
 * it), then, for unsafe methods, demand the CSRF double submit: the `x-csrf-token` header equals
 * the readable cookie and, when signed in, the token of the session.
 */
export function installSessions(app: FastifyInstance, ctx: ServerContext): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await loadSession(ctx.db, token) : null;
    // Unknown routes answer 404, not 403; login is the one route a visitor reaches without a token.
    if (SAFE_METHODS.has(request.method) || !request.routeOptions.url || request.routeOptions.config.csrf === false) {
      return;
    }
    const header = request.headers[CSRF_HEADER];
    const cookie = request.cookies[CSRF_COOKIE];
    const ok =
      typeof header === 'string' &&
      typeof cookie === 'string' &&
      header.length > 0 &&
      safeEqual(header, cookie) &&
      (!request.auth || safeEqual(header, request.auth.csrfToken));
    if (!ok) {
      // Nothing happens on these routes without a session anyway: say what is missing.
      if (!request.auth && request.routeOptions.config.visitor !== true) {
        throw apiError(401, 'not-signed-in', '请先登录', 'Please sign in first');
      }
      throw apiError(
        403,
        'csrf-failed',
        '安全令牌缺失或无效，请刷新页面后重试',
        'Missing or invalid CSRF token; reload the page and try again',
      );
    }
  });
}

/** preHandler: the request must come from a signed-in user. */
export const requireAuth: preHandlerAsyncHookHandler = async (request) => {
  signedIn(request);
};

/** The signed-in user, or a 401 answer. */
export function signedIn(request: FastifyRequest): Auth {
  if (!request.auth) throw apiError(401, 'not-signed-in', '请先登录', 'Please sign in first');
  return request.auth;
}

/** preHandler: the signed-in user must hold at least one of `roles`. */
export function requireRole(...roles: string[]): preHandlerAsyncHookHandler {
  return async (request) => {
    const auth = signedIn(request);
    if (!roles.some((r) => auth.roles.includes(r))) {
      throw apiError(403, 'forbidden', '您的角色无权执行此操作', 'Your role is not allowed to do this', {
        requiredRoles: roles,
      });
    }
  };
}
