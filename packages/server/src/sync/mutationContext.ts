import type { Auth } from '../context.ts';
import type { Db, Tx } from '../db/Db.ts';
import type { Person } from '../records/access.ts';
import { loadDirectory, type OrgDirectory } from '../workflow/directory.ts';

/**
 * What one push reads once and reuses for each of its mutations: the people it acts for and the
 * organization's directory. Lives for one transaction only, so nothing here outlives what it read.
 */
export interface PushMemo {
  actors: Map<string, Promise<Person>>;
  directory?: Promise<OrgDirectory>;
}

/** What applying a mutation needs: its transaction, the database (for caches) and the session. */
export interface MutationContext {
  db: Db;
  tx: Tx;
  auth: Auth;
  memo?: PushMemo;
}

export function newPushMemo(): PushMemo {
  return { actors: new Map() };
}

/** The organization's directory, read once per push. */
export function directoryOf(mc: MutationContext): Promise<OrgDirectory> {
  if (!mc.memo) return loadDirectory(mc.tx, mc.auth.orgId);
  const memo = mc.memo;
  if (!memo.directory) {
    memo.directory = loadDirectory(mc.tx, mc.auth.orgId);
    memo.directory.catch(() => {
      memo.directory = undefined;
    });
  }
  return memo.directory;
}

/** A device time as ISO 8601 in UTC (what the workflow history and tasks store). */
export function isoTime(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? new Date().toISOString() : new Date(ms).toISOString();
}
