import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from '../src/app.ts';
import type { Db } from '../src/db/Db.ts';
import { migrate } from '../src/db/migrate.ts';
import { uuidv7 } from '../src/records/uuidv7.ts';
import { seedApps } from '../src/seed/apps.ts';
import { DEMO_PASSWORD, EXAMPLES_DIR, seedDemoIfEmpty } from '../src/seed/demo.ts';
import { Client } from './client.ts';
import { DB_KINDS, freshDatabase, type TestDatabase } from './harness.ts';

interface SeedLine {
  item_code: string;
  location: string;
  qty: number;
}
interface SeedRecord {
  id: string;
  form: string;
  createdBy: string;
  data: { result?: string; lines?: SeedLine[] };
}
const seedOf = (dir: string) =>
  (JSON.parse(readFileSync(`${EXAMPLES_DIR}/${dir}/seed.json`, 'utf8')) as { records: SeedRecord[] }).records;

/** Stock per "item@location" from the seed's lines of `form`. */
function linesOf(records: readonly SeedRecord[], form: string, only?: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) {
    if (r.form !== form || (only && !only.has(r.id))) continue;
    for (const l of r.data.lines ?? []) {
      const key = `${l.item_code}@${l.location}`;
      out.set(key, (out.get(key) ?? 0) + l.qty);
    }
  }
  return out;
}

