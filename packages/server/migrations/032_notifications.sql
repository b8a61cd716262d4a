-- CC notices a user has read (the inbox counts the unread ones). A notice is a record the user was
-- copied on (record_participants, reason 'cc'); reading it here changes nothing in the workflow.
create table notice_reads (
  org_id text not null,
  user_id uuid not null,
  record_id uuid not null,
  read_at timestamptz not null default now(),
  primary key (org_id, user_id, record_id),
  foreign key (org_id, user_id) references users (org_id, id)
);
