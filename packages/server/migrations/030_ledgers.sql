-- Ledgers: append-only entries posted by accepted/approved records, balances kept per key in the
-- same transaction, and exception tasks for guards the server finds broken.

create table ledger_entries (
  org_id text not null,
  app_id text not null,
  ledger_id text not null,
  -- canonical JSON of `key` (keys sorted): equal keys compare equal as text
  key_text text not null,
  key jsonb not null,
  -- signed quantities, e.g. {"qty": -12, "out_qty": 12}
  measures jsonb not null,
  record_id uuid not null,
  revision integer not null,
  posting_id text not null,
  -- post | reverse
  kind text not null check (kind in ('post', 'reverse')),
  -- what caused it: submit | edit | approved | rejected | withdrawn | …
  event text not null,
  seq bigint not null default nextval('change_seq'),
  created_at timestamptz not null default now(),
  primary key (org_id, seq),
  foreign key (org_id, record_id) references records (org_id, id)
);
create index ledger_entries_key on ledger_entries (org_id, app_id, ledger_id, key_text);
create index ledger_entries_record on ledger_entries (org_id, record_id, posting_id, seq);

create function ledger_entries_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'ledger_entries is append-only' using errcode = '42501';
end $$;
create trigger ledger_entries_no_update_delete before update or delete on ledger_entries
  for each row execute function ledger_entries_append_only();
create trigger ledger_entries_no_truncate before truncate on ledger_entries
  for each statement execute function ledger_entries_append_only();

-- The sum of the entries per key, maintained by the posting transaction (an upsert per key, which
-- also serializes concurrent postings to the same key). `seq` is the change that last moved it:
-- the balance feed devices pull for their offline guard checks.
create table ledger_balances (
  org_id text not null,
  app_id text not null,
  ledger_id text not null,
  key_text text not null,
  key jsonb not null,
  measures jsonb not null,
  seq bigint not null,
  updated_at timestamptz not null default now(),
  primary key (org_id, app_id, ledger_id, key_text)
);
create index ledger_balances_seq on ledger_balances (org_id, seq);

-- A guard the server found broken: the record is kept, the role named by the guard resolves it.
create table ledger_exceptions (
  org_id text not null,
  id uuid not null,
  app_id text not null,
  ledger_id text not null,
  guard_id text not null,
  role_id text not null,
  record_id uuid not null,
  revision integer not null,
  key jsonb not null,
  measure text not null,
  balance numeric not null,
  message jsonb not null,
  status text not null default 'open' check (status in ('open', 'resolved')),
  created_at timestamptz not null default now(),
  resolved_by uuid,
  resolved_at timestamptz,
  note text,
  primary key (org_id, id),
  foreign key (org_id, record_id) references records (org_id, id),
  foreign key (org_id, resolved_by) references users (org_id, id)
);
create index ledger_exceptions_open on ledger_exceptions (org_id, status, role_id, created_at desc);
