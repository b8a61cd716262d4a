/*
 * The webhook outbox. An event is written here inside the transaction that made it (one row per
 * subscribed webhook): it commits with the change or not at all, and delivery happens later in
 * the worker, so a slow or failing receiver never blocks or undoes a submission.
 */
import type { Queryable } from '../db/Db.ts';
import type { EventPayload, WebhookEvent } from './events.ts';

/** Queues `event` for every active webhook of the organization subscribed to it; returns how many. */
export async function enqueueWebhookEvent(
  tx: Queryable,
  orgId: string,
  event: WebhookEvent,
  payload: EventPayload,
): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `insert into webhook_outbox (org_id, webhook_id, event, payload)
     select org_id, id, $2, $3 from webhooks where org_id = $1 and active and $2 = any(events)
     returning id`,
    [orgId, event, JSON.stringify({ ...payload, event, org: orgId, occurredAt: new Date().toISOString() })],
  );
  return rows.length;
}
