import type { Change } from '@gongfang/schema';
import type { Auth } from '../context.ts';
import type { Tx } from '../db/Db.ts';

export interface ChangeQuery {
  /** Inside the pull's one REPEATABLE READ snapshot: every source sees the same committed state. */
  tx: Tx;
  auth: Auth;
  /** Changes with seq greater than this. */
  cursor: number;
  /** At most this many, oldest first (return limit + 1 to let the pull know there are more). */
  limit: number;
}

/** A feed of changes a device pulls besides apps, records and tasks (the ledger's balances). */
export type ChangeSource = (query: ChangeQuery) => Promise<Change[]>;

const sources: ChangeSource[] = [];

/**
 * Adds a change feed to `GET /api/sync/pull` (the ledger module registers its balance feed).
 * Rows must take their `change_seq` under `lockChangeFeed` so they are pulled in commit order.
 */
export function registerChangeSource(source: ChangeSource): () => void {
  sources.push(source);
  return () => {
    const i = sources.indexOf(source);
    if (i >= 0) sources.splice(i, 1);
  };
}

export function changeSources(): readonly ChangeSource[] {
  return sources;
}
