import type { LocalizedText } from '@gongfang/schema';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { definitionHash, loadApp, versionDefinition } from '../registry/apps.ts';
import { asObject, type JsonObject } from '../registry/json.ts';

export interface TemplateVersionView {
  template: string;
  version: number;
  note: string;
  publishedAt: string;
  publishedBy: string;
  source: { app: string; version: number };
}

export interface TemplateView {
  id: string;
  name: LocalizedText;
  description: LocalizedText | null;
  latestVersion: number;
  versions: TemplateVersionView[];
}

interface VersionRow {
  template_id: string;
  version: number;
  note: string;
  published_at: Date | string;
  published_by_name: string;
  source_app_id: string;
  source_app_version: number;
}

const versionView = (r: VersionRow): TemplateVersionView => ({
  template: r.template_id,
  version: r.version,
  note: r.note,
  publishedAt: new Date(r.published_at).toISOString(),
  publishedBy: r.published_by_name,
  source: { app: r.source_app_id, version: r.source_app_version },
});

const VERSION_SELECT = `select v.template_id, v.version, v.note, v.published_at, u.name as published_by_name,
       v.source_app_id, v.source_app_version
  from template_versions v join users u on u.org_id = v.org_id and u.id = v.published_by`;

export async function listTemplates(db: Queryable, orgId: string): Promise<TemplateView[]> {
  const templates = await db.query<{
    id: string;
    name: LocalizedText;
    description: LocalizedText | null;
    latest_version: number;
  }>('select id, name, description, latest_version from templates where org_id = $1 order by id', [orgId]);
  const versions = await db.query<VersionRow>(
    `${VERSION_SELECT} where v.org_id = $1 order by v.template_id, v.version`,
    [orgId],
  );
  return templates.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    latestVersion: t.latest_version,
    versions: versions.filter((v) => v.template_id === t.id).map(versionView),
  }));
}

export function templateVersionNotFound(id: string, version: number) {
  return apiError(
    404,
    'template-not-found',
    `找不到模板 ${id} 的版本 ${version}`,
    `No version ${version} of template ${id}`,
    {
      template: id,
      version,
    },
  );
}

export async function getTemplateVersion(
  db: Queryable,
  orgId: string,
  id: string,
  version: number,
): Promise<TemplateVersionView & { definition: JsonObject }> {
  const [row] = await db.query<VersionRow & { definition: JsonObject }>(
    `${VERSION_SELECT.replace('select ', 'select v.definition, ')} where v.org_id = $1 and v.template_id = $2 and v.version = $3`,
    [orgId, id, version],
  );
  if (!row) throw templateVersionNotFound(id, version);
  return { ...versionView(row), definition: row.definition };
}

export interface NewTemplateVersion {
  app: string;
  /** Default: the app's current version. */
  appVersion?: number;
  /** Default: the app id. An existing template gets a new version. */
  template?: string;
  name?: LocalizedText;
  description?: LocalizedText;
  note: string;
}

/**
 * Publishes an app's published version as a template (version 1) or as the next version of an
 * existing template. The stored definition carries the template's id and version and no template
 * reference of its own. Audited as `template.publish`.
 */
export async function publishTemplate(
  tx: Queryable,
  orgId: string,
  user: Actor,
  input: NewTemplateVersion,
  /** Who the audit names: the user, or null when the system seeds the example template. */
  actor: Actor | null = user,
): Promise<TemplateVersionView> {
  const app = await loadApp(tx, orgId, input.app);
  const appVersion = input.appVersion ?? app.current_version;
  if (appVersion === null) {
    throw apiError(409, 'not-published', `应用 ${input.app} 尚未发布`, `App ${input.app} has not been published yet`, {
      app: input.app,
    });
  }
  const source = asObject(await versionDefinition(tx, orgId, input.app, appVersion)) ?? {};
  const id = input.template ?? input.app;
  const [existing] = await tx.query<{ latest_version: number }>(
    'select latest_version from templates where org_id = $1 and id = $2 for update',
    [orgId, id],
  );
  const version = (existing?.latest_version ?? 0) + 1;
  const name = input.name ?? (source.name as LocalizedText);
  const description = input.description ?? (source.description as LocalizedText | undefined) ?? null;
  if (existing) {
    await tx.query(
      `update templates set latest_version = $3, name = $4, description = $5, updated_at = now()
        where org_id = $1 and id = $2`,
      [orgId, id, version, JSON.stringify(name), description && JSON.stringify(description)],
    );
  } else {
    await tx.query(
      `insert into templates (org_id, id, name, description, latest_version, created_by) values ($1, $2, $3, $4, $5, $6)`,
      [orgId, id, JSON.stringify(name), description && JSON.stringify(description), version, user.id],
    );
  }
  const { template: _ownRef, ...content } = source;
  const definition = { ...content, id, version };
  await tx.query(
    `insert into template_versions (org_id, template_id, version, definition, note, source_app_id, source_app_version, published_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [orgId, id, version, JSON.stringify(definition), input.note, input.app, appVersion, user.id],
  );
  await appendAudit(tx, {
    orgId,
    actor,
    action: 'template.publish',
    entityType: 'template',
    entityId: id,
    before: existing ? { latestVersion: existing.latest_version } : null,
    after: {
      version,
      note: input.note,
      source: { app: input.app, version: appVersion },
      sha256: definitionHash(definition),
    },
  });
  const view = await getTemplateVersion(tx, orgId, id, version);
  const { definition: _d, ...rest } = view;
  return rest;
}
