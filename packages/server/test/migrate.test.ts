import { afterEach, describe, expect, test } from 'vitest';
import { loadMigrations, migrate } from '../src/db/migrate.ts';
import { DB_KINDS, freshDatabase, type TestDatabase } from './harness.ts';

describe.each(DB_KINDS)('migrations on %s', (kind) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  test('applies every migration file once, in order, and records it', async () => {
    database = await freshDatabase(kind);
    const db = await database.open();
    try {
      const files = (await loadMigrations()).map((m) => m.id);
      expect(files.slice(0, 2)).toEqual(['001_accounts', '002_audit']);
      expect(await migrate(db)).toEqual(files);
      expect(await migrate(db)).toEqual([]);
      const rows = await db.query<{ id: string }>('select id from schema_migrations order by id');
      expect(rows.map((r) => r.id)).toEqual(files);
    } finally {
      await db.close();
    }
  });

  test('a failing migration rolls back entirely: nothing half-applied, nothing recorded', async () => {
    database = await freshDatabase(kind);
    const db = await database.open();
    try {
      const broken = [
        { id: '001_ok', sql: 'create table first_table (a int);' },
        { id: '002_bad', sql: 'create table second_table (a int); select * from no_such_table;' },
      ];
      await expect(migrate(db, broken)).rejects.toThrow(/no_such_table/);
      const tables = await db.query(
        "select table_name from information_schema.tables where table_name in ('first_table', 'second_table', 'schema_migrations')",
      );
      expect(tables).toEqual([]);
    } finally {
      await db.close();
    }
  });

  test('two processes starting together migrate once (advisory lock)', async () => {
    if (kind === 'pglite') return; // one process per PGlite folder by design
    database = await freshDatabase(kind);
    const [a, b] = await Promise.all([database.open(), database.open()]);
    try {
      const [first, second] = await Promise.all([migrate(a), migrate(b)]);
      const all = (await loadMigrations()).map((m) => m.id);
      expect([...first, ...second].sort()).toEqual(all);
      expect(first.length === 0 || second.length === 0).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
