import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../src/db/Db.ts';
import { maintain, maintenanceDue, startMaintenance } from '../src/db/maintenance.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { freshDatabase, type TestDatabase } from './harness.ts';
import { accept, INV_ORG, seedInventory, stockIn } from './inventoryFixture.ts';

/** PGlite has no autovacuum; the handle analyzes and vacuums itself (db/maintenance.ts). */
describe('PGlite maintenance', () => {
  let database: TestDatabase;
  let db: Db;
  beforeEach(async () => {
    database = await freshDatabase('pglite');
    db = await openPglite(database.location, { maintenanceMs: 0 });
    await db.exec(`
      create table balances (id int primary key, qty int not null);
      create index balances_qty on balances (qty)`);
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  /** Statistics are flushed when the backend goes idle, at most once a second unless forced. */
  const flushStats = async () => {
    await db.query('select pg_stat_force_next_flush()');
    await db.query('select 1');
  };
  /** Index entries read from `records`, all indexes. */
  const recordReads = async () => {
    await flushStats();
    const [row] = await db.query<{ n: number }>(
      "select sum(idx_tup_read)::int as n from pg_stat_user_indexes where relname = 'records'",
    );
    return row?.n ?? 0;
  };

  test('stock-ins synced late stay cheap to post once the tables have grown, after a maintenance round', async () => {
    await migrate(db);
    const people = await seedInventory(db);
    const keeper = people.get('keeper') as string;
    const stockInAt = (createdAt: string) =>
      accept(db, {
        form: 'stock_in',
        data: stockIn([{ item: 'ITM-1', qty: 5, location: 'A-01' }]),
        by: keeper,
        createdAt,
      });
    // The first stock-ins: PostgreSQL settles on a generic plan for the foreign-key checks at the
    // sixth run, while `records` holds a few rows and has no statistics.
    for (let i = 0; i < 8; i++) await stockInAt(new Date().toISOString());
    // A day of records from the other tablets, then a tablet's backlog from yesterday.
    await db.query(
      `insert into records (org_id, id, app_id, form_id, version, revision, data, created_by, created_at, updated_at, device_id)
       select $1, gen_random_uuid(), 'inventory', 'stock_in', 1, 1, '{}', $2, now(), now(), 'other' from generate_series(1, 3000)`,
      [INV_ORG, keeper],
    );
    const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();
    const before = await recordReads();
    for (let i = 0; i < 20; i++) await stockInAt(yesterday());
    const unmaintained = (await recordReads()) - before;

    const steps = await maintain(db);
    expect(steps).toContainEqual({ table: 'records', action: 'analyze' });
    const after = await recordReads();
    for (let i = 0; i < 20; i++) await stockInAt(yesterday());
    const maintained = (await recordReads()) - after;

    // Planned on a near-empty table, each check of a ledger entry's or revision's record walked the
    // records of its creator from the newest: all 3000 of today's before yesterday's.
    expect(unmaintained).toBeGreaterThan(20 * 3000);
    expect(maintained).toBeLessThan(20 * 10);
  });

  test('dead row versions of a row updated again and again are vacuumed, and a second round has nothing to do', async () => {
    // Each update changes an indexed column, as a balance's change sequence does: no in-page cleanup.
    await db.query('insert into balances select g, 0 from generate_series(1, 20) g');
    for (let i = 0; i < 30; i++) await db.query('update balances set qty = qty + 1');
    await flushStats();
    expect(await maintenanceDue(db)).toContainEqual({ schema: 'public', table: 'balances', action: 'vacuum' });

    expect(await maintain(db)).toContainEqual({ table: 'balances', action: 'vacuum' });
    await flushStats();
    const [stats] = await db.query<{ dead: number; modified: number }>(
      "select n_dead_tup::int as dead, n_mod_since_analyze::int as modified from pg_stat_user_tables where relname = 'balances'",
    );
    expect(stats).toEqual({ dead: 0, modified: 0 });
    expect(await maintain(db)).toEqual([]);
    expect(await db.query('select sum(qty)::int as total from balances')).toEqual([{ total: 600 }]);
  });

  test('a few changes to a large table are not worth a round', async () => {
    await db.query('insert into balances select g, 0 from generate_series(1, 5000) g');
    await flushStats();
    await maintain(db);
    await db.query('update balances set qty = 1 where id <= 40');
    await flushStats();
    expect(await maintenanceDue(db)).toEqual([]);
  });

  test('the loop runs rounds on its timer, one at a time, and stops', async () => {
    await db.query('insert into balances select g, 0 from generate_series(1, 100) g');
    await flushStats();
    const errors: unknown[] = [];
    const loop = startMaintenance(db, 20, (e) => errors.push(e));
    await expect
      .poll(async () => {
        await flushStats();
        const [row] = await db.query<{ analyzed: boolean }>(
          "select last_analyze is not null as analyzed from pg_stat_user_tables where relname = 'balances'",
        );
        return row?.analyzed;
      })
      .toBe(true);
    await loop.stop();
    expect(errors).toEqual([]);
  });
});
