import type { Queryable } from '../db/Db.ts';
import { entryHash, GENESIS_HASH } from './chain.ts';
import { AUDIT_COLUMNS, type AuditRow, toAuditEntry } from './rows.ts';

export type AuditBreak =
  /** The entry's content no longer matches its hash: it was edited. */
  | 'hash-mismatch'
  /** The entry does not point at the hash of the one before: an entry was replaced or reordered. */
  | 'prev-hash-mismatch'
  /** A sequence number is missing: an entry was deleted. */
  | 'seq-gap'
  /** The chain head disagrees with the last entry: entries were removed from the end. */
  | 'head-mismatch';

export interface AuditOrgReport {
  orgId: string;
  entries: number;
  ok: boolean;
  /** The first broken entry; later entries are not trusted once one breaks. */
  broken?: { seq: number; reason: AuditBreak };
}

export interface AuditReport {
  ok: boolean;
  entries: number;
  orgs: AuditOrgReport[];
}

const PAGE = 1000;

async function verifyOrg(db: Queryable, orgId: string): Promise<AuditOrgReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const rows = await db.query<AuditRow>(
      `select ${AUDIT_COLUMNS} from audit_log where org_id = $1 and seq >= $2 order by seq limit ${PAGE}`,
      [orgId, expectedSeq],
    );
    for (const row of rows) {
      const entry = toAuditEntry(row);
      const fail = (reason: AuditBreak): AuditOrgReport => ({
        orgId,
        entries,
        ok: false,
        broken: { seq: entry.seq, reason },
      });
      if (entry.seq !== expectedSeq) return fail('seq-gap');
      const { hash, ...unhashed } = entry;
      if (entryHash(unhashed) !== hash) return fail('hash-mismatch');
      if (entry.prevHash !== prevHash) return fail('prev-hash-mismatch');
      prevHash = hash;
      expectedSeq++;
      entries++;
    }
    if (rows.length < PAGE) break;
  }
  const [head] = await db.query<{ seq: number; head_hash: string }>(
    'select seq, head_hash from audit_chain where org_id = $1',
    [orgId],
  );
  const headSeq = head ? Number(head.seq) : 0;
  const headHash = head ? head.head_hash : GENESIS_HASH;
  if (headSeq !== entries || headHash !== prevHash) {
    return { orgId, entries, ok: false, broken: { seq: entries + 1, reason: 'head-mismatch' } };
  }
  return { orgId, entries, ok: true };
}

/** Re-computes every hash of every organization's chain (or one organization's). */
export async function verifyAudit(db: Queryable, orgId?: string): Promise<AuditReport> {
  const orgIds = orgId
    ? [orgId]
    : (await db.query<{ id: string }>('select id from organizations order by id')).map((r) => r.id);
  const orgs: AuditOrgReport[] = [];
  for (const id of orgIds) orgs.push(await verifyOrg(db, id));
  return { ok: orgs.every((o) => o.ok), entries: orgs.reduce((n, o) => n + o.entries, 0), orgs };
}
