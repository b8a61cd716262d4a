import type { DefinitionError } from '@gongfang/schema';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { appNotFound, definitionHash, loadApp } from './apps.ts';
import { diffDefinitions } from './diff.ts';
import { prepareDefinition } from './prepare.ts';

export interface DraftView {
  definition: unknown;
  revision: number;
  updatedAt: string;
  updatedBy: string;
  /** What a publish would refuse right now (drafts may be invalid; saving never validates). */
  problems: DefinitionError[];
}

interface DraftRow {
  definition: unknown;
  revision: number;
  updated_at: Date | string;
  updated_by_name: string;
}

/** Problems of a draft as the next publish would see them. */
export function draftProblems(definition: unknown, appId: string, latest: number | null): DefinitionError[] {
  return prepareDefinition(definition, appId, (latest ?? 0) + 1).errors;
}

export async function getDraft(db: Queryable, orgId: string, appId: string): Promise<DraftView> {
  const app = await loadApp(db, orgId, appId);
  const [row] = await db.query<DraftRow>(
    `select d.definition, d.revision, d.updated_at, u.name as updated_by_name
       from app_drafts d join users u on u.org_id = d.org_id and u.id = d.updated_by
      where d.org_id = $1 and d.app_id = $2`,
    [orgId, appId],
  );
  if (!row) throw appNotFound(appId);
  return {
    definition: row.definition,
    revision: row.revision,
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by_name,
    problems: draftProblems(row.definition, appId, app.latest_version),
  };
}

export function staleDraft(current: number) {
  return apiError(
    409,
    'stale-draft',
    '草稿已被他人修改，请先加载最新版本再保存',
    'The draft was changed by someone else; load the latest revision before saving',
    { currentRevision: current },
  );
}

/**
 * Saves a draft made on `revision` (optimistic concurrency: a stale revision is a 409 with the
 * current one). The audit entry holds both hashes and the readable changes, not two full copies.
 */
export async function saveDraft(
  tx: Queryable,
  orgId: string,
  actor: Actor,
  appId: string,
  definition: unknown,
  revision: number,
  action = 'app.draft.save',
  /** More for the audit entry's `after` (e.g. the template versions of an upgrade). */
  auditExtra: Record<string, unknown> = {},
): Promise<{ revision: number; problems: DefinitionError[] }> {
  const app = await loadApp(tx, orgId, appId, true);
  const [before] = await tx.query<{ definition: unknown; revision: number }>(
    'select definition, revision from app_drafts where org_id = $1 and app_id = $2 for update',
    [orgId, appId],
  );
  if (!before) throw appNotFound(appId);
  if (before.revision !== revision) throw staleDraft(before.revision);
  const next = revision + 1;
  await tx.query(
    `update app_drafts set definition = $3, revision = $4, updated_by = $5, updated_at = now()
      where org_id = $1 and app_id = $2`,
    [orgId, appId, JSON.stringify(definition), next, actor.id],
  );
  const changes = diffDefinitions(before.definition, definition);
  await appendAudit(tx, {
    orgId,
    actor,
    action,
    entityType: 'app',
    entityId: appId,
    before: { revision: before.revision, sha256: definitionHash(before.definition) },
    after: {
      revision: next,
      sha256: definitionHash(definition),
      changes: changes.slice(0, 200).map((c) => ({ kind: c.kind, path: c.path, before: c.before, after: c.after })),
      changeCount: changes.length,
      ...auditExtra,
    },
  });
  return { revision: next, problems: draftProblems(definition, appId, app.latest_version) };
}
