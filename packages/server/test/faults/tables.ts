import type { Queryable } from '../../src/db/Db.ts';

/** Every table of the schema, found in the catalogue (a new table cannot escape the digest). */
export async function tableNames(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  return rows.map((r) => r.name);
}

/** One hash per table over all its rows, whatever their order. */
export async function digestTables(q: Queryable): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  for (const table of await tableNames(q)) {
    const [row] = await q.query<{ d: string; n: number }>(
      `select md5(coalesce(string_agg(h, '' order by h), '')) as d, count(*)::int as n
         from (select md5(t::text) as h from "${table}" t) rows`,
    );
    digest[table] = `${row?.n}:${row?.d}`;
  }
  return digest;
}
