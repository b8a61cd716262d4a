import type { Auth } from '../context.ts';
import type { Db, Tx } from '../db/Db.ts';

/** What applying one mutation needs: its transaction, the database (for caches) and the session. */
export interface MutationContext {
  db: Db;
  tx: Tx;
  auth: Auth;
}

/** A device time as ISO 8601 in UTC (what the workflow history and tasks store). */
export function isoTime(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? new Date().toISOString() : new Date(ms).toISOString();
}
