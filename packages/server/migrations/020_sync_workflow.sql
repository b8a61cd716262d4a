-- Sync, workflow authority and attachments (issue 3): who may push for whom on a shared tablet,
-- workflow tasks as inbox rows with change sequences, who takes part in a record, and the
-- content-addressed attachment store.

-- Every user who has had a session on an enrolled device. A shared tablet pushes the work of each
-- operator who used it (`actor` on a mutation); the server accepts an actor only from a device the
-- actor signed in on. Kept by a trigger on sessions, since sessions end (PIN switch, logout, expiry)
-- while their unsent work stays in the tablet's outbox.
create table device_users (
  org_id text not null,
  device_id uuid not null,
  user_id uuid not null,
  first_seen_at timestamptz not null default now(),
  primary key (org_id, device_id, user_id),
  foreign key (org_id, device_id) references devices (org_id, id),
  foreign key (org_id, user_id) references users (org_id, id)
);

create function remember_device_user() returns trigger language plpgsql as $$
begin
  if new.device_id is not null then
    insert into device_users (org_id, device_id, user_id) values (new.org_id, new.device_id, new.user_id)
      on conflict do nothing;
  end if;
  return new;
end $$;
create trigger sessions_remember_device_user after insert or update of device_id on sessions
  for each row execute function remember_device_user();

insert into device_users (org_id, device_id, user_id)
  select distinct org_id, device_id, user_id from sessions where device_id is not null
  on conflict do nothing;

-- Workflow tasks, mirrored from each record's flow instance (records.workflow is the truth) so an
-- inbox is one indexed query and every opened or closed task gets a change sequence to pull.
create table tasks (
  org_id text not null,
  record_id uuid not null,
  -- `${round}:${nodeId}:${user}`, as @gongfang/workflow names it: unique within its record
  id text not null,
  app_id text not null,
  form_id text not null,
  node_id text not null,
  node_name jsonb,
  assignee text not null,
  -- null when the workflow names a user this organization does not have
  assignee_id uuid,
  status text not null check (status in ('open', 'approved', 'rejected', 'returned', 'cancelled')),
  signature boolean not null default false,
  created_at timestamptz not null,
  closed_at timestamptz,
  seq bigint not null,
  primary key (org_id, record_id, id),
  foreign key (org_id, record_id) references records (org_id, id),
  foreign key (org_id, assignee_id) references users (org_id, id)
);
create index tasks_assignee on tasks (org_id, assignee_id, status, created_at);
create index tasks_seq on tasks (org_id, assignee_id, seq);

-- People who take part in a record besides its creator (approvers, CC recipients): they may see it.
create table record_participants (
  org_id text not null,
  record_id uuid not null,
  user_id uuid not null,
  -- task | cc
  reason text not null,
  primary key (org_id, record_id, user_id),
  foreign key (org_id, record_id) references records (org_id, id),
  foreign key (org_id, user_id) references users (org_id, id)
);
create index record_participants_user on record_participants (org_id, user_id);

create index records_conflict_of on records (org_id, conflict_of) where conflict_of is not null;

-- Photos, signatures and files, content-addressed per organization (no cross-tenant existence
-- oracle). In the database, not on disk: several server processes share one PostgreSQL and no
-- local folder, and a record and the files it names are backed up and restored together.
create table attachments (
  org_id text not null references organizations (id),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content_type text not null,
  size integer not null check (size >= 0),
  content bytea not null,
  uploaded_by uuid not null,
  uploaded_at timestamptz not null default now(),
  primary key (org_id, sha256),
  foreign key (org_id, uploaded_by) references users (org_id, id)
);

-- Which record (any revision, or a workflow signature) names which attachment: whoever may see the
-- record may download it.
create table record_attachments (
  org_id text not null,
  record_id uuid not null,
  sha256 text not null,
  primary key (org_id, sha256, record_id),
  foreign key (org_id, record_id) references records (org_id, id),
  foreign key (org_id, sha256) references attachments (org_id, sha256)
);
