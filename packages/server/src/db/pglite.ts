import { PGlite } from '@electric-sql/pglite';
import type { Db, Tx } from './Db.ts';

/**
 * Embedded PostgreSQL in a data folder. PGlite is one connection; its own mutex queues queries and
 * holds them while a transaction runs, so access is serialized without a second lock here.
 * `dataDir` undefined means in memory (tests only).
 */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const pg = await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Tx => ({
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
