-- Outgoing webhooks: per-org targets, an outbox written in the same transaction as the event
-- (a slow or failing receiver never blocks or undoes a submission), and a delivery log.

create table webhooks (
  org_id text not null references organizations (id),
  id uuid not null,
  name text not null,
  url text not null,
  -- task.created | record.approved | record.rejected | record.returned | exception.opened
  events text[] not null,
  secret text not null,
  format text not null check (format in ('dingtalk', 'wecom', 'generic')),
  active boolean not null default true,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);

create table webhook_outbox (
  id bigserial primary key,
  org_id text not null,
  webhook_id uuid not null,
  event text not null,
  payload jsonb not null,
  -- pending → sent | dead (gave up after the last attempt)
  status text not null default 'pending' check (status in ('pending', 'sent', 'dead')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- a worker's claim; another worker skips the row until the lease ends (a crashed worker's rows come back)
  leased_until timestamptz,
  created_at timestamptz not null default now(),
  done_at timestamptz,
  foreign key (org_id, webhook_id) references webhooks (org_id, id) on delete cascade
);
create index webhook_outbox_due on webhook_outbox (next_attempt_at) where status = 'pending';

create table webhook_deliveries (
  id bigserial primary key,
  org_id text not null,
  webhook_id uuid not null,
  outbox_id bigint not null references webhook_outbox (id) on delete cascade,
  event text not null,
  attempt integer not null,
  ok boolean not null,
  status_code integer,
  latency_ms integer not null,
  error text,
  at timestamptz not null default now(),
  foreign key (org_id, webhook_id) references webhooks (org_id, id) on delete cascade
);
create index webhook_deliveries_hook on webhook_deliveries (org_id, webhook_id, id desc);
