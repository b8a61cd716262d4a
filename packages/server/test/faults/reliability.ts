import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { verifyAudit } from '../../src/audit/verify.ts';
import type { Queryable } from '../../src/db/Db.ts';
import type { DbKind } from '../harness.ts';

/** test-results/reliability/ at the repository root: the README's Reliability section is made from it. */
export const RELIABILITY_DIR = fileURLToPath(new URL('../../../../test-results/reliability/', import.meta.url));

/**
 * Records one fault test's figure as `test-results/reliability/<name>.<db>.json`. Called after the
 * test's assertions passed, so a file there is a figure of a passing run.
 */
export function recordFigure(name: string, db: DbKind, figure: string, values: Record<string, unknown>): void {
  mkdirSync(RELIABILITY_DIR, { recursive: true });
  const file = `${RELIABILITY_DIR}${name}.${db}.json`;
  const body = { name, db, figure, values, date: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
}

/** Audit entries per action written after `afterSeq` (per organization), all organizations together. */
async function auditCounts(q: Queryable, since: Map<string, number>): Promise<Record<string, number>> {
  const rows = await q.query<{ org_id: string; seq: number; action: string }>(
    'select org_id, seq, action from audit_log',
  );
  const counts: Record<string, number> = {};
  for (const row of rows) {
    if (Number(row.seq) <= (since.get(row.org_id) ?? 0)) continue;
    counts[row.action] = (counts[row.action] ?? 0) + 1;
  }
  return counts;
}

/**
 * The changes a fault test makes, counted by the test itself as it makes them, so that at the end
 * the audit log can be held to exactly one entry per change (not "at least one").
 */
export class AuditLedger {
  private readonly expected = new Map<string, number>();
  private since = new Map<string, number>();

  /** Starts counting from the current end of every organization's chain. */
  async begin(q: Queryable): Promise<void> {
    const heads = await q.query<{ org_id: string; seq: number }>('select org_id, seq from audit_chain');
    this.since = new Map(heads.map((h) => [h.org_id, Number(h.seq)]));
    this.expected.clear();
  }

  /** `n` changes of kind `action` (`record.create`, `record.approve`, `session.login`, …) were made. */
  add(action: string, n = 1): void {
    if (n > 0) this.expected.set(action, (this.expected.get(action) ?? 0) + n);
  }

  get total(): number {
    return [...this.expected.values()].reduce((a, b) => a + b, 0);
  }

  /** The chain verifies and holds exactly the counted entries; records the figure. */
  async check(q: Queryable, fault: string, db: DbKind): Promise<void> {
    const report = await verifyAudit(q);
    expect(report.orgs.filter((o) => !o.ok)).toEqual([]);
    const counted = Object.fromEntries([...this.expected].sort(([a], [b]) => a.localeCompare(b)));
    const found = await auditCounts(q, this.since);
    expect(found).toEqual(counted);
    recordFigure(
      `audit-chain-${fault}`,
      db,
      `audit chain verifies (${report.entries} entries); ${this.total} changes made by the ${fault} faults, ${this.total} entries`,
      { chainOk: report.ok, chainEntries: report.entries, changes: this.total, byAction: counted },
    );
  }
}
