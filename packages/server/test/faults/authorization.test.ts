import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { WEBHOOK_EVENTS } from '../../src/notify/events.ts';
import { loadDemoSeed, seedOrganization } from '../../src/seed/demo.ts';
import { type Answer, Client } from '../client.ts';
import { DB_KINDS, TEST_PASSWORD } from '../harness.ts';
import { create, exampleApp, type FileRef, inspection, publish, pushAll, upload, uuidv7 } from '../syncHarness.ts';
import { type FaultServer, startFaultServer } from './faultServer.ts';
import { recordFigure } from './reliability.ts';
import { digestTables } from './tables.ts';

/** Every route the server registers, as Fastify itself reports them (so a new route cannot escape). */
const registered = vi.hoisted(() => [] as { method: string; url: string }[]);
vi.mock('fastify', async (importOriginal) => {
  const original = await importOriginal<typeof import('fastify')>();
  const watched = ((options: Parameters<typeof original.default>[0]) => {
    const app = original.default(options);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) registered.push({ method, url: route.url });
    });
    return app;
  }) as unknown as typeof original.default;
  return { ...original, default: watched };
});

const ROLES = {
  anonymous: null,
  operator: 'liu.yang',
  'qc lead': 'huang.tao',
  'warehouse keeper': 'sun.li',
  'shift lead': 'zhang.wei',
  'org admin': 'wang.fang',
} as const;
type Role = keyof typeof ROLES;

/** Ids that exist only in the other factory (org `rival`). */
interface RivalIds {
  userId: string;
  recordId: string;
  taskId: string;
  webhookId: string;
  deviceId: string;
  attachment: string;
  /** Strings that must never appear in an answer to a demo user. */
  markers: string[];
}

interface RouteSpec {
  /** Reachable without a session. */
  public?: true;
  /** The request, aimed at the other factory's ids. */
  path?: (r: RivalIds) => string;
  body?: (r: RivalIds) => unknown;
  /**
   * A change of the caller's own session or factory with nothing of another tenant's in it (log
   * out, enroll this tablet, create a role): not an attack, so it is not sent for signed-in roles.
   */
  ownTenantChange?: true;
  /** Refusals this route may answer besides 403/404 (e.g. 400 for a foreign id in the body). */
  alsoRefused?: number[];
  /** A filtered read of the caller's own factory: an answer is fine if nothing of the other's is in it. */
  read?: true;
}

const RIVAL_APP = 'rival_app';
const RIVAL_ROLE = 'rival_only';
const RIVAL_TEMPLATE = 'rival_tpl';
const NO_SUCH_EXCEPTION = '0190a3c0-0000-7000-8000-00000000dead';
const NOW = '2025-03-04T09:00:00+08:00';
const name = { 'zh-CN': '入侵者', en: 'Intruder' };

/**
 * The runtime and designer pages: their built files (`/app/*`) once `dist/` exists, a placeholder
 * page (`/app/`) before the first build — a clean clone runs these tests before any build.
 */
const BUILD_DEPENDENT = new Set(['GET /app/*', 'GET /app/', 'GET /designer/*', 'GET /designer/']);

