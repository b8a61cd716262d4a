import type { GongfangDb } from './db.ts';
import type { BalanceRow, LocalPosting } from './types.ts';

/** A posting a record makes, as the runtime computed it from the form's `postings`. */
export interface PostingInput {
  ledger: string;
  key: Record<string, string>;
  measures: Record<string, number>;
}

/** Stable id of one ledger key combination: key names sorted so {item, location} order is free. */
export function balanceId(app: string, ledger: string, key: Record<string, string>): string {
  const parts = Object.keys(key)
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(key[name] ?? '')}`);
  return `${app}/${ledger}/${parts.join('|')}`;
}

/** Replaces a record's local postings (an edit re-posts); call inside a transaction on postings. */
export async function writePostings(
  db: GongfangDb,
  recordId: string,
  app: string,
  userId: string,
  postings: readonly PostingInput[],
): Promise<void> {
  await db.postings.where('recordId').equals(recordId).delete();
  if (postings.length === 0) return;
  await db.postings.bulkAdd(
    postings.map((p) => ({
      recordId,
      app,
      ledger: p.ledger,
      balanceId: balanceId(app, p.ledger, p.key),
      measures: { ...p.measures },
      userId,
    })),
  );
}

/**
 * What the device believes is available: the last synced balance plus local postings the server
 * has not yet counted in it (pending records, and accepted ones newer than the balance).
 * The server's check stays final; this is for an early warning such as "only 12 left at A-03".
 */
export async function availableBalance(
  db: GongfangDb,
  app: string,
  ledger: string,
  key: Record<string, string>,
): Promise<Record<string, number>> {
  const id = balanceId(app, ledger, key);
  return db.transaction('r', [db.balances, db.postings, db.records], async () => {
    const balance: BalanceRow | undefined = await db.balances.get(id);
    const totals: Record<string, number> = { ...(balance?.measures ?? {}) };
    const postings: LocalPosting[] = await db.postings.where('balanceId').equals(id).toArray();
    for (const posting of postings) {
      if (!(await counts(db, posting, balance))) continue;
      for (const [measure, amount] of Object.entries(posting.measures)) {
        totals[measure] = (totals[measure] ?? 0) + amount;
      }
    }
    return totals;
  });
}

async function counts(db: GongfangDb, posting: LocalPosting, balance: BalanceRow | undefined): Promise<boolean> {
  if (posting.acceptedSeq !== undefined) return balance === undefined || posting.acceptedSeq > balance.seq;
  const record = await db.records.get(posting.recordId);
  return record?.status === 'pending';
}
