import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import type { FieldMapping } from './stranded.ts';

export interface VersionView {
  app: string;
  version: number;
  seq: number;
  note: string;
  publishedAt: string;
  publishedBy: string;
  fieldMapping: FieldMapping;
  rollbackOf: number | null;
  definition?: unknown;
}

interface VersionRow {
  app_id: string;
  version: number;
  seq: string | number;
  note: string;
  published_at: Date | string;
  published_by_name: string;
  field_mapping: FieldMapping;
  rollback_of: number | null;
  definition?: unknown;
}

const view = (r: VersionRow): VersionView => ({
  app: r.app_id,
  version: r.version,
  seq: Number(r.seq),
  note: r.note,
  publishedAt: new Date(r.published_at).toISOString(),
  publishedBy: r.published_by_name,
  fieldMapping: r.field_mapping,
  rollbackOf: r.rollback_of,
  ...(r.definition === undefined ? {} : { definition: r.definition }),
});

const SELECT = `select v.app_id, v.version, v.seq, v.note, v.published_at, u.name as published_by_name,
       v.field_mapping, v.rollback_of`;
const FROM = 'from app_versions v join users u on u.org_id = v.org_id and u.id = v.published_by';

/** Every published version of the app, newest first, without definitions. */
export async function listVersions(db: Queryable, orgId: string, appId: string): Promise<VersionView[]> {
  const rows = await db.query<VersionRow>(
    `${SELECT} ${FROM} where v.org_id = $1 and v.app_id = $2 order by v.version desc`,
    [orgId, appId],
  );
  return rows.map(view);
}

export async function getVersion(db: Queryable, orgId: string, appId: string, version: number): Promise<VersionView> {
  const [row] = await db.query<VersionRow>(
    `${SELECT}, v.definition ${FROM} where v.org_id = $1 and v.app_id = $2 and v.version = $3`,
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
  return view(row);
}