/** Keyed `METHOD url` as Fastify registers it; HEAD routes are Fastify's copies of the GET ones. */
const ROUTES: Record<string, RouteSpec> = {
  'GET /api/health': { public: true },
  'GET /api/openapi.json': { public: true },
  'GET /': { public: true },
  'GET /app': { public: true },
  'GET /app/*': { public: true },
  'GET /app/': { public: true },
  'GET /designer': { public: true },
  'GET /designer/*': { public: true },
  'GET /designer/': { public: true },
  'GET /api/auth/csrf': { public: true },
  'POST /api/auth/login': {
    public: true,
    body: () => ({ org: 'rival', user: 'wang.fang', password: 'not the password' }),
  },
  'POST /api/auth/logout': { ownTenantChange: true },
  // Without an enrolled tablet's cookie a PIN switch is refused 403, signed in or not.
  'POST /api/auth/pin': { public: true, body: () => ({ badge: 'RIVAL-BADGE-1' }) },
  'GET /api/me': {},
  'GET /api/directory': {},
  'POST /api/devices': { body: () => ({ name: 'tablet' }), ownTenantChange: true },
  'GET /api/devices': {},
  'POST /api/devices/:id/revoke': { path: (r) => `/api/devices/${r.deviceId}/revoke` },
  'GET /api/admin/users': {},
  'POST /api/admin/users': {
    body: () => ({ name: 'intruder', displayName: name, password: 'long enough 1', roles: [RIVAL_ROLE] }),
    alsoRefused: [400, 422],
  },
  'GET /api/admin/users/:id': { path: (r) => `/api/admin/users/${r.userId}` },
  'PATCH /api/admin/users/:id': { path: (r) => `/api/admin/users/${r.userId}`, body: () => ({ active: false }) },
  'GET /api/admin/roles': {},
  'POST /api/admin/roles': { body: () => ({ id: RIVAL_ROLE, name }), ownTenantChange: true },
  'PATCH /api/admin/roles/:id': { path: () => `/api/admin/roles/${RIVAL_ROLE}`, body: () => ({ name }) },
  'GET /api/admin/orgs': {},
  'GET /api/roles': {},
  'GET /api/audit': { path: (r) => `/api/audit?entityId=${r.recordId}`, read: true },
  'GET /api/audit/verify': {},
  'GET /api/apps': {},
  'POST /api/apps': {
    body: () => ({ id: 'stolen_app', fromTemplate: { id: RIVAL_TEMPLATE, version: 1 } }),
    alsoRefused: [409],
  },
  'GET /api/apps/:id': { path: () => `/api/apps/${RIVAL_APP}` },
  'GET /api/apps/:id/draft': { path: () => `/api/apps/${RIVAL_APP}/draft` },
  'PUT /api/apps/:id/draft': {
    path: () => `/api/apps/${RIVAL_APP}/draft`,
    body: () => ({ definition: exampleApp('inventory'), revision: 1 }),
    alsoRefused: [409],
  },
  'GET /api/apps/:id/diff': { path: () => `/api/apps/${RIVAL_APP}/diff?from=1&to=1` },
  'POST /api/apps/:id/publish': { path: () => `/api/apps/${RIVAL_APP}/publish`, body: () => ({ note: 'x' }) },
  'GET /api/apps/:id/versions': { path: () => `/api/apps/${RIVAL_APP}/versions` },
  'GET /api/apps/:id/versions/:version': { path: () => `/api/apps/${RIVAL_APP}/versions/1` },
  'POST /api/apps/:id/rollback': { path: () => `/api/apps/${RIVAL_APP}/rollback`, body: () => ({ to: 1 }) },
  'POST /api/apps/:id/upgrade-template': {
    path: () => `/api/apps/${RIVAL_APP}/upgrade-template`,
    body: () => ({}),
    alsoRefused: [409],
  },
  'GET /api/apps/:app/views/:view': { path: () => `/api/apps/${RIVAL_APP}/views/stock_balance` },
  'GET /api/apps/:app/forms/:form/export.csv': { path: () => `/api/apps/${RIVAL_APP}/forms/stock_in/export.csv` },
  'GET /api/apps/:app/forms/:form/export.xlsx': { path: () => `/api/apps/${RIVAL_APP}/forms/stock_in/export.xlsx` },
  'GET /api/templates': {},
  'POST /api/templates': { body: () => ({ app: RIVAL_APP, note: 'x' }), alsoRefused: [409] },
  'GET /api/templates/:id/diff': { path: () => `/api/templates/${RIVAL_TEMPLATE}/diff?from=1&to=1` },
  'GET /api/templates/:id/versions/:version': { path: () => `/api/templates/${RIVAL_TEMPLATE}/versions/1` },
  'PUT /api/attachments/:sha256': { path: (r) => `/api/attachments/${r.attachment}`, alsoRefused: [400] },
  'GET /api/attachments/:sha256': { path: (r) => `/api/attachments/${r.attachment}` },
  'GET /api/tasks': {},
  'GET /api/inbox/count': {},
  'POST /api/sync/push': {
    // Refusals are per mutation: checked in the answers below.
    body: (r) => ({
      deviceId: 'intruder-tablet',
      mutations: [
        {
          id: uuidv7(),
          kind: 'action',
          recordId: r.recordId,
          action: 'reject',
          taskId: r.taskId,
          comment: 'x',
          at: NOW,
        },
        { id: uuidv7(), kind: 'action', recordId: r.recordId, action: 'comment', comment: 'x', at: NOW },
      ],
    }),
  },
  'GET /api/sync/pull': {},
  'GET /api/records/:id': { path: (r) => `/api/records/${r.recordId}` },
  'GET /api/ledgers/:app/:ledger/balances': { path: () => `/api/ledgers/${RIVAL_APP}/stock/balances` },
  'GET /api/exceptions': {},
  'POST /api/exceptions/:id/resolve': {
    path: () => `/api/exceptions/${NO_SUCH_EXCEPTION}/resolve`,
    body: () => ({ note: 'x' }),
  },
  'GET /api/notifications': {},
  'GET /api/notifications/count': {},
  'POST /api/notifications/read': { body: (r) => ({ recordIds: [r.recordId] }), read: true },
  'GET /api/webhooks': {},
  'POST /api/webhooks': {
    body: () => ({ name: 'x', url: 'https://example.com/hook', events: [WEBHOOK_EVENTS[0]], format: 'generic' }),
    ownTenantChange: true,
  },
  'GET /api/webhooks/:id': { path: (r) => `/api/webhooks/${r.webhookId}` },
  'PATCH /api/webhooks/:id': { path: (r) => `/api/webhooks/${r.webhookId}`, body: () => ({ active: false }) },
  'DELETE /api/webhooks/:id': { path: (r) => `/api/webhooks/${r.webhookId}` },
  'POST /api/webhooks/:id/test': { path: (r) => `/api/webhooks/${r.webhookId}/test` },
  'GET /api/webhooks/:id/deliveries': { path: (r) => `/api/webhooks/${r.webhookId}/deliveries` },
};

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe.each(DB_KINDS)('authorization matrix on %s', (kind) => {
  let fault: FaultServer;
  let rival: RivalIds;
  const clients = new Map<Role, Client>();
  let signature: FileRef;

  beforeAll(async () => {
    fault = await startFaultServer(kind);
    const { server } = fault;
    // The other factory: the same people and apps, plus things only it has.
    const seed = await loadDemoSeed();
    await server.db.transaction(async (tx) => {
      await seedOrganization(tx, { id: 'rival', name: { 'zh-CN': '对手厂', en: 'Rival' } }, seed, TEST_PASSWORD);
      for (const dir of ['quality-inspection', 'inventory', 'shift-handover'])
        await publish(tx, 'rival', exampleApp(dir));
      await publish(tx, 'rival', { ...exampleApp('inventory'), id: RIVAL_APP });
    });
    const rivalAdmin = new Client(server.base);
    await rivalAdmin.login('wang.fang', 'rival');
    const rivalQc = new Client(server.base);
    await rivalQc.login('zhou.min', 'rival');
    const must = (a: Answer, status: number) => {
      expect(a.status, JSON.stringify(a.body)).toBe(status);
      return a.body;
    };
    must(await rivalAdmin.post('/api/admin/roles', { id: RIVAL_ROLE, name }), 201);
    const webhook = must(
      await rivalAdmin.post('/api/webhooks', {
        name: 'rival hook',
        url: 'https://example.com/rival',
        events: [WEBHOOK_EVENTS[0]],
        format: 'generic',
      }),
      201,
    );
    const device = must(await rivalAdmin.post('/api/devices', { name: 'rival tablet' }), 201);
    must(await rivalAdmin.post('/api/templates', { app: RIVAL_APP, template: RIVAL_TEMPLATE, note: 'rival' }), 201);
    const [rivalUser] = await server.db.query<{ id: string }>(
      "select id from users where org_id = 'rival' and name = 'zhou.min'",
    );
    await server.db.query("update users set badge_hash = null where org_id = 'rival'");
    const rivalSignature = await upload(rivalQc, 'rival factory signature, only theirs');
    const record = inspection(rivalSignature, { ng: true });
    const [answer] = await pushAll(rivalQc, [create(record)]);
    expect(answer.status).toBe('accepted');
    rival = {
      userId: rivalUser?.id ?? '',
      recordId: record.id,
      taskId: answer.workflow.tasks[0].id,
      webhookId: webhook.id,
      deviceId: device.id,
      attachment: rivalSignature.id,
      markers: [
        rivalUser?.id ?? '',
        record.id,
        webhook.id,
        device.id,
        rivalSignature.id,
        RIVAL_APP,
        RIVAL_ROLE,
        '对手厂',
      ],
    };
    for (const [role, user] of Object.entries(ROLES) as [Role, string | null][]) {
      const client = new Client(server.base);
      if (user) await client.login(user, 'demo');
      else await client.get('/api/auth/csrf');
      clients.set(role, client);
    }
    const qc = await fault.signIn('zhou.min');
    signature = await upload(qc, 'demo signature for the matrix');
    // Counting starts here: what the matrix does must leave the audit log as it is.
    await fault.ledger.begin(server.db);
  });
  afterAll(() => fault?.server.close());

  test('every registered route has an entry in the matrix, and every entry is a registered route', () => {
    const routes = new Set(registered.filter((r) => r.method !== 'HEAD').map(routeKey));
    expect([...routes].filter((r) => !(r in ROUTES)).sort()).toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !routes.has(r) && !BUILD_DEPENDENT.has(r))).toEqual([]);
  });

  test('every route × every role × the other factory’s ids: refused or harmless, the database unchanged', async () => {
    const db = fault.server.db;
    const before = await digestTables(db);
    const statuses: Record<string, number> = {};
    const tally: Record<string, number> = { refused: 0, harmlessRead: 0, notSent: 0 };
    const failures: string[] = [];
    const routes = [...new Set(registered.filter((r) => r.method !== 'HEAD').map(routeKey))].sort();
    for (const key of routes) {
      const spec = ROUTES[key] as RouteSpec;
      const [method = 'GET', url = '/'] = key.split(' ');
      const path = spec.path ? spec.path(rival) : url.replace('*', 'index.html');
      for (const role of Object.keys(ROLES) as Role[]) {
        const client = clients.get(role) as Client;
        if (role !== 'anonymous' && spec.ownTenantChange) {
          tally.notSent = (tally.notSent ?? 0) + 1;
          continue;
        }
        const body = spec.body?.(rival) ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
        const answer =
          key === 'PUT /api/attachments/:sha256'
            ? await client.request(method, path, 'not the bytes of that hash', {
                headers: { 'content-type': 'image/png' },
              })
            : await client.request(method, path, body);
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? '');
        // An id the request itself carried may be echoed in the refusal; anything else may not appear.
        const sent = `${path} ${JSON.stringify(body ?? '')}`;
        const leaked = rival.markers.filter((m) => m && text.includes(m) && !sent.includes(m));
        const where = `${key} as ${role} → ${answer.status}`;
        if (leaked.length > 0) failures.push(`${where} leaks ${leaked.join(', ')}`);
        const refusals = [403, 404, ...(spec.alsoRefused ?? [])];
        if (role === 'anonymous' && !spec.public) {
          if (answer.status !== 401) failures.push(`${where}, expected 401`);
          else tally.refused = (tally.refused ?? 0) + 1;
        } else if (spec.public) {
          // Pages and health answer anyone (a page may redirect, a built-less page is a 404); signing
          // in to (or switching to) the other factory's people with a guess is refused.
          const expected = method === 'GET' ? [200, 302, 404] : [401, 403, 429];
          if (!expected.includes(answer.status)) failures.push(`${where}, expected ${expected.join('/')}`);
          else if (method === 'GET') tally.harmlessRead = (tally.harmlessRead ?? 0) + 1;
          else tally.refused = (tally.refused ?? 0) + 1;
        } else if (key === 'POST /api/sync/push') {
          const results = answer.body.results as { status: string; code: string }[];
          if (answer.status !== 200 || !results.every((r) => r.status === 'rejected' && r.code === 'not-found'))
            failures.push(`${where}: ${JSON.stringify(answer.body)}`);
          else tally.refused = (tally.refused ?? 0) + 1;
        } else if (spec.read && answer.status < 300) {
          tally.harmlessRead = (tally.harmlessRead ?? 0) + 1;
        } else if (spec.path || method !== 'GET') {
          // Aimed at another factory's ids (or a change): must be refused.
          if (!refusals.includes(answer.status)) failures.push(`${where}: ${text.slice(0, 200)}`);
          else tally.refused = (tally.refused ?? 0) + 1;
          if (answer.status >= 400 && !answer.body?.message?.en) failures.push(`${where} without a message`);
        } else if (answer.status < 500 && answer.status !== 401) {
          // A read of the caller's own factory (or a 403 for a role without it): it may answer,
          // and the leak check above holds it to its own factory's data.
          tally.harmlessRead = (tally.harmlessRead ?? 0) + 1;
        } else {
          failures.push(where);
        }
      }
    }
    expect(failures).toEqual([]);
    const after = await digestTables(db);
    // Failed sign-ins count toward the lock-out, and refused mutations keep their answers (a retry
    // gets the same refusal): those two tables change, and only that way.
    const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
    expect(changed.filter((t) => t !== 'rate_limits' && t !== 'mutations')).toEqual([]);
    const kept = await db.query<{ status: string; code: string; device: string }>(
      "select result->>'status' as status, result->>'code' as code, device_id as device from mutations where org_id = 'demo'",
    );
    const pushes = (Object.keys(ROLES).length - 1) * 2;
    expect(kept.filter((m) => m.device === 'intruder-tablet')).toHaveLength(pushes);
    expect(
      kept.filter((m) => m.device === 'intruder-tablet' && !(m.status === 'rejected' && m.code === 'not-found')),
    ).toEqual([]);
    const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
    recordFigure(
      'authorization-matrix',
      kind,
      `${routes.length} routes × ${Object.keys(ROLES).length} roles against another factory's ids: ${requests} requests, ${tally.refused} refused, ${tally.harmlessRead} own-factory reads with nothing of the other's, 0 5xx; ${Object.keys(before).length - 2} of ${Object.keys(before).length} tables unchanged (the other 2: failed-login counters, the refusals' stored answers)`,
      {
        routes: routes.length,
        roles: Object.keys(ROLES),
        requests,
        statuses,
        ...tally,
        tables: Object.keys(before).length,
      },
    );
  });

  test('approval by someone who is not the assignee, and self-approval, are refused and change nothing', async () => {
    const db = fault.server.db;
    const qc = await fault.signIn('zhou.min');
    const record = inspection(signature, { ng: true });
    const [submitted] = await pushAll(qc, [create(record)]);
    fault.ledger.add('record.create');
    const taskId = submitted.workflow.tasks[0].id;
    const before = await digestTables(db);
    const attempts: [Role | 'initiator', Client][] = [
      ['initiator', qc],
      ['shift lead', clients.get('shift lead') as Client],
      ['org admin', clients.get('org admin') as Client],
      ['warehouse keeper', clients.get('warehouse keeper') as Client],
      ['operator', clients.get('operator') as Client],
    ];
    const codes: Record<string, string> = {};
    for (const [who, client] of attempts) {
      for (const action of ['approve', 'reject']) {
        const [answer] = await pushAll(client, [
          {
            id: uuidv7(),
            kind: 'action',
            recordId: record.id,
            action,
            taskId,
            comment: 'not mine to decide',
            signature: signature.id,
            at: NOW,
          },
        ]);
        expect(answer.status).toBe('rejected');
        expect(['not-assignee', 'not-found']).toContain(answer.code);
        expect(answer.message['zh-CN']).toMatch(/\p{Script=Han}/u);
        expect(answer.message.en).toEqual(expect.any(String));
        codes[`${who} ${action}`] = answer.code;
      }
    }
    const after = await digestTables(db);
    expect(Object.keys(before).filter((t) => before[t] !== after[t] && t !== 'mutations')).toEqual([]);
    const [row] = await db.query<{ status: string }>(
      "select workflow->>'status' as status from records where id = $1",
      [record.id],
    );
    expect(row?.status).toBe('running');
    recordFigure(
      'non-assignee-approval',
      kind,
      `${Object.keys(codes).length} approve/reject attempts by the initiator and non-assignees: all refused, the flow still running, tables unchanged`,
      { attempts: Object.keys(codes).length, codes },
    );
  });

  test('the audit chain verifies and holds one entry per change', async () => {
    await fault.ledger.check(fault.server.db, 'authorization', kind);
  });
});
