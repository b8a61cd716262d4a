import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit } from '../audit/chain.ts';
import { DEVICE_COOKIE, setDeviceCookie } from '../auth/cookies.ts';
import { assertNotLocked, clearFailures, LIMITS, recordFailure } from '../auth/rateLimit.ts';
import { badgeHash, newToken, tokenHash, verifySecret } from '../auth/secrets.ts';
import { requireAuth, requireRole, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { badge, errorResponses, pin, userName, uuid } from '../http/schemas.ts';
import { signedInAnswer, signIn } from './auth.ts';

const deviceView = {
  type: 'object',
  required: ['id', 'name', 'enrolledBy', 'createdAt', 'revoked'],
  properties: {
    id: uuid,
    name: { type: 'string' },
    enrolledBy: { type: 'string' },
    createdAt: { type: 'string' },
    revoked: { type: 'boolean' },
  },
} as const;

/** The enrolled tablet behind the device cookie, or 403. */
async function enrolledDevice(ctx: ServerContext, request: FastifyRequest): Promise<{ orgId: string; id: string }> {
  const token = request.cookies[DEVICE_COOKIE];
  const [device] = token
    ? await ctx.db.query<{ org_id: string; id: string }>(
        'select org_id, id from devices where token_hash = $1 and revoked_at is null',
        [tokenHash(token)],
      )
    : [];
  if (!device) {
    throw apiError(
      403,
      'device-not-enrolled',
      '此设备尚未登记，请先用账号密码登录并登记设备',
      'This device is not enrolled; sign in with a password and enroll it first',
    );
  }
  return { orgId: device.org_id, id: device.id };
}

type PinBody = { user: string; pin: string } | { badge: string };

export async function deviceRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.post<{ Body: { name: string } }>(
    '/api/devices',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['devices'],
        summary: 'Enroll this browser as a shared tablet (sets the device cookie) so operators can switch by PIN',
        body: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
          additionalProperties: false,
        },
        response: { 201: deviceView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const auth = signedIn(request);
      const token = newToken();
      const device = await ctx.db.transaction(async (tx) => {
        const id = randomUUID();
        const [row] = await tx.query<{ created_at: Date }>(
          `insert into devices (org_id, id, name, token_hash, enrolled_by) values ($1, $2, $3, $4, $5)
           returning created_at`,
          [auth.orgId, id, request.body.name, tokenHash(token), auth.userId],
        );
        const view = {
          id,
          name: request.body.name,
          enrolledBy: auth.userId,
          createdAt: (row?.created_at ?? new Date()).toISOString(),
          revoked: false,
        };
        await tx.query('update sessions set device_id = $2 where token_hash = $1', [auth.tokenHash, id]);
        const actor = { id: auth.userId, name: auth.userName };
        await appendAudit(tx, {
          orgId: auth.orgId,
          actor,
          action: 'device.enroll',
          entityType: 'device',
          entityId: id,
          after: view,
        });
        return view;
      });
      setDeviceCookie(request, reply, token);
      return reply.code(201).send(device);
    },
  );

  app.get(
    '/api/devices',
    {
      preHandler: requireRole('it_admin'),
      schema: {
        tags: ['devices'],
        summary: 'Enrolled devices of the organization',
        response: {
          200: { type: 'object', required: ['devices'], properties: { devices: { type: 'array', items: deviceView } } },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const auth = signedIn(request);
      const devices = await ctx.db.query(
        `select id, name, enrolled_by as "enrolledBy", to_json(created_at)#>>'{}' as "createdAt",
                revoked_at is not null as revoked
           from devices where org_id = $1 order by created_at`,
        [auth.orgId],
      );
      return { devices };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/devices/:id/revoke',
    {
      preHandler: requireRole('it_admin'),
      schema: {
        tags: ['devices'],
        summary: 'Revoke an enrolled device (its PIN switch stops working, its sessions end)',
        params: { type: 'object', required: ['id'], properties: { id: uuid } },
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const auth = signedIn(request);
      await ctx.db.transaction(async (tx) => {
        const rows = await tx.query(
          'update devices set revoked_at = now() where org_id = $1 and id = $2 and revoked_at is null returning id',
          [auth.orgId, request.params.id],
        );
        if (rows.length === 0) throw apiError(404, 'device-not-found', '找不到该设备', 'No such device');
        await tx.query('delete from sessions where org_id = $1 and device_id = $2', [auth.orgId, request.params.id]);
        const actor = { id: auth.userId, name: auth.userName };
        const entityId = request.params.id;
        await appendAudit(tx, { orgId: auth.orgId, actor, action: 'device.revoke', entityType: 'device', entityId });
      });
      return reply.code(204).send();
    },
  );

  app.post<{ Body: PinBody }>(
    '/api/auth/pin',
    {
      config: { visitor: true },
      schema: {
        tags: ['auth'],
        summary: 'On an enrolled tablet, switch the session to another operator by PIN or badge',
        body: {
          oneOf: [
            {
              type: 'object',
              required: ['user', 'pin'],
              properties: { user: userName, pin },
              additionalProperties: false,
            },
            { type: 'object', required: ['badge'], properties: { badge }, additionalProperties: false },
          ],
        },
        response: { 200: signedInAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const device = await enrolledDevice(ctx, request);
      const deviceKey = `pin:device:${device.id}`;
      const body = request.body;
      const userKey = 'user' in body ? `pin:user:${device.orgId}:${body.user}` : null;
      await assertNotLocked(ctx.db, userKey ? [deviceKey, userKey] : [deviceKey]);
      type Row = { id: string; name: string; pin_hash: string | null };
      const select = 'select id, name, pin_hash from users where org_id = $1 and active and';
      const [user] =
        'user' in body
          ? await ctx.db.query<Row>(`${select} name = $2`, [device.orgId, body.user])
          : await ctx.db.query<Row>(`${select} badge_hash = $2`, [device.orgId, badgeHash(device.orgId, body.badge)]);
      const ok = 'user' in body ? await verifySecret(body.pin, user?.pin_hash) : Boolean(user);
      if (!ok || !user) {
        await recordFailure(ctx.db, deviceKey, LIMITS.pinDevice);
        if (userKey) await recordFailure(ctx.db, userKey, LIMITS.pinUser);
        throw 'user' in body
          ? apiError(401, 'bad-pin', '用户或 PIN 码错误', 'Wrong user or PIN')
          : apiError(401, 'unknown-badge', '工牌未登记', 'This badge is not registered');
      }
      if (userKey) await clearFailures(ctx.db, userKey);
      const who = { orgId: device.orgId, userId: user.id, userName: user.name, deviceId: device.id };
      return signIn(ctx, request, reply, who, 'session.pin-switch');
    },
  );
}
