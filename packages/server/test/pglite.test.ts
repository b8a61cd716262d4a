import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../src/db/Db.ts';
import { openPglite, TransactionAbortedError } from '../src/db/pglite.ts';
import { MAX_PREPARED } from '../src/db/pglitePrepared.ts';
import { freshDatabase, type TestDatabase } from './harness.ts';

/** The PGlite handle: statements prepared once, one queue, transactions that hold it. */
describe('PGlite handle', () => {
  let database: TestDatabase;
  let db: Db;
  beforeEach(async () => {
    database = await freshDatabase('pglite');
    db = await database.open();
    await db.exec('create table t (id int primary key, note text, doc jsonb, tags text[], big bigint)');
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  test('a statement run again with other values answers as on its first run, types parsed', async () => {
    const insert = 'insert into t (id, note, doc, tags, big) values ($1, $2, $3, $4, $5) returning id, doc, tags, big';
    const first = await db.query(insert, [1, 'a', JSON.stringify({ k: [1, 2] }), ['x', 'y'], 9007199254740991]);
    const second = await db.query(insert, [2, null, null, [], 5]);
    expect(first).toEqual([{ id: 1, doc: { k: [1, 2] }, tags: ['x', 'y'], big: 9007199254740991 }]);
    expect(second).toEqual([{ id: 2, doc: null, tags: [], big: 5 }]);
    expect(await db.query('select id from t where id = any($1::int[]) order by id', [[1, 2, 3]])).toEqual([
      { id: 1 },
      { id: 2 },
    ]);
    expect(await db.query('update t set note = $2 where id = $1', [1, 'b'])).toEqual([]);
  });

  test('a failing statement leaves the handle usable, and its error carries the PostgreSQL code', async () => {
    await db.query('insert into t (id) values ($1)', [1]);
    await expect(db.query('insert into t (id) values ($1)', [1])).rejects.toMatchObject({ code: '23505' });
    await expect(db.query('selec 1')).rejects.toMatchObject({ code: '42601' });
    expect(await db.query('select count(*)::int as n from t')).toEqual([{ n: 1 }]);
  });

  test('more distinct statements than are kept prepared: the oldest is closed and prepared again when used', async () => {
    for (let i = 0; i <= MAX_PREPARED + 10; i++) {
      expect(await db.query(`select $1::int + ${i} as n`, [1])).toEqual([{ n: 1 + i }]);
    }
    const [open] = await db.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements');
    expect(open?.n).toBeLessThanOrEqual(MAX_PREPARED);
    expect(await db.query('select $1::int + 0 as n', [41])).toEqual([{ n: 41 }]);
  });

  test('a table altered under a prepared statement: one failure at most, then the new columns', async () => {
    await db.query('insert into t (id) values ($1)', [1]);
    const select = 'select * from t where id = $1';
    expect(Object.keys((await db.query(select, [1]))[0] ?? {})).toHaveLength(5);
    await db.exec('alter table t add column extra int default 7');
    const again = await db.query(select, [1]).catch(() => db.query(select, [1]));
    expect(again[0]).toMatchObject({ id: 1, extra: 7 });
  });

  test('a transaction commits what it wrote, and rolls everything back when its function throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query('insert into t (id) values ($1)', [1]);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into t (id) values ($1)', [2]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.query('select id from t order by id')).toEqual([{ id: 1 }]);
  });

  test('a transaction whose failed statement was swallowed does not report a commit', async () => {
    const attempt = db.transaction(async (tx) => {
      await tx.query('insert into t (id) values ($1)', [3]);
      await tx.query('insert into t (id) values ($1)', [3]).catch(() => {});
    });
    await expect(attempt).rejects.toBeInstanceOf(TransactionAbortedError);
    expect(await db.query('select id from t')).toEqual([]);
  });

  test('statements from outside wait for a running transaction instead of joining it', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = db.transaction(async (tx) => {
      await tx.query('insert into t (id) values ($1)', [1]);
      await gate;
      throw new Error('roll back');
    });
    const outside = db.query('insert into t (id) values ($1) returning id', [2]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(transaction).rejects.toThrow('roll back');
    expect(await outside).toEqual([{ id: 2 }]);
    expect(await db.query('select id from t order by id')).toEqual([{ id: 2 }]);
  });

  test('a transaction handle used after its end refuses to run anything', async () => {
    let leaked: Parameters<Parameters<Db['transaction']>[0]>[0] | undefined;
    await db.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked?.query('select 1')).rejects.toThrow(/ended/);
  });

  test('what was committed is there when the folder is opened again', async () => {
    await db.transaction((tx) => tx.query('insert into t (id, note) values ($1, $2)', [1, 'kept']));
    await db.close();
    db = await openPglite(database.location);
    expect(await db.query('select note from t')).toEqual([{ note: 'kept' }]);
  });
});
