-- The core data model shared by the registry, sync and workflow authority: apps with immutable
-- published versions and one draft each; records pinned to the version they were filled with, every
-- revision kept; the idempotency log of device mutations; one change sequence for sync cursors.

-- Sync cursors: every change a device may pull (a published version, a record revision, a task, a
-- balance) takes the next value, so "what changed since N" is one indexed range scan. Shared by all
-- organizations: values are only compared, never shown.
create sequence change_seq;

create table apps (
  org_id text not null references organizations (id),
  id text not null check (id ~ '^[a-z][a-z0-9_]{0,63}$'),
  name jsonb not null,
  -- newest published version (null until the first publish)
  latest_version integer,
  -- the version new records are filled with: the latest, unless the app was rolled back
  current_version integer,
  -- the template (and its version) the app was made from or last upgraded to
  template_id text,
  template_version integer,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);

create table app_versions (
  org_id text not null,
  app_id text not null,
  version integer not null check (version >= 1),
  definition jsonb not null,
  note text not null default '',
  published_by uuid not null,
  published_at timestamptz not null default now(),
  seq bigint not null default nextval('change_seq'),
  primary key (org_id, app_id, version),
  foreign key (org_id, app_id) references apps (org_id, id),
  foreign key (org_id, published_by) references users (org_id, id)
);
create index app_versions_seq on app_versions (org_id, seq);

-- Published versions are immutable: records point at them and are shown with them.
create function refuse_app_version_change() returns trigger language plpgsql as $$
begin
  raise exception 'published app versions are immutable' using errcode = '42501';
end $$;
create trigger app_versions_immutable before update or delete on app_versions
  for each row execute function refuse_app_version_change();

create table app_drafts (
  org_id text not null,
  app_id text not null,
  definition jsonb not null,
  -- optimistic concurrency: a save names the revision it was made on
  revision integer not null default 1,
  updated_by uuid not null,
  updated_at timestamptz not null default now(),
  primary key (org_id, app_id),
  foreign key (org_id, app_id) references apps (org_id, id),
  foreign key (org_id, updated_by) references users (org_id, id)
);

create table records (
  org_id text not null,
  id uuid not null,
  app_id text not null,
  form_id text not null,
  -- the definition version the record was filled with; it is shown and exported with that version
  version integer not null,
  revision integer not null check (revision >= 1),
  data jsonb not null,
  created_by uuid not null,
  -- device times, as the record says; received_at is the server's
  created_at timestamptz not null,
  updated_at timestamptz not null,
  device_id text not null,
  received_at timestamptz not null default now(),
  seq bigint not null default nextval('change_seq'),
  -- workflow: none | running | approved | rejected | returned | withdrawn
  status text not null default 'none',
  workflow jsonb,
  -- a conflict copy keeps the losing version of `conflict_of` (both versions are kept)
  conflict_of uuid,
  primary key (org_id, id),
  foreign key (org_id, app_id, version) references app_versions (org_id, app_id, version),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index records_seq on records (org_id, seq);
create index records_form on records (org_id, app_id, form_id, created_at desc);
create index records_creator on records (org_id, created_by, created_at desc);

-- Every accepted revision of every record, append-only: the audit trail of record contents and the
-- "before" of any later edit.
create table record_revisions (
  org_id text not null,
  record_id uuid not null,
  revision integer not null,
  version integer not null,
  data jsonb not null,
  updated_by uuid not null,
  updated_at timestamptz not null,
  received_at timestamptz not null default now(),
  primary key (org_id, record_id, revision),
  foreign key (org_id, record_id) references records (org_id, id)
);

-- Each device mutation is applied at most once: its id and its first answer are kept, and a retry
-- (the response was lost, or the same push was sent twice at once) gets that answer again.
create table mutations (
  org_id text not null,
  id uuid not null,
  user_id uuid not null,
  device_id text,
  kind text not null,
  record_id uuid,
  result jsonb not null,
  applied_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, user_id) references users (org_id, id)
);
