import { createHash } from 'node:crypto';
import type { LocalizedText } from '@gongfang/schema';
import { canonicalJson } from '../audit/canonical.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Auth } from '../context.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { isDesigner, mayUseApp } from './access.ts';

export interface AppRow {
  id: string;
  name: LocalizedText;
  latest_version: number | null;
  current_version: number | null;
  template_id: string | null;
  template_version: number | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export interface AppView {
  id: string;
  name: LocalizedText;
  latestVersion: number | null;
  currentVersion: number | null;
  template: { id: string; version: number } | null;
  createdAt: string;
  updatedAt: string;
}

const APP_COLUMNS = 'id, name, latest_version, current_version, template_id, template_version, created_at, updated_at';

export function actorOf(auth: Auth): Actor {
  return { id: auth.userId, name: auth.userName };
}

/** sha256 of the canonical JSON: identifies a definition in audit entries without copying it. */
export function definitionHash(definition: unknown): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export function appView(row: AppRow): AppView {
  return {
    id: row.id,
    name: row.name,
    latestVersion: row.latest_version,
    currentVersion: row.current_version,
    template: row.template_id && row.template_version ? { id: row.template_id, version: row.template_version } : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function appNotFound(appId: string) {
  return apiError(404, 'app-not-found', `找不到应用 ${appId}`, `No app ${appId}`, { app: appId });
}

/** The app of the organization, or 404 (also for another organization's app: ids never leak). */
export async function loadApp(db: Queryable, orgId: string, appId: string, lock = false): Promise<AppRow> {
  const [row] = await db.query<AppRow>(
    `select ${APP_COLUMNS} from apps where org_id = $1 and id = $2${lock ? ' for update' : ''}`,
    [orgId, appId],
  );
  if (!row) throw appNotFound(appId);
  return row;
}

export async function versionDefinition(
  db: Queryable,
  orgId: string,
  appId: string,
  version: number,
): Promise<unknown> {
  const [row] = await db.query<{ definition: unknown }>(
    'select definition from app_versions where org_id = $1 and app_id = $2 and version = $3',
    [orgId, appId, version],
  );
  if (!row) {
    throw apiError(
      404,
      'version-not-found',
      `应用 ${appId} 没有版本 ${version}`,
      `App ${appId} has no version ${version}`,
      {
        app: appId,
        version,
      },
    );
  }
  return row.definition;
}

/**
 * The app if the user may see it: designers see every app; others only published apps whose
 * current version gives one of their roles access. Otherwise 404, as if it did not exist.
 */
export async function visibleApp(db: Queryable, auth: Auth, appId: string): Promise<AppRow> {
  const row = await loadApp(db, auth.orgId, appId);
  if (isDesigner(auth.roles)) return row;
  if (row.current_version === null) throw appNotFound(appId);
  const definition = await versionDefinition(db, auth.orgId, appId, row.current_version);
  if (!mayUseApp(definition, auth.roles)) throw appNotFound(appId);
  return row;
}

/** Apps the user may use (designers: every app, published or not), by id. */
export async function listApps(db: Queryable, auth: Auth): Promise<AppView[]> {
  const rows = await db.query<AppRow & { definition: unknown }>(
    `select a.id, a.name, a.latest_version, a.current_version, a.template_id, a.template_version, a.created_at,
            a.updated_at, v.definition
       from apps a left join app_versions v
         on v.org_id = a.org_id and v.app_id = a.id and v.version = a.current_version
      where a.org_id = $1 order by a.id`,
    [auth.orgId],
  );
  const designer = isDesigner(auth.roles);
  return rows.filter((r) => designer || (r.definition != null && mayUseApp(r.definition, auth.roles))).map(appView);
}

export interface NewApp {
  id: string;
  name: LocalizedText;
  definition: unknown;
  template: { id: string; version: number } | null;
}

/** Creates the app and its first draft (revision 1); audited as `app.create`. */
export async function insertApp(
  tx: Queryable,
  orgId: string,
  actor: Actor | null,
  userId: string,
  app: NewApp,
): Promise<AppRow> {
  const [taken] = await tx.query('select 1 from apps where org_id = $1 and id = $2', [orgId, app.id]);
  if (taken)
    throw apiError(409, 'app-exists', `应用 ${app.id} 已存在`, `App ${app.id} already exists`, { app: app.id });
  const [row] = await tx.query<AppRow>(
    `insert into apps (org_id, id, name, template_id, template_version, created_by) values ($1, $2, $3, $4, $5, $6)
     returning ${APP_COLUMNS}`,
    [orgId, app.id, JSON.stringify(app.name), app.template?.id ?? null, app.template?.version ?? null, userId],
  );
  await tx.query('insert into app_drafts (org_id, app_id, definition, updated_by) values ($1, $2, $3, $4)', [
    orgId,
    app.id,
    JSON.stringify(app.definition),
    userId,
  ]);
  if (!row) throw new Error('insert into apps returned nothing');
  await appendAudit(tx, {
    orgId,
    actor,
    action: 'app.create',
    entityType: 'app',
    entityId: app.id,
    after: { ...appView(row), draft: { revision: 1, sha256: definitionHash(app.definition) } },
  });
  return row;
}
