/*
 * Issue 7 row 8 — persistence: stock-in submissions stored through our storage layer (the sync push
 * in-process: each record validated against its published definition, formulas recomputed,
 * idempotency log, record, revision, hash-chained audit entry, ledger entries and balances, one
 * transaction per push of 200) vs the raw driver writing THE SAME ROWS with one multi-row INSERT
 * per table per 200 records (records, record_revisions, mutations, audit_log with a SHA-256 chain,
 * ledger_entries, a ledger_balances upsert), in its own organization so neither touches the other's
 * audit chain. Also the raw driver inserting the record row alone (issue 3's "bare INSERT" limit).
 * Alternated A B / B A per pair; the rates are records per second.
 */
import { createHash } from 'node:crypto';
import type { PushRequest } from '@gongfang/schema';
import { type Auth, type Db, push } from '@gongfang/server';
import type pg from 'pg';
import type { PairResult } from './harness.ts';
import { prepareServerDb, stockIn, uuidv7 } from './serverFixture.ts';

export const BATCH = 200; // the push route takes at most 200 mutations

/** The raw driver: PGlite's own `query` (our Db seam only unwraps `.rows`), or a pg pool client. */
export interface RawDriver {
  /** Runs `fn` between BEGIN and COMMIT with a `query` of the driver itself. */
  transaction(fn: (query: (sql: string, params: unknown[]) => Promise<unknown>) => Promise<void>): Promise<void>;
}

export function rawPglite(db: Db): RawDriver {
  return { transaction: (fn) => db.transaction((tx) => fn((sql, params) => tx.query(sql, params))) };
}

export function rawPg(client: pg.PoolClient): RawDriver {
  return {
    async transaction(fn) {
      await client.query('begin');
      await fn((sql, params) => client.query(sql, params));
      await client.query('commit');
    },
  };
}

type StockIn = ReturnType<typeof stockIn>;

/** `(…), (…)` for a multi-row INSERT: `tuple` gets `p(k)`, the placeholder of the row's k-th parameter. */
function values(rows: number, width: number, tuple: (p: (k: number) => string) => string): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) out.push(`(${tuple((k) => `$${r * width + k + 1}`)})`);
  return out.join(', ');
}

const RECORD_INSERT = `insert into records (org_id, id, app_id, form_id, version, revision, data, created_by,
                                            created_at, updated_at, device_id) values `;
const recordTuple = (p: (k: number) => string) =>
  `'peer', ${p(0)}, 'inventory', 'stock_in', 1, 1, ${p(1)}, ${p(2)}, ${p(3)}, ${p(3)}, ${p(4)}`;

/** The peer: the rows a submission stores, written by hand with the raw driver, one INSERT per table. */
function rawSubmit(raw: RawDriver, userId: string, records: readonly StockIn[]): Promise<void> {
  return raw.transaction(async (query) => {
    const n = records.length;
    const data = records.map((r) => JSON.stringify(r.data));
    await query(
      `insert into mutations (org_id, id, user_id, device_id, kind, record_id, result)
       values ${values(n, 5, (p) => `'peer', ${p(0)}, ${p(1)}, ${p(2)}, 'create', ${p(3)}, ${p(4)}`)}`,
      records.flatMap((r) => [
        uuidv7(),
        userId,
        r.deviceId,
        r.id,
        JSON.stringify({ status: 'accepted', recordId: r.id, revision: 1 }),
      ]),
    );
    await query(
      RECORD_INSERT + values(n, 5, recordTuple),
      records.flatMap((r, i) => [r.id, data[i], userId, r.createdAt, r.deviceId]),
    );
    await query(
      `insert into record_revisions (org_id, record_id, revision, version, data, updated_by, updated_at)
       values ${values(n, 4, (p) => `'peer', ${p(0)}, 1, 1, ${p(1)}, ${p(2)}, ${p(3)}`)}`,
      records.flatMap((r, i) => [r.id, data[i], userId, r.createdAt]),
    );
    // The audit chain: lock the head, hash each entry on the previous one, move the head.
    const head = await query(
      `insert into audit_chain (org_id, seq, head_hash) values ('peer', 0, $1)
       on conflict (org_id) do update set seq = audit_chain.seq returning seq, head_hash`,
      ['0'.repeat(64)],
    );
    const rows = (Array.isArray(head) ? head : (head as { rows: unknown[] }).rows) as {
      seq: number;
      head_hash: string;
    }[];
    let seq = Number(rows[0]?.seq ?? 0);
    let prev = rows[0]?.head_hash ?? '';
    const at = new Date().toISOString();
    const audit = records.flatMap((r, i) => {
      seq += 1;
      const hash = createHash('sha256').update(prev).update(`${seq}${at}${r.id}${data[i]}`).digest('hex');
      const row = [seq, at, userId, r.id, data[i], prev, hash];
      prev = hash;
      return row;
    });
    await query(
      `insert into audit_log (org_id, seq, at, actor_id, actor_name, action, entity_type, entity_id, after, prev_hash, hash)
       values ${values(n, 7, (p) => `'peer', ${p(0)}, ${p(1)}, ${p(2)}, 'sun.li', 'record.create', 'record', ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}`)}`,
      audit,
    );
    await query("update audit_chain set seq = $1, head_hash = $2 where org_id = 'peer'", [seq, prev]);
    // Ledger: one entry per line, then each key's balance moved once, keys in order.
    const entries: unknown[] = [];
    const moved = new Map<string, number>();
    for (const r of records) {
      for (const line of r.data.lines as { item_code: string; location: string; qty: number }[]) {
        const key = JSON.stringify({ item: line.item_code, location: line.location });
        entries.push(key, JSON.stringify({ qty: line.qty, in_qty: line.qty }), r.id);
        moved.set(key, (moved.get(key) ?? 0) + line.qty);
      }
    }
    await query(
      `insert into ledger_entries (org_id, app_id, ledger_id, key_text, key, measures, record_id, revision, posting_id, kind, event)
       values ${values(entries.length / 3, 3, (p) => `'peer', 'inventory', 'stock', ${p(0)}::text, ${p(0)}::jsonb, ${p(1)}, ${p(2)}, 1, 'receive', 'post', 'submit'`)}`,
      entries,
    );
    const keys = [...moved.keys()].sort();
    await query(
      `insert into ledger_balances as b (org_id, app_id, ledger_id, key_text, key, measures, seq)
       select 'peer', 'inventory', 'stock', x.k, x.k::jsonb, jsonb_build_object('qty', x.q, 'in_qty', x.q), nextval('change_seq')
         from unnest($1::text[], $2::numeric[]) as x(k, q)
       on conflict (org_id, app_id, ledger_id, key_text) do update set
         measures = jsonb_build_object('qty', (b.measures->>'qty')::numeric + (excluded.measures->>'qty')::numeric,
                                       'in_qty', (b.measures->>'in_qty')::numeric + (excluded.measures->>'in_qty')::numeric),
         seq = excluded.seq, updated_at = now()`,
      [keys, keys.map((k) => moved.get(k))],
    );
  });
}

