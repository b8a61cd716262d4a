/*
 * What PostgreSQL's autovacuum does, for PGlite, which has none: tables whose rows changed enough
 * since their last ANALYZE are analyzed, and tables with enough dead row versions are vacuumed,
 * with autovacuum's default thresholds.
 *
 * Without it an embedded database keeps no statistics and never reclaims dead rows. The planner
 * then plans against tables it believes empty, and keeps those plans: the foreign-key check of
 * each ledger entry and revision against `records` kept the plan made on the first pushes, while
 * records held a few rows, an index scan of the creator's records from the newest; a stock-in
 * created before the organization's latest records walked all of those, and pushes of 100 went
 * from 60 ms to over a second (issue 7, row 7). And each balance upsert leaves a dead version of
 * its row (200 balances carried 23,600 dead rows after 10,000 stock-ins).
 */
import type { Queryable } from './Db.ts';

/** PostgreSQL's defaults: autovacuum_vacuum_threshold / _scale_factor, autovacuum_analyze_*. */
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;

export interface MaintenanceStep {
  table: string;
  action: 'vacuum' | 'analyze';
}

interface TableStats {
  schema: string;
  table: string;
  live: number;
  dead: number;
  modified: number;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** What the statistics say needs doing now, largest need first. */
export async function maintenanceDue(db: Queryable): Promise<(MaintenanceStep & { schema: string })[]> {
  const tables = await db.query<TableStats>(
    `select schemaname as schema, relname as "table", n_live_tup::float8 as live, n_dead_tup::float8 as dead,
            n_mod_since_analyze::float8 as modified
       from pg_stat_user_tables`,
  );
  const due: (MaintenanceStep & { schema: string; need: number })[] = [];
  for (const t of tables) {
    const vacuumNeed = t.dead / (VACUUM_BASE + VACUUM_SCALE * t.live);
    const analyzeNeed = t.modified / (ANALYZE_BASE + ANALYZE_SCALE * t.live);
    // VACUUM (ANALYZE) does both; a table only due for statistics gets the cheaper ANALYZE.
    if (vacuumNeed > 1) due.push({ schema: t.schema, table: t.table, action: 'vacuum', need: vacuumNeed });
    else if (analyzeNeed > 1) due.push({ schema: t.schema, table: t.table, action: 'analyze', need: analyzeNeed });
  }
  return due.sort((a, b) => b.need - a.need).map(({ need: _, ...step }) => step);
}

/**
 * One round: vacuums and analyzes what is due, one table per statement (VACUUM cannot run inside a
 * transaction, and on PGlite other statements queue between two tables rather than behind all).
 */
export async function maintain(db: Queryable): Promise<MaintenanceStep[]> {
  const done: MaintenanceStep[] = [];
  for (const step of await maintenanceDue(db)) {
    const target = `${quoted(step.schema)}.${quoted(step.table)}`;
    await db.exec(step.action === 'vacuum' ? `vacuum (analyze) ${target}` : `analyze ${target}`);
    done.push({ table: step.table, action: step.action });
  }
  return done;
}

export interface MaintenanceLoop {
  /** Waits for a round in progress, then stops. */
  stop(): Promise<void>;
}

/** Runs `maintain` every `intervalMs` (never two rounds at once); the timer does not keep Node alive. */
export function startMaintenance(
  db: Queryable,
  intervalMs: number,
  onError: (error: unknown) => void = () => {},
): MaintenanceLoop {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = maintain(db)
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
