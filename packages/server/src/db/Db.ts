/**
 * The storage seam. Everything above this file speaks SQL through `Db`, so the same code and the
 * same migrations run on embedded PGlite and on PostgreSQL.
 */

/** A place to run SQL: the database itself or an open transaction. */
export interface Queryable {
  /** One parameterized statement; rows come back as plain objects. */
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Tx = Queryable;

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` inside BEGIN … COMMIT; any throw rolls back and rethrows. Code inside must use `tx`,
   * never the outer `db` (on PGlite that would wait for the transaction it is part of).
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The PostgreSQL error code, when `error` came from the database. */
export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