/** The issue 3 limit: the raw driver inserting the record row alone. */
function bareInsert(raw: RawDriver, userId: string, records: readonly StockIn[]): Promise<void> {
  return raw.transaction(async (query) => {
    await query(
      RECORD_INSERT + values(records.length, 5, recordTuple),
      records.flatMap((r) => [r.id, JSON.stringify(r.data), userId, r.createdAt, r.deviceId]),
    );
  });
}

export interface PersistenceResult {
  /** Our storage layer ÷ the raw driver writing the same rows (records/s). */
  sameRows: PairResult;
  /** Our storage layer ÷ the raw driver writing the record row alone (records/s). */
  bare: PairResult;
  stored: number;
}

/** Records/s of one side: `total` records in pushes of BATCH. */
async function rate(total: number, fn: (batch: StockIn[]) => Promise<void>): Promise<number> {
  const batches = Array.from({ length: Math.ceil(total / BATCH) }, (_, i) =>
    Array.from({ length: Math.min(BATCH, total - i * BATCH) }, stockIn),
  );
  const t = performance.now();
  for (const b of batches) await fn(b);
  return total / ((performance.now() - t) / 1000);
}

/**
 * `pairs` alternated pairs of `perSide` records a side (ours, same rows; then bare), after one
 * unmeasured warm-up pair. `raw` is the raw driver on the same database as `db`.
 */
export async function measurePersistence(
  db: Db,
  raw: RawDriver,
  pairs: number,
  perSide: number,
  log: (line: string) => void,
): Promise<PersistenceResult> {
  const { keeperId } = await prepareServerDb(db, 'demo');
  const peer = await prepareServerDb(db, 'peer');
  const [roles] = await db.query<{ roles: string[] }>(
    "select array_agg(role_id) as roles from user_roles where org_id = 'demo' and user_id = $1",
    [keeperId],
  );
  const auth: Auth = {
    orgId: 'demo',
    userId: keeperId,
    userName: 'sun.li',
    roles: roles?.roles ?? [],
    deviceId: null,
    csrfToken: '',
    tokenHash: '',
  };
  const quiet = { error: (o: unknown) => log(`push error: ${JSON.stringify(o).slice(0, 300)}`), warn: () => {} };
  const ctx = { db, sessionSeconds: 3600 };
  const ours = async (batch: StockIn[]) => {
    const results = await push(ctx, auth, quiet, {
      deviceId: 'bench-tablet',
      mutations: batch.map((record) => ({ id: uuidv7(), kind: 'create' as const, record })) as PushRequest['mutations'],
    });
    const bad = results.find((r) => r.status !== 'accepted');
    if (results.length !== batch.length || bad) throw new Error(`push: ${JSON.stringify(bad).slice(0, 300)}`);
  };
  const same = (batch: StockIn[]) => rawSubmit(raw, peer.keeperId, batch);
  const bare = (batch: StockIn[]) => bareInsert(raw, peer.keeperId, batch);
  await rate(BATCH, ours);
  await rate(BATCH, same);
  await rate(BATCH, bare);
  const result: PersistenceResult = {
    sameRows: { ours: [], peer: [], ratios: [] },
    bare: { ours: [], peer: [], ratios: [] },
    stored: 0,
  };
  for (let i = 0; i < pairs; i++) {
    let a = 0;
    let b = 0;
    let c = 0;
    if (i % 2 === 0) {
      a = await rate(perSide, ours);
      b = await rate(perSide, same);
      c = await rate(perSide, bare);
    } else {
      c = await rate(perSide, bare);
      b = await rate(perSide, same);
      a = await rate(perSide, ours);
    }
    result.sameRows.ours.push(a);
    result.sameRows.peer.push(b);
    result.sameRows.ratios.push(a / b);
    result.bare.ours.push(a);
    result.bare.peer.push(c);
    result.bare.ratios.push(a / c);
    log(
      `pair ${i + 1}/${pairs}: ours ${a.toFixed(0)} rec/s, raw same rows ${b.toFixed(0)} rec/s (${(a / b).toFixed(2)}), raw record row only ${c.toFixed(0)} rec/s (${(a / c).toFixed(2)})`,
    );
  }
  const [count] = await db.query<{ n: number }>(
    "select count(*)::int as n from records where org_id = 'demo' and device_id = 'bench-tablet'",
  );
  result.stored = Number(count?.n ?? 0);
  return result;
}
