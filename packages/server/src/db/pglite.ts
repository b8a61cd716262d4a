import { PGlite, parse, protocol } from '@electric-sql/pglite';
import type { Db, Tx } from './Db.ts';
import { startMaintenance } from './maintenance.ts';
import { PreparedStatements, type Wire } from './pglitePrepared.ts';

/** Thrown when COMMIT finds the transaction aborted (PostgreSQL answers ROLLBACK, not an error). */
export class TransactionAbortedError extends Error {
  readonly code = '25P02';
  constructor() {
    super('the transaction was aborted by an earlier error and has been rolled back');
  }
}

/**
 * Embedded PostgreSQL in a data folder. PGlite is one connection. Every statement goes through
 * this handle's own queue, one at a time, and a transaction holds the queue from BEGIN to COMMIT;
 * parameterized statements are prepared once and then only bound and executed
 * (`PreparedStatements`): on PGlite, parsing and planning cost more than running most of ours.
 * `dataDir` undefined means in memory (tests only).
 *
 * PGlite has no autovacuum: this handle analyzes and vacuums tables itself when their statistics
 * say so (db/maintenance.ts), checking every `maintenanceMs` (0: never).
 */
export interface PgliteOptions {
  /** How often to check whether a table needs VACUUM or ANALYZE; default 15 s, 0 turns it off. */
  maintenanceMs?: number;
  /** A failed maintenance round (the next one tries again); default: a warning on stderr. */
  onMaintenanceError?: (error: unknown) => void;
}

export async function openPglite(dataDir: string | undefined, options: PgliteOptions = {}): Promise<Db> {
  const pg = await PGlite.create(dataDir);
  const wire: Wire = (message) => pg.execProtocolStream(message, { syncToFs: false });
  const statements = new PreparedStatements(wire, pg.serializers, pg.parsers);
  /** A statement without parameters, as a simple query: BEGIN, COMMIT, migrations. */
  const simple = async (sql: string) => parse.parseResults(await wire(protocol.serialize.query(sql)), pg.parsers);

  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `fn` after everything queued before it; PGlite's own locks are not used on this path. */
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  };
  // Durable on return: a no-op for a folder on disk (written through) and for memory.
  const synced = async <T>(result: T): Promise<T> => {
    await pg.syncToFs();
    return result;
  };

  const db: Db = {
    kind: 'pglite',
    query: <T extends object>(sql: string, params: readonly unknown[] = []) =>
      exclusive(async () => synced(await statements.run<T>(sql, params))),
    exec: (sql) =>
      exclusive(async () => {
        await synced(await simple(sql));
      }),
    transaction: (fn) =>
      exclusive(async () => {
        await simple('begin');
        let closed = false;
        const open = () => {
          if (closed) throw new Error('the transaction has ended');
        };
        const tx: Tx = {
          query: async <T extends object>(sql: string, params: readonly unknown[] = []) => {
            open();
            return statements.run<T>(sql, params);
          },
          exec: async (sql) => {
            open();
            await simple(sql);
          },
        };
        try {
          const result = await fn(tx);
          closed = true;
          const [commit] = await simple('commit');
          if (commit?.command === 'ROLLBACK') throw new TransactionAbortedError();
          return synced(result);
        } catch (error) {
          if (!closed) {
            closed = true;
            await simple('rollback');
          }
          throw error;
        }
      }),
    close: async () => {
      await maintenance?.stop();
      await exclusive(() => pg.close());
    },
  };
  const every = options.maintenanceMs ?? 15_000;
  const maintenance =
    every > 0
      ? startMaintenance(
          db,
          every,
          options.onMaintenanceError ??
            ((error) => console.warn(`PGlite maintenance (VACUUM/ANALYZE) failed: ${(error as Error).message}`)),
        )
      : undefined;
  return db;
}
