/* Webhook targets of an organization (IT admin): create, list, change, delete, and the delivery log. */
import { randomBytes, randomUUID } from 'node:crypto';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import type { WebhookEvent } from './events.ts';
import type { WebhookFormat } from './format.ts';

export interface WebhookView {
  id: string;
  name: string;
  url: string;
  events: WebhookEvent[];
  format: WebhookFormat;
  active: boolean;
  /** Only the last 4 characters; the whole secret is shown once, when it is set. */
  secretHint: string;
  createdAt: string;
}

export interface WebhookInput {
  name: string;
  url: string;
  events: WebhookEvent[];
  format: WebhookFormat;
  secret?: string;
  active?: boolean;
}

interface Row {
  id: string;
  name: string;
  url: string;
  events: WebhookEvent[];
  format: WebhookFormat;
  active: boolean;
  secret: string;
  created_at: Date | string;
}

const COLUMNS = 'id, name, url, events, format, active, secret, created_at';

function toView(r: Row): WebhookView {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    events: r.events,
    format: r.format,
    active: r.active,
    secretHint: r.secret ? `…${r.secret.slice(-4)}` : '',
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Robot URLs carry their access token in the query: the audit log keeps only origin and path. */
function auditable(v: WebhookView) {
  const u = new URL(v.url);
  return { ...v, url: `${u.origin}${u.pathname}` };
}

export function assertWebhookUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw apiError(400, 'invalid-url', '地址无效', 'The URL is not valid');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw apiError(
      400,
      'invalid-url',
      '地址必须以 http:// 或 https:// 开头',
      'The URL must start with http:// or https://',
    );
  }
  if (parsed.username || parsed.password) {
    throw apiError(400, 'invalid-url', '地址中不能包含用户名或密码', 'The URL must not hold a user name or password');
  }
}

export async function listWebhooks(db: Queryable, orgId: string): Promise<WebhookView[]> {
  const rows = await db.query<Row>(`select ${COLUMNS} from webhooks where org_id = $1 order by created_at, id`, [
    orgId,
  ]);
  return rows.map(toView);
}

async function load(tx: Queryable, orgId: string, id: string): Promise<Row> {
  const [row] = await tx.query<Row>(`select ${COLUMNS} from webhooks where org_id = $1 and id = $2`, [orgId, id]);
  if (!row) throw apiError(404, 'webhook-not-found', '找不到该 Webhook', 'No such webhook', { id });
  return row;
}

export async function getWebhook(db: Queryable, orgId: string, id: string): Promise<WebhookView> {
  return toView(await load(db, orgId, id));
}

export async function createWebhook(
  tx: Queryable,
  orgId: string,
  actor: Actor,
  input: WebhookInput,
): Promise<WebhookView & { secret: string }> {
  assertWebhookUrl(input.url);
  const id = randomUUID();
  const secret = input.secret ?? randomBytes(24).toString('base64url');
  const [row] = await tx.query<Row>(
    `insert into webhooks (org_id, id, name, url, events, secret, format, active, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${COLUMNS}`,
    [orgId, id, input.name, input.url, input.events, secret, input.format, input.active ?? true, actor.id],
  );
  const view = toView(row as Row);
  await appendAudit(tx, {
    orgId,
    actor,
    action: 'webhook.create',
    entityType: 'webhook',
    entityId: id,
    after: auditable(view),
  });
  return { ...view, secret };
}

export async function updateWebhook(
  tx: Queryable,
  orgId: string,
  actor: Actor,
  id: string,
  changes: Partial<WebhookInput>,
): Promise<WebhookView> {
  const before = toView(await load(tx, orgId, id));
  if (changes.url !== undefined) assertWebhookUrl(changes.url);
  const [row] = await tx.query<Row>(
    `update webhooks set name = coalesce($3, name), url = coalesce($4, url), events = coalesce($5, events),
       secret = coalesce($6, secret), format = coalesce($7, format), active = coalesce($8, active), updated_at = now()
     where org_id = $1 and id = $2 returning ${COLUMNS}`,
    [
      orgId,
      id,
      changes.name ?? null,
      changes.url ?? null,
      changes.events ?? null,
      changes.secret ?? null,
      changes.format ?? null,
      changes.active ?? null,
    ],
  );
  const after = toView(row as Row);
  await appendAudit(tx, {
    orgId,
    actor,
    action: 'webhook.update',
    entityType: 'webhook',
    entityId: id,
    before: auditable(before),
    after: { ...auditable(after), secretChanged: changes.secret !== undefined },
  });
  return after;
}

export async function deleteWebhook(tx: Queryable, orgId: string, actor: Actor, id: string): Promise<void> {
  const before = toView(await load(tx, orgId, id));
  await tx.query('delete from webhooks where org_id = $1 and id = $2', [orgId, id]);
  await appendAudit(tx, {
    orgId,
    actor,
    action: 'webhook.delete',
    entityType: 'webhook',
    entityId: id,
    before: auditable(before),
  });
}

export interface DeliveryView {
  id: number;
  outboxId: number;
  event: string;
  attempt: number;
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  at: string;
}

export async function listDeliveries(
  db: Queryable,
  orgId: string,
  webhookId: string,
  limit: number,
  before?: number,
): Promise<DeliveryView[]> {
  await load(db, orgId, webhookId);
  const rows = await db.query<{
    id: number;
    outbox_id: number;
    event: string;
    attempt: number;
    ok: boolean;
    status_code: number | null;
    latency_ms: number;
    error: string | null;
    at: Date | string;
  }>(
    `select id, outbox_id, event, attempt, ok, status_code, latency_ms, error, at from webhook_deliveries
      where org_id = $1 and webhook_id = $2 and ($3::bigint is null or id < $3) order by id desc limit $4`,
    [orgId, webhookId, before ?? null, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    outboxId: Number(r.outbox_id),
    event: r.event,
    attempt: r.attempt,
    ok: r.ok,
    statusCode: r.status_code,
    latencyMs: r.latency_ms,
    error: r.error,
    at: new Date(r.at).toISOString(),
  }));
}
