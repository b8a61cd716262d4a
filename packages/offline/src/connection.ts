import type { GongfangDb } from './db.ts';
import { isClosedError, isQuotaError, OfflineError } from './errors.ts';

/**
 * Runs database work with the error handling every write needs: quota errors become a typed
 * `quota-exceeded`, and a closed connection (another tab upgraded the schema, the browser
 * dropped it) is reopened once and the work retried before `db-unavailable` is reported.
 * Retrying is safe because each unit of work is one transaction: it either committed or not.
 */
export class Connection {
  readonly db: GongfangDb;
  private readonly report: (error: OfflineError) => void;

  constructor(db: GongfangDb, report: (error: OfflineError) => void) {
    this.db = db;
    this.report = report;
    db.on('blocked', () => report(new OfflineError('db-blocked')));
    // Dexie closes the connection on a version change so the other tab can upgrade; the next
    // `run` reopens it once, and a second failure is reported as `db-unavailable`.
    db.on('versionchange', () => {
      db.close({ disableAutoOpen: false });
      report(new OfflineError('db-version-change'));
      return false;
    });
  }

  async run<T>(work: (db: GongfangDb) => Promise<T>): Promise<T> {
    try {
      return await work(this.db);
    } catch (error) {
      if (!isClosedError(error)) throw this.translate(error);
    }
    try {
      if (!this.db.isOpen()) await this.db.open();
      return await work(this.db);
    } catch (error) {
      const failure = isClosedError(error)
        ? new OfflineError('db-unavailable', { cause: error })
        : this.translate(error);
      if (failure instanceof OfflineError) this.report(failure);
      throw failure;
    }
  }

  private translate(error: unknown): unknown {
    if (isQuotaError(error)) {
      const failure = new OfflineError('quota-exceeded', { cause: error });
      this.report(failure);
      return failure;
    }
    return error;
  }
}
