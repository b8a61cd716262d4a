import { createHash } from 'node:crypto';
import type { Tx } from '../db/Db.ts';
import { canonicalJson } from './canonical.ts';

/** prev_hash of each organization's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Who made a change; null when the system did (seeding). */
export interface Actor {
  id: string;
  name: string;
}

export interface AuditChange {
  orgId: string;
  actor: Actor | null;
  /** What happened, `entity.verb`: `user.create`, `session.login`, `app.publish`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** An entry as stored; everything here except `hash` goes into the hash. */
export interface AuditEntry {
  orgId: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, ...fields } = entry;
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

/**
 * Appends one entry to the organization's chain inside the caller's transaction, so the change and
 * its audit entry commit or roll back together. The chain-head row lock serializes appends across
 * processes; it is held until the caller's transaction ends.
 */
export async function appendAudit(tx: Tx, change: AuditChange): Promise<AuditEntry> {
  await tx.query(
    'insert into audit_chain (org_id, seq, head_hash) values ($1, 0, $2) on conflict (org_id) do nothing',
    [change.orgId, GENESIS_HASH],
  );
  const [head] = await tx.query<{ seq: number; head_hash: string }>(
    'select seq, head_hash from audit_chain where org_id = $1 for update',
    [change.orgId],
  );
  if (!head) throw new Error(`audit chain head missing for ${change.orgId}`);
  // Round-tripped through JSON so what we hash is exactly what jsonb gives back later.
  const roundTrip = (v: unknown) => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown));
  const unhashed: Omit<AuditEntry, 'hash'> = {
    orgId: change.orgId,
    seq: Number(head.seq) + 1,
    at: new Date().toISOString(),
    actorId: change.actor?.id ?? null,
    actorName: change.actor?.name ?? null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: roundTrip(change.before),
    after: roundTrip(change.after),
    prevHash: head.head_hash,
  };
  const entry: AuditEntry = { ...unhashed, hash: entryHash(unhashed) };
  await tx.query(
    `insert into audit_log (org_id, seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      entry.orgId,
      entry.seq,
      entry.at,
      entry.actorId,
      entry.actorName,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
      entry.prevHash,
      entry.hash,
    ],
  );
  await tx.query('update audit_chain set seq = $2, head_hash = $3 where org_id = $1', [
    entry.orgId,
    entry.seq,
    entry.hash,
  ]);
  return entry;
}
