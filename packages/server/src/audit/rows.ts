import type { AuditEntry } from './chain.ts';

/** An audit_log row as both drivers return it. */
export interface AuditRow {
  org_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

export const AUDIT_COLUMNS =
  'org_id, seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash';

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    orgId: row.org_id,
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before ?? null,
    after: row.after ?? null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
