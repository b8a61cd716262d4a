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

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Locks the organization's chain head row for the rest of the transaction and reads it, in one
 * statement: the no-op update of an existing head takes the same row lock as `select … for update`.
 */
export async function lockChainHead(tx: Tx, orgId: string): Promise<ChainHead> {
  const [head] = await tx.query<{ seq: number; head_hash: string }>(
    `insert into audit_chain (org_id, seq, head_hash) values ($1, 0, $2)
     on conflict (org_id) do update set seq = audit_chain.seq returning seq, head_hash`,
    [orgId, GENESIS_HASH],
  );
  if (!head) throw new Error(`audit chain head missing for ${orgId}`);
  return { seq: Number(head.seq), hash: head.head_hash };
}

// Round-tripped through JSON so what we hash is exactly what jsonb gives back later.
const roundTrip = (v: unknown) => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown));

function nextEntry(head: ChainHead, change: AuditChange): AuditEntry {
  const unhashed: Omit<AuditEntry, 'hash'> = {
    orgId: change.orgId,
    seq: head.seq + 1,
    at: new Date().toISOString(),
    actorId: change.actor?.id ?? null,
    actorName: change.actor?.name ?? null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: roundTrip(change.before),
    after: roundTrip(change.after),
    prevHash: head.hash,
  };
  return { ...unhashed, hash: entryHash(unhashed) };
}

/** Writes entries (consecutive, in chain order) and moves the head to the last, in one statement. */
async function writeEntries(tx: Tx, orgId: string, entries: readonly AuditEntry[]): Promise<void> {
  const last = entries.at(-1);
  if (!last) return;
  const rows = entries.map((e) => ({
    seq: e.seq,
    at: e.at,
    actor_id: e.actorId,
    actor_name: e.actorName,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    before: e.before,
    after: e.after,
    prev_hash: e.prevHash,
    hash: e.hash,
  }));
  await tx.query(
    `with written as (
       insert into audit_log (org_id, seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash)
       select $1, x.seq, x.at, x.actor_id, x.actor_name, x.action, x.entity_type, x.entity_id,
              nullif(x.before, 'null'::jsonb), nullif(x.after, 'null'::jsonb), x.prev_hash, x.hash
         from jsonb_to_recordset($2::jsonb) as x(seq bigint, at timestamptz, actor_id uuid, actor_name text, action text,
              entity_type text, entity_id text, before jsonb, after jsonb, prev_hash text, hash text)
        order by x.seq
     )
     update audit_chain set seq = $3, head_hash = $4 where org_id = $1`,
    [orgId, JSON.stringify(rows), last.seq, last.hash],
  );
}

/** Entries computed in memory while a batch is open on a transaction, written by `flushAuditBatch`. */
interface AuditBatch {
  orgId: string;
  head: ChainHead;
  pending: AuditEntry[];
}

const batches = new WeakMap<Tx, AuditBatch>();

/**
 * Opens a batch on `tx`: locks the chain head once, and every `appendAudit` on this transaction for
 * the organization is hashed in memory, in call order, until `flushAuditBatch` writes them all in
 * one statement. For a sync push; the caller must flush (or discard) before the transaction ends.
 */
export async function beginAuditBatch(tx: Tx, orgId: string): Promise<void> {
  if (batches.has(tx)) throw new Error('an audit batch is already open on this transaction');
  batches.set(tx, { orgId, head: await lockChainHead(tx, orgId), pending: [] });
}

/** Writes the batch's entries and closes it. */
export async function flushAuditBatch(tx: Tx): Promise<void> {
  const batch = batches.get(tx);
  batches.delete(tx);
  if (batch) await writeEntries(tx, batch.orgId, batch.pending);
}

/** Closes the batch without writing (its transaction or savepoint was rolled back). */
export function discardAuditBatch(tx: Tx): void {
  batches.delete(tx);
}

/**
 * Appends one entry to the organization's chain inside the caller's transaction, so the change and
 * its audit entry commit or roll back together. The chain-head row lock serializes appends across
 * processes; it is held until the caller's transaction ends.
 */
export async function appendAudit(tx: Tx, change: AuditChange): Promise<AuditEntry> {
  const batch = batches.get(tx);
  if (batch && batch.orgId === change.orgId) {
    const entry = nextEntry(batch.head, change);
    batch.pending.push(entry);
    batch.head = { seq: entry.seq, hash: entry.hash };
    return entry;
  }
  const entry = nextEntry(await lockChainHead(tx, change.orgId), change);
  await writeEntries(tx, change.orgId, [entry]);
  return entry;
}
