-- The audit log: append-only, hash-chained per organization.
-- audit_chain holds each organization's chain head; writers lock that row (select … for update),
-- so two processes appending at once queue instead of forking the chain.

create table audit_chain (
  org_id text primary key references organizations (id),
  seq bigint not null,
  head_hash text not null
);

create table audit_log (
  org_id text not null references organizations (id),
  seq bigint not null,
  at timestamptz not null,
  -- null when the system itself acted (seeding, migrations of data)
  actor_id uuid,
  actor_name text,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  -- sha256(prev_hash || canonical JSON of the entry); see packages/server/src/audit/chain.ts
  hash text not null,
  primary key (org_id, seq)
);
create index audit_log_entity on audit_log (org_id, entity_type, entity_id);
create index audit_log_at on audit_log (org_id, at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = '42501';
end
$$;

create trigger audit_log_no_update_delete before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
