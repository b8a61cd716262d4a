-- The app and template registry (packages/server/src/registry, src/templates).
-- app_versions (003) gains what a publish decided about fields that held data, so export and
-- display of older records can follow a dropped or retyped field to its replacement.

-- {"<form>.<field>": "<new field id>" | null}: null means the field was dropped knowingly.
alter table app_versions add column field_mapping jsonb not null default '{}'::jsonb;
-- Set when the version is a copy of an older one published by a rollback.
alter table app_versions add column rollback_of integer;

-- Templates: vetted app definitions the IT admin publishes for the organization's designers.
create table templates (
  org_id text not null references organizations (id),
  id text not null check (id ~ '^[a-z][a-z0-9_]{0,63}$'),
  name jsonb not null,
  description jsonb,
  latest_version integer not null check (latest_version >= 1),
  created_by uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);

create table template_versions (
  org_id text not null,
  template_id text not null,
  version integer not null check (version >= 1),
  definition jsonb not null,
  note text not null default '',
  -- the app version it was published from (provenance for the IT department)
  source_app_id text not null,
  source_app_version integer not null,
  published_by uuid not null,
  published_at timestamptz not null default now(),
  primary key (org_id, template_id, version),
  foreign key (org_id, template_id) references templates (org_id, id),
  foreign key (org_id, source_app_id, source_app_version) references app_versions (org_id, app_id, version),
  foreign key (org_id, published_by) references users (org_id, id)
);

-- Template versions are immutable for the same reason app versions are: apps were made from them
-- and a later upgrade merges against exactly what the app started from.
create trigger template_versions_immutable before update or delete on template_versions
  for each row execute function refuse_app_version_change();

-- Apps made from a template point at a version that exists in the same organization.
alter table apps add constraint apps_template_fk
  foreign key (org_id, template_id, template_version) references template_versions (org_id, template_id, version);
