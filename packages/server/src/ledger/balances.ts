/*
 * Balances: the sum of a ledger's entries per key, kept in ledger_balances by the posting
 * transaction. One upsert per key adds the delta in SQL `numeric` (exact decimals) and takes the
 * row lock, so two tablets posting to the same key at once queue on that row and the guard check
 * after it sees both.
 * Measured against summing entries on every read: see bench/results/server.md.
 */
import type { BalanceChange } from '@gongfang/schema';
import type { Queryable } from '../db/Db.ts';
import type { LedgerKeyValue, Measures } from './entries.ts';

export interface BalanceRow {
  key: LedgerKeyValue;
  measures: Measures;
  seq: number;
}

export interface BalanceDelta {
  appId: string;
  ledgerId: string;
  keyText: string;
  key: LedgerKeyValue;
  measures: Measures;
}

// Every key of a posting in one statement; rows are inserted (and their balance rows locked) in
// key order, so two postings touching the same keys lock them in the same order.
const UPSERT = `
insert into ledger_balances as b (org_id, app_id, ledger_id, key_text, key, measures, seq)
select $1, d.v ->> 'app', d.v ->> 'ledger', d.v ->> 'key_text', d.v -> 'key', d.v -> 'measures', nextval('change_seq')
  from jsonb_array_elements($2::jsonb) as d(v)
 order by d.v ->> 'app', d.v ->> 'ledger', d.v ->> 'key_text'
on conflict (org_id, app_id, ledger_id, key_text) do update set
  measures = (select coalesce(jsonb_object_agg(ks.k, coalesce((b.measures ->> ks.k)::numeric, 0)
                                                  + coalesce((excluded.measures ->> ks.k)::numeric, 0)), '{}'::jsonb)
                from (select jsonb_object_keys(b.measures) as k union select jsonb_object_keys(excluded.measures)) ks),
  seq = excluded.seq,
  updated_at = now()
returning app_id, ledger_id, key_text, measures, seq`;

/** Adds each delta to its balance and returns the new balances, in the order of `deltas`. */
export async function applyDeltas(
  tx: Queryable,
  orgId: string,
  deltas: readonly BalanceDelta[],
): Promise<BalanceRow[]> {
  if (deltas.length === 0) return [];
  const rows = await tx.query<{ app_id: string; ledger_id: string; key_text: string; measures: Measures; seq: number }>(
    UPSERT,
    [
      orgId,
      JSON.stringify(
        deltas.map((d) => ({
          app: d.appId,
          ledger: d.ledgerId,
          key_text: d.keyText,
          key: d.key,
          measures: d.measures,
        })),
      ),
    ],
  );
  const byKey = new Map(rows.map((r) => [`${r.app_id}\n${r.ledger_id}\n${r.key_text}`, r]));
  return deltas.map((d) => {
    const row = byKey.get(`${d.appId}\n${d.ledgerId}\n${d.keyText}`);
    if (!row) throw new Error('balance upsert returned nothing');
    return { key: d.key, measures: row.measures, seq: Number(row.seq) };
  });
}

export interface BalanceQuery {
  orgId: string;
  appId: string;
  ledgerId: string;
  /** Only keys whose members equal these values. */
  key?: Readonly<Record<string, string>>;
  after?: string;
  limit: number;
}

/** Balances of one ledger ordered by key text; page with `after` = the last keyText seen. */
export async function listBalances(
  db: Queryable,
  q: BalanceQuery,
): Promise<{ balances: (BalanceRow & { keyText: string })[]; next: string | null }> {
  const params: unknown[] = [q.orgId, q.appId, q.ledgerId];
  let where = 'org_id = $1 and app_id = $2 and ledger_id = $3';
  if (q.key && Object.keys(q.key).length > 0) {
    params.push(JSON.stringify(q.key));
    where += ` and key @> $${params.length}::jsonb`;
  }
  if (q.after !== undefined) {
    params.push(q.after);
    where += ` and key_text > $${params.length}`;
  }
  const rows = await db.query<{ key_text: string; key: LedgerKeyValue; measures: Measures; seq: number }>(
    `select key_text, key, measures, seq from ledger_balances where ${where} order by key_text limit ${q.limit + 1}`,
    params,
  );
  const page = rows.slice(0, q.limit);
  return {
    balances: page.map((r) => ({ keyText: r.key_text, key: r.key, measures: r.measures, seq: Number(r.seq) })),
    next: rows.length > q.limit ? (page[page.length - 1]?.key_text ?? null) : null,
  };
}

export interface BalanceChangeRow {
  seq: number;
  type: 'balance';
  data: BalanceChange;
}

/**
 * The balance feed for sync pull: every balance whose last change is after `seq`, oldest first.
 * A balance moved several times since the cursor appears once, with its newest value.
 * `apps` limits the feed to apps the user may open (all when absent).
 */
export async function balanceChangesSince(
  tx: Queryable,
  orgId: string,
  seq: number,
  limit: number,
  apps?: readonly string[],
): Promise<BalanceChangeRow[]> {
  const params: unknown[] = [orgId, seq, limit];
  let filter = '';
  if (apps) {
    params.push(apps);
    filter = ' and app_id = any($4::text[])';
  }
  const rows = await tx.query<{
    app_id: string;
    ledger_id: string;
    key: LedgerKeyValue;
    measures: Measures;
    seq: number;
  }>(
    `select app_id, ledger_id, key, measures, seq from ledger_balances
      where org_id = $1 and seq > $2${filter} order by seq limit $3`,
    params,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    type: 'balance',
    data: { app: r.app_id, ledger: r.ledger_id, key: r.key, measures: r.measures },
  }));
}
