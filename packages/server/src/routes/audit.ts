import type { FastifyInstance } from 'fastify';
import { AUDIT_COLUMNS, type AuditRow, toAuditEntry } from '../audit/rows.ts';
import { verifyAudit } from '../audit/verify.ts';
import { requireRole, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { errorResponses } from '../http/schemas.ts';

interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: number;
  limit: number;
}

const entry = {
  type: 'object',
  properties: {
    seq: { type: 'integer' },
    at: { type: 'string' },
    actorId: { type: ['string', 'null'] },
    actorName: { type: ['string', 'null'] },
    action: { type: 'string' },
    entityType: { type: 'string' },
    entityId: { type: 'string' },
    before: {},
    after: {},
    prevHash: { type: 'string' },
    hash: { type: 'string' },
  },
} as const;

export async function auditRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const admin = requireRole('it_admin');

  app.get<{ Querystring: AuditQuery }>(
    '/api/audit',
    {
      preHandler: admin,
      schema: {
        tags: ['audit'],
        summary: 'The audit log of the organization, newest first; page with `before` = the last seq seen',
        querystring: {
          type: 'object',
          properties: {
            entityType: { type: 'string', maxLength: 100 },
            entityId: { type: 'string', maxLength: 200 },
            actorId: { type: 'string', format: 'uuid' },
            action: { type: 'string', maxLength: 100 },
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
            before: { type: 'integer', minimum: 1 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            required: ['entries', 'nextBefore'],
            properties: { entries: { type: 'array', items: entry }, nextBefore: { type: ['integer', 'null'] } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const auth = signedIn(request);
      const q = request.query;
      const where = ['org_id = $1'];
      const params: unknown[] = [auth.orgId];
      const filter = (sql: string, value: unknown) => {
        if (value === undefined) return;
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      filter('entity_type = ?', q.entityType);
      filter('entity_id = ?', q.entityId);
      filter('actor_id = ?', q.actorId);
      filter('action = ?', q.action);
      filter('at >= ?', q.from);
      filter('at < ?', q.to);
      filter('seq < ?', q.before);
      const rows = await ctx.db.query<AuditRow>(
        `select ${AUDIT_COLUMNS} from audit_log where ${where.join(' and ')} order by seq desc limit ${q.limit + 1}`,
        params,
      );
      const entries = rows.slice(0, q.limit).map((r) => {
        const { orgId: _org, ...rest } = toAuditEntry(r);
        return rest;
      });
      const last = entries[entries.length - 1];
      return { entries, nextBefore: rows.length > q.limit && last ? last.seq : null };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      preHandler: admin,
      schema: {
        tags: ['audit'],
        summary: "Re-compute the organization's hash chain and report the first broken entry",
        response: {
          200: {
            type: 'object',
            required: ['ok', 'entries'],
            properties: {
              ok: { type: 'boolean' },
              entries: { type: 'integer' },
              broken: {
                type: 'object',
                properties: { seq: { type: 'integer' }, reason: { type: 'string' } },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const report = await verifyAudit(ctx.db, signedIn(request).orgId);
      const org = report.orgs[0];
      return { ok: report.ok, entries: report.entries, ...(org?.broken ? { broken: org.broken } : {}) };
    },
  );
}
