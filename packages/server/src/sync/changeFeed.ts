import { lockChainHead } from '../audit/chain.ts';
import type { Tx } from '../db/Db.ts';

/**
 * Takes the organization's change-feed lock for the rest of the transaction. Take it BEFORE any
 * statement that draws a `change_seq` value (inserting a record, a task, a posting).
 *
 * Why: devices pull "seq > cursor". If two transactions drew 101 and 102 and 102 committed first,
 * a pull in between would hand out 102, the device would move its cursor past 101, and 101 would
 * never reach it. Under this lock an organization's transactions draw sequences in commit order.
 * It is the row lock `appendAudit` takes on the audit chain head anyway, held to the end of the
 * transaction, so audited writes were already serialized per organization: this costs nothing more.
 */
export async function lockChangeFeed(tx: Tx, orgId: string): Promise<void> {
  await lockChainHead(tx, orgId);
}

/** The next change sequence; call it under `lockChangeFeed`. */
export async function nextSeq(tx: Tx): Promise<number> {
  const [row] = await tx.query<{ seq: number }>("select nextval('change_seq') as seq");
  return Number(row?.seq);
}
