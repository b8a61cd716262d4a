import type { FastifyInstance } from 'fastify';
import { requireRole, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { errorResponses, uuid } from '../http/schemas.ts';
import { WEBHOOK_EVENTS } from '../notify/events.ts';
import { installNotifyHooks } from '../notify/hooks.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  updateWebhook,
  type WebhookInput,
} from '../notify/webhooks.ts';

const fields = {
  name: { type: 'string', minLength: 1, maxLength: 100 },
  url: { type: 'string', minLength: 8, maxLength: 2000 },
  events: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...WEBHOOK_EVENTS] } },
  format: { enum: ['dingtalk', 'wecom', 'generic'] },
  secret: { type: 'string', minLength: 8, maxLength: 200 },
  active: { type: 'boolean' },
} as const;

const view = {
  type: 'object',
  properties: {
    id: uuid,
    name: { type: 'string' },
    url: { type: 'string' },
    events: { type: 'array', items: { type: 'string' } },
    format: { type: 'string' },
    active: { type: 'boolean' },
    secretHint: { type: 'string' },
    secret: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;

const delivery = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    outboxId: { type: 'integer' },
    event: { type: 'string' },
    attempt: { type: 'integer' },
    ok: { type: 'boolean' },
    statusCode: { type: ['integer', 'null'] },
    latencyMs: { type: 'integer' },
    error: { type: ['string', 'null'] },
    at: { type: 'string' },
  },
} as const;

const idParams = { type: 'object', required: ['id'], properties: { id: uuid } } as const;

export async function webhookRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  installNotifyHooks();
  const admin = requireRole('it_admin');
  const actorOf = (request: Parameters<typeof signedIn>[0]) => {
    const auth = signedIn(request);
    return { orgId: auth.orgId, actor: { id: auth.userId, name: auth.userName } };
  };

  app.get(
    '/api/webhooks',
    {
      preHandler: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Outgoing webhooks of the organization',
        response: {
          200: { type: 'object', properties: { webhooks: { type: 'array', items: view } } },
          ...errorResponses,
        },
      },
    },
    async (request) => ({ webhooks: await listWebhooks(ctx.db, signedIn(request).orgId) }),
  );

  app.post<{ Body: WebhookInput }>(
    '/api/webhooks',
    {
      preHandler: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Add a webhook (DingTalk / WeCom group robot, or generic signed JSON); the secret is shown once',
        body: {
          type: 'object',
          required: ['name', 'url', 'events', 'format'],
          properties: fields,
          additionalProperties: false,
        },
        response: { 201: view, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { orgId, actor } = actorOf(request);
      const created = await ctx.db.transaction((tx) => createWebhook(tx, orgId, actor, request.body));
      return reply.code(201).send(created);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/webhooks/:id',
    {
      preHandler: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'One webhook',
        params: idParams,
        response: { 200: view, ...errorResponses },
      },
    },
    async (request) => getWebhook(ctx.db, signedIn(request).orgId, request.params.id),
  );

  app.patch<{ Params: { id: string }; Body: Partial<WebhookInput> }>(
    '/api/webhooks/:id',
    {
      preHandler: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Change a webhook',
        params: idParams,
        body: { type: 'object', minProperties: 1, properties: fields, additionalProperties: false },
        response: { 200: view, ...errorResponses },
      },
    },
    async (request) => {
      const { orgId, actor } = actorOf(request);
      return ctx.db.transaction((tx) => updateWebhook(tx, orgId, actor, request.params.id, request.body));
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/webhooks/:id',
    {
      preHandler: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Remove a webhook',
        params: idParams,
        response: { 204: { type: 'null' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { orgId, actor } = actorOf(request);
      await ctx.db.transaction((tx) => deleteWebhook(tx, orgId, actor, request.params.id));
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number; before?: number } }>(
    '/api/webhooks/:id/deliveries',
    {
      preHandler: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Delivery log of a webhook, newest first: status code, latency, error per attempt',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            before: { type: 'integer', minimum: 1 },
          },
          additionalProperties: false,
        },
        response: {
          200: { type: 'object', properties: { deliveries: { type: 'array', items: delivery } } },
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      deliveries: await listDeliveries(
        ctx.db,
        signedIn(request).orgId,
        request.params.id,
        request.query.limit,
        request.query.before,
      ),
    }),
  );
}
