import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from '../src/app.ts';
import type { Db } from '../src/db/Db.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedApps } from '../src/seed/apps.ts';
import { DEMO_PASSWORD, EXAMPLES_DIR, seedDemoIfEmpty } from '../src/seed/demo.ts';
import { Client } from './client.ts';
import { DB_KINDS, freshDatabase, type TestDatabase } from './harness.ts';

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
});