describe.each(DB_KINDS)('seedApps: the example apps on first start on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let base: string;
  let close: () => Promise<unknown>;
  let seeded: string[];
  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = await database.open();
    await migrate(db);
    await seedDemoIfEmpty(db);
    seeded = await seedApps(db, 'demo', EXAMPLES_DIR);
    const app = await buildServer({ db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = () => app.close();
  });
  afterAll(async () => {
    await close();
    await db.close();
    await database.drop();
  });

  const login = async (user: string) => {
    const client = new Client(base);
    await client.login(user, 'demo', DEMO_PASSWORD);
    return client;
  };
  const appIds = async (c: Client) => (await c.get('/api/apps')).body.apps.map((a: { id: string }) => a.id);

  test('publishes the three examples as version 1; each demo user sees the apps that name their roles', async () => {
    expect(seeded).toEqual(['inventory', 'quality_inspection', 'shift_handover']);
    expect(await appIds(await login('wang.fang'))).toEqual(['inventory', 'quality_inspection', 'shift_handover']);
    const qc = await login('zhou.min');
    expect(await appIds(qc)).toContain('quality_inspection');
    const keeper = await login('sun.li');
    expect(await appIds(keeper)).toContain('inventory');
    const app = (await qc.get('/api/apps/quality_inspection')).body;
    expect(app).toMatchObject({ latestVersion: 1, currentVersion: 1, name: { en: 'Quality inspection log' } });
    const v1 = (await qc.get('/api/apps/quality_inspection/versions/1')).body;
    expect(v1).toMatchObject({
      version: 1,
      publishedBy: 'wang.fang',
      definition: { id: 'quality_inspection', version: 1 },
    });
  });

  test('loads the seed records pinned to version 1, each with its first revision and a change seq', async () => {
    const rows = await db.query<{ app_id: string; n: string | number; versions: number[] }>(
      `select app_id, count(*) as n, array_agg(distinct version) as versions from records
        where org_id = 'demo' group by app_id order by app_id`,
    );
    expect(rows.map((r) => [r.app_id, Number(r.n), r.versions])).toEqual([
      ['inventory', 6, [1]],
      ['quality_inspection', 4, [1]],
      ['shift_handover', 3, [1]],
    ]);
    const [revisions] = await db.query<{ n: string | number }>(
      `select count(*) as n from record_revisions where org_id = 'demo'`,
    );
    expect(Number(revisions?.n)).toBe(13);
  });

  test('publishes quality_inspection as template v1, audited as the system, and never seeds twice', async () => {
    const admin = await login('wang.fang');
    const templates = (await admin.get('/api/templates')).body.templates;
    expect(templates.map((t: { id: string; latestVersion: number }) => [t.id, t.latestVersion])).toEqual([
      ['quality_inspection', 1],
    ]);
    const audit = (await admin.get('/api/audit?action=app.publish&limit=10')).body.entries;
    expect(audit).toHaveLength(3);
    expect(audit.every((e: { actorId: string | null }) => e.actorId === null)).toBe(true);
    expect((await admin.get('/api/audit/verify')).body.ok).toBe(true);
    expect(await seedApps(db, 'demo', EXAMPLES_DIR)).toEqual([]);
  });

  test('seed records go through the accept path as their creators: NG inspections open a QC-lead task, all audited', async () => {
    const inspections = seedOf('quality-inspection');
    const ng = inspections.filter((r) => r.data.result === 'NG' && r.createdBy !== 'huang.tao');
    expect(ng.length).toBeGreaterThan(0);
    const lead = await login('huang.tao');
    const tasks = (await lead.get('/api/tasks?status=open')).body.tasks as {
      task: { recordId: string; node: string };
    }[];
    for (const r of ng) {
      expect(tasks.find((t) => t.task.recordId === r.id)?.task.node).toBe('qc_lead_review');
    }
    const status = await db.query<{ id: string; status: string }>(
      `select id, status from records where org_id = 'demo' and app_id = 'quality_inspection'`,
    );
    expect(status.filter((r) => r.status === 'running').map((r) => r.id)).toEqual(
      expect.arrayContaining(ng.map((r) => r.id)),
    );
    // Every record audited as its creator, with its own mutation id; the chain verifies.
    const audited = await db.query<{ entity_id: string; actor_name: string }>(
      `select entity_id, actor_name from audit_log where org_id = 'demo' and action = 'record.create'`,
    );
    expect(audited).toHaveLength(13);
    for (const r of inspections) {
      expect(audited.find((a) => a.entity_id === r.id)?.actor_name).toBe(r.createdBy);
    }
    const [mutations] = await db.query<{ n: number }>(`select count(*)::int as n from mutations where org_id = 'demo'`);
    expect(mutations?.n).toBe(13);
    expect((await (await login('wang.fang')).get('/api/audit/verify')).body.ok).toBe(true);
  });

  test('the stock balance is the seeded stock-in minus the approved stock-out lines; approving an issue moves it', async () => {
    const inventory = seedOf('inventory');
    const keeper = await login('sun.li');
    const balances = async () => {
      const body = (await keeper.get('/api/ledgers/inventory/stock/balances?limit=100')).body as {
        balances: { key: { item: string; location: string }; measures: { qty: number } }[];
      };
      return new Map(body.balances.map((b) => [`${b.key.item}@${b.key.location}`, Number(b.measures.qty)]));
    };
    const expected = async () => {
      const approved = await db.query<{ id: string }>(
        `select id from records where org_id = 'demo' and form_id = 'stock_out' and status = 'approved'`,
      );
      const out = linesOf(inventory, 'stock_out', new Set(approved.map((r) => r.id)));
      const stock = linesOf(inventory, 'stock_in');
      for (const [key, qty] of out) stock.set(key, (stock.get(key) ?? 0) - qty);
      return stock;
    };
    const before = await balances();
    expect(before.size).toBeGreaterThan(0);
    expect(before).toEqual(await expected());
    // The L1 requisition waits for the keeper's confirmation (its posting is `on: approved`).
    const issue = inventory.find((r) => r.form === 'stock_out' && r.createdBy === 'liu.yang') as SeedRecord;
    const open = (await keeper.get('/api/tasks?status=open')).body.tasks as {
      task: { id: string; recordId: string };
    }[];
    const task = open.find((t) => t.task.recordId === issue.id);
    expect(task).toBeDefined();
    const answer = await keeper.post('/api/sync/push', {
      deviceId: 'tablet-wh-01',
      mutations: [
        {
          id: uuidv7(),
          kind: 'action',
          recordId: issue.id,
          action: 'approve',
          taskId: task?.task.id,
          at: new Date().toISOString(),
        },
      ],
    });
    expect(answer.body.results[0]).toMatchObject({ status: 'accepted', workflow: { status: 'approved' } });
    const after = await balances();
    expect(after).toEqual(await expected());
    for (const line of issue.data.lines ?? []) {
      const key = `${line.item_code}@${line.location}`;
      expect(after.get(key)).toBe((before.get(key) ?? 0) - line.qty);
    }
  });
});
