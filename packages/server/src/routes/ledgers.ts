import type { FastifyInstance } from 'fastify';
import { requireAuth, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { errorResponses, uuid } from '../http/schemas.ts';
import { assertAnyRole, currentApp, findLedger, ledgerReaders } from '../ledger/apps.ts';
import { listBalances } from '../ledger/balances.ts';
import { listExceptions, resolveException } from '../ledger/exceptions.ts';
import { installLedgerHooks } from '../ledger/hooks.ts';

const id = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' } as const;
const numbers = { type: 'object', additionalProperties: { type: 'number' } } as const;
const strings = { type: 'object', additionalProperties: { type: 'string' } } as const;
const message = {
  type: 'object',
  required: ['zh-CN', 'en'],
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
} as const;

const exceptionView = {
  type: 'object',
  properties: {
    id: uuid,
    app: { type: 'string' },
    ledger: { type: 'string' },
    guard: { type: 'string' },
    role: { type: 'string' },
    recordId: uuid,
    revision: { type: 'integer' },
    key: strings,
    measure: { type: 'string' },
    balance: { type: 'number' },
    message,
    status: { enum: ['open', 'resolved'] },
    createdAt: { type: 'string' },
    resolvedBy: { type: ['string', 'null'] },
    resolvedAt: { type: ['string', 'null'] },
    note: { type: ['string', 'null'] },
  },
} as const;

interface BalancesQuery {
  after?: string;
  limit: number;
  [key: `key.${string}`]: string;
}

export async function ledgerRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  installLedgerHooks();
  app.get<{ Params: { app: string; ledger: string }; Querystring: BalancesQuery }>(
    '/api/ledgers/:app/:ledger/balances',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['ledgers'],
        summary: 'Balances of a ledger per key; filter with `key.<key id>=value`, page with `after`',
        params: { type: 'object', required: ['app', 'ledger'], properties: { app: id, ledger: id } },
        querystring: {
          type: 'object',
          properties: {
            after: { type: 'string', maxLength: 2000 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
          },
          patternProperties: { '^key\\.[a-z][a-z0-9_]{0,63}$': { type: 'string', maxLength: 500 } },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            required: ['balances', 'next'],
            properties: {
              balances: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { key: strings, measures: numbers, seq: { type: 'integer' } },
                },
              },
              next: { type: ['string', 'null'] },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const auth = signedIn(request);
      const { definition } = await currentApp(ctx.db, auth.orgId, request.params.app);
      const ledger = findLedger(definition, request.params.ledger);
      assertAnyRole(auth, ledgerReaders(definition, ledger));
      const key: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.query)) {
        if (name.startsWith('key.') && typeof value === 'string') key[name.slice(4)] = value;
      }
      const page = await listBalances(ctx.db, {
        orgId: auth.orgId,
        appId: request.params.app,
        ledgerId: ledger.id,
        key,
        after: request.query.after,
        limit: request.query.limit,
      });
      return { balances: page.balances.map(({ keyText: _k, ...b }) => b), next: page.next };
    },
  );

  app.get<{ Querystring: { status?: 'open' | 'resolved'; app?: string; before?: string; limit: number } }>(
    '/api/exceptions',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['ledgers'],
        summary: 'Ledger exceptions assigned to your roles, newest first',
        querystring: {
          type: 'object',
          properties: {
            status: { enum: ['open', 'resolved'] },
            app: id,
            before: { type: 'string', format: 'date-time' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            required: ['exceptions'],
            properties: { exceptions: { type: 'array', items: exceptionView } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const auth = signedIn(request);
      const exceptions = await listExceptions(ctx.db, { orgId: auth.orgId, roles: auth.roles, ...request.query });
      return { exceptions };
    },
  );

  app.post<{ Params: { id: string }; Body: { note: string } }>(
    '/api/exceptions/:id/resolve',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['ledgers'],
        summary: 'Resolve an open exception with a note (holders of its role only)',
        params: { type: 'object', required: ['id'], properties: { id: uuid } },
        body: {
          type: 'object',
          required: ['note'],
          properties: { note: { type: 'string', minLength: 1, maxLength: 2000 } },
          additionalProperties: false,
        },
        response: { 200: exceptionView, ...errorResponses },
      },
    },
    async (request) => {
      const auth = signedIn(request);
      return ctx.db.transaction((tx) =>
        resolveException(
          tx,
          auth.orgId,
          request.params.id,
          { id: auth.userId, name: auth.userName, roles: auth.roles },
          request.body.note,
        ),
      );
    },
  );
}
