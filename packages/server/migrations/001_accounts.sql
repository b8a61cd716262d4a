-- Accounts: organizations (one per factory), roles, users, devices, sessions, rate limits.
-- Every tenant table carries org_id, and foreign keys include it, so a row can never point across
-- organizations even if a query forgets to filter.

create table organizations (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  name jsonb not null,
  created_at timestamptz not null default now()
);

create table roles (
  org_id text not null references organizations (id),
  id text not null check (id ~ '^[a-z][a-z0-9_]{0,62}$'),
  name jsonb not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);

create table users (
  org_id text not null references organizations (id),
  id uuid not null,
  name text not null,
  display_name jsonb not null,
  lead_id uuid,
  -- scrypt$N$r$p$salt$hash; see packages/server/src/auth/password.ts
  password_hash text not null,
  pin_hash text,
  -- sha256 of org + badge code: looked up by value, so it cannot be salted per user
  badge_hash text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, name),
  unique (org_id, badge_hash),
  foreign key (org_id, lead_id) references users (org_id, id)
);

create table user_roles (
  org_id text not null,
  user_id uuid not null,
  role_id text not null,
  primary key (org_id, user_id, role_id),
  foreign key (org_id, user_id) references users (org_id, id) on delete cascade,
  foreign key (org_id, role_id) references roles (org_id, id)
);

-- A shared tablet enrolled by a signed-in user; its token (hashed here) lives in a cookie and
-- allows the PIN switch.
create table devices (
  org_id text not null references organizations (id),
  id uuid not null,
  name text not null,
  token_hash text not null unique,
  enrolled_by uuid not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, enrolled_by) references users (org_id, id)
);

create table sessions (
  -- sha256 of the 32-byte token in the cookie: a leaked table does not yield usable sessions
  token_hash text primary key,
  org_id text not null,
  user_id uuid not null,
  device_id uuid,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  foreign key (org_id, user_id) references users (org_id, id),
  foreign key (org_id, device_id) references devices (org_id, id)
);
create index sessions_expires_at on sessions (expires_at);
create index sessions_user on sessions (org_id, user_id);

-- Failure counters for login and PIN attempts, shared by every server process.
create table rate_limits (
  key text primary key,
  failures integer not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);
