/*
 * The webhook delivery worker. Each tick claims due outbox rows with `FOR UPDATE SKIP LOCKED` and
 * a lease, so several server processes polling one database never send the same row twice; a
 * crashed worker's rows come back when the lease ends. Failures retry with exponential backoff up
 * to `maxAttempts`, then the row is marked dead. Every attempt lands in the delivery log.
 */
import type { Db } from '../db/Db.ts';
import { type EgressPolicy, postGuarded, STRICT_EGRESS } from './egress.ts';
import type { EventPayload } from './events.ts';
import { buildRequest, robotRefusal, type WebhookFormat } from './format.ts';

export interface WebhookWorkerOptions {
  /** Pause between polls when nothing is due (default 2 s). */
  intervalMs?: number;
  /** Rows claimed per poll (default 20). */
  batch?: number;
  /** Attempts before giving up (default 8). */
  maxAttempts?: number;
  /** First retry after this; each later one waits twice as long (default 30 s, capped at 1 h). */
  baseDelayMs?: number;
  /** Per-request timeout (default 10 s); must stay well under the lease. */
  timeoutMs?: number;
  /** How long a claim keeps other workers off a row (default 120 s). */
  leaseMs?: number;
  /** Which private or special-purpose networks deliveries may reach (default: none). */
  egress?: EgressPolicy;
  onError?: (error: unknown) => void;
}

export interface WebhookWorker {
  /** Starts polling (runOnce now, then every `intervalMs` when idle). */
  start(): void;
  /** One poll: claims due rows, delivers them, returns how many were attempted. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the deliveries in flight. */
  stop(): Promise<void>;
}

interface Claimed {
  id: number;
  org_id: string;
  event: string;
  payload: EventPayload;
  attempts: number;
  url: string;
  secret: string;
  format: WebhookFormat;
}

const MAX_DELAY_MS = 3_600_000;

export function createWebhookWorker(db: Db, options: WebhookWorkerOptions = {}): WebhookWorker {
  const batch = options.batch ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const leaseMs = options.leaseMs ?? 120_000;
  const egress = options.egress ?? STRICT_EGRESS;

  const claim = () =>
    db.transaction((tx) =>
      tx.query<Claimed>(
        `with due as (
           select id from webhook_outbox
            where status = 'pending' and next_attempt_at <= now() and (leased_until is null or leased_until < now())
            order by id limit $1 for update skip locked)
         update webhook_outbox o set leased_until = now() + make_interval(secs => $2), attempts = o.attempts + 1
           from due, webhooks w
          where o.id = due.id and w.org_id = o.org_id and w.id = o.webhook_id
         returning o.id, o.org_id, o.webhook_id, o.event, o.payload, o.attempts, w.url, w.secret, w.format`,
        [batch, leaseMs / 1000],
      ),
    );

  const deliver = async (row: Claimed & { webhook_id?: string }): Promise<void> => {
    const request = buildRequest(row, row.event, row.payload);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await postGuarded(request.url, {
        headers: request.headers,
        body: request.body,
        timeoutMs,
        policy: egress,
      });
      statusCode = response.status;
      if (response.status < 200 || response.status >= 300) {
        error = `HTTP ${response.status}: ${response.text.slice(0, 200)}`;
      } else error = robotRefusal(row.format, response.text);
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 500) : String(e);
    }
    const latencyMs = Math.round(performance.now() - started);
    const ok = error === null;
    const delayMs = Math.min(baseDelayMs * 2 ** (row.attempts - 1), MAX_DELAY_MS);
    const next = ok ? 'sent' : row.attempts >= maxAttempts ? 'dead' : 'pending';
    await db.transaction(async (tx) => {
      await tx.query(
        `insert into webhook_deliveries (org_id, webhook_id, outbox_id, event, attempt, ok, status_code, latency_ms, error)
         select org_id, webhook_id, id, event, $2, $3, $4, $5, $6 from webhook_outbox where id = $1`,
        [row.id, row.attempts, ok, statusCode, latencyMs, error],
      );
      await tx.query(
        `update webhook_outbox set status = $2, leased_until = null,
           next_attempt_at = case when $2 = 'pending' then now() + make_interval(secs => $3) else next_attempt_at end,
           done_at = case when $2 = 'pending' then null else now() end
         where id = $1`,
        [row.id, next, delayMs / 1000],
      );
    });
  };

  const runOnce = async (): Promise<number> => {
    const rows = await claim();
    await Promise.all(rows.map((r) => deliver(r)));
    return rows.length;
  };

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const tick = () => {
    inFlight = (async () => {
      let full = true;
      try {
        while (full && !stopped) full = (await runOnce()) === batch;
      } catch (e) {
        options.onError?.(e);
      }
      if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 2000);
    })();
  };
  return {
    runOnce,
    start() {
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}

/** Creates the worker and starts polling. */
export function startWebhookWorker(db: Db, options: WebhookWorkerOptions = {}): WebhookWorker {
  const worker = createWebhookWorker(db, options);
  worker.start();
  return worker;
}
