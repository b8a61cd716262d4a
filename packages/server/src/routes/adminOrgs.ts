import type { FastifyInstance } from 'fastify';
import { getOrganization } from '../accounts/orgs.ts';
import { appendAudit } from '../audit/chain.ts';
import { requireRole, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { errorResponses, localizedText, uuid } from '../http/schemas.ts';
import { diffDefinitions } from '../registry/diff.ts';
import * as s from '../registry/schemas.ts';
import { getTemplateVersion } from '../templates/templates.ts';

const orgView = {
  type: 'object',
  required: ['id', 'name', 'users', 'activeUsers', 'roles', 'apps', 'devices', 'templates'],
  properties: {
    id: { type: 'string' },
    name: localizedText,
    users: { type: 'integer' },
    activeUsers: { type: 'integer' },
    roles: { type: 'integer' },
    apps: { type: 'integer' },
    devices: { type: 'integer' },
    templates: { type: 'integer' },
  },
} as const;

/** The summary the admin pages show for an organization (a factory); counts only, no other tenant. */
const ORG_COUNTS = `select
  (select count(*) from users where org_id = $1)::int as users,
  (select count(*) from users where org_id = $1 and active)::int as "activeUsers",
  (select count(*) from roles where org_id = $1)::int as roles,
  (select count(*) from apps where org_id = $1)::int as apps,
  (select count(*) from devices where org_id = $1 and revoked_at is null)::int as devices,
  (select count(*) from templates where org_id = $1)::int as templates`;

/**
 * Admin gaps the admin pages need: the organization an IT admin manages (a group hosting several
 * factories gives each its own organization; an admin sees only their own), a readable diff between
 * two template versions, and a test message through one webhook's real delivery path.
 */
export async function adminOrgRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const admin = requireRole('it_admin');

  app.get(
    '/api/admin/orgs',
    {
      preHandler: admin,
      schema: {
        tags: ['admin'],
        summary: 'The organizations this admin manages (their own), with counts of users, roles, apps and devices',
        response: {
          200: { type: 'object', required: ['orgs'], properties: { orgs: { type: 'array', items: orgView } } },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const orgId = signedIn(request).orgId;
      const org = await getOrganization(ctx.db, orgId);
      if (!org) throw apiError(404, 'org-not-found', '找不到该组织', 'No such organization');
      const [counts] = await ctx.db.query<Record<string, number>>(ORG_COUNTS, [orgId]);
      return { orgs: [{ ...org, ...counts }] };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { from: number; to: number } }>(
    '/api/templates/:id/diff',
    {
      preHandler: admin,
      schema: {
        tags: ['templates'],
        summary: 'Readable changes between two versions of a template',
        params: { type: 'object', required: ['id'], properties: { id: s.appId } },
        querystring: {
          type: 'object',
          required: ['from', 'to'],
          properties: { from: s.versionNumber, to: s.versionNumber },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              from: { type: 'integer' },
              to: { type: 'integer' },
              changes: { type: 'array', items: s.diffEntry },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const orgId = signedIn(request).orgId;
      const { from, to } = request.query;
      const before = await getTemplateVersion(ctx.db, orgId, request.params.id, from);
      const after = await getTemplateVersion(ctx.db, orgId, request.params.id, to);
      return { from, to, changes: diffDefinitions(before.definition, after.definition) };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/webhooks/:id/test',
    {
      preHandler: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Queue a test message for this webhook only; the delivery log shows how it went',
        params: { type: 'object', required: ['id'], properties: { id: uuid } },
        response: {
          202: { type: 'object', required: ['outboxId'], properties: { outboxId: { type: 'integer' } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const auth = signedIn(request);
      const summary = {
        'zh-CN': `工坊测试消息（${auth.userName}）`,
        en: `Gongfang test message (${auth.userName})`,
      };
      const outboxId = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.query<{ id: string }>(
          `insert into webhook_outbox (org_id, webhook_id, event, payload)
           select org_id, id, 'webhook.test', $3 from webhooks where org_id = $1 and id = $2 returning id`,
          [
            auth.orgId,
            request.params.id,
            JSON.stringify({
              summary,
              event: 'webhook.test',
              org: auth.orgId,
              occurredAt: new Date().toISOString(),
            }),
          ],
        );
        if (!row) throw apiError(404, 'webhook-not-found', '找不到该 Webhook', 'No such webhook');
        await appendAudit(tx, {
          orgId: auth.orgId,
          actor: { id: auth.userId, name: auth.userName },
          action: 'webhook.test',
          entityType: 'webhook',
          entityId: request.params.id,
        });
        return Number(row.id);
      });
      return reply.code(202).send({ outboxId });
    },
  );
}
