/**
 * Rollback publishes a copy of an older version as a new version (it never moves a pointer back):
 * version numbers only grow, so every device and every record sees one linear history; devices
 * pull the copy by its change seq like any publish; records filled on the newer version stay
 * pinned to it; and the stranded-field check runs as for any publish (rolling back past a field
 * that has since collected data needs the same confirmation and mapping).
 *
 * The draft follows the rollback only when it held nothing unpublished (it equalled the version
 * being replaced); otherwise the designer's unpublished work is kept as it is.
 */
import { type AppDefinition, migrateDefinition } from '@gongfang/schema';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { definitionHash, loadApp, versionDefinition } from './apps.ts';
import { jsonEqual } from './json.ts';
import { prepareDefinition } from './prepare.ts';
import { type PublishedVersion, publishVersion } from './publish.ts';
import type { FieldMapping } from './stranded.ts';

export interface RollbackInput {
  orgId: string;
  appId: string;
  actor: Actor;
  to: number;
  note?: string;
  confirm?: boolean;
  mapping?: FieldMapping;
}

export async function rollbackApp(
  tx: Queryable,
  input: RollbackInput,
): Promise<PublishedVersion & { draftFollowed: boolean }> {
  const { orgId, appId, to } = input;
  const app = await loadApp(tx, orgId, appId, true);
  const target = await versionDefinition(tx, orgId, appId, to);
  if (app.latest_version === to) {
    throw apiError(409, 'already-current', `版本 ${to} 已是当前版本`, `Version ${to} is already the current version`, {
      version: to,
    });
  }
  const latest = app.latest_version ?? 0;
  const replaced = migrateDefinition(await versionDefinition(tx, orgId, appId, latest));
  const [draft] = await tx.query<{ definition: unknown; revision: number }>(
    'select definition, revision from app_drafts where org_id = $1 and app_id = $2 for update',
    [orgId, appId],
  );
  const draftClean =
    draft !== undefined &&
    replaced.ok &&
    jsonEqual(prepareDefinition(draft.definition, appId, latest).definition, replaced.definition);
  const published = await publishVersion(tx, {
    orgId,
    appId,
    actor: input.actor,
    userId: input.actor.id,
    definition: target as AppDefinition,
    note: input.note ?? `回滚到版本 ${to} / Rolled back to version ${to}`,
    confirm: input.confirm,
    mapping: input.mapping,
    rollbackOf: to,
  });
  if (draftClean && draft) {
    const copy = await versionDefinition(tx, orgId, appId, published.version);
    await tx.query(
      `update app_drafts set definition = $3, revision = revision + 1, updated_by = $4, updated_at = now()
        where org_id = $1 and app_id = $2`,
      [orgId, appId, JSON.stringify(copy), input.actor.id],
    );
    await appendAudit(tx, {
      orgId,
      actor: input.actor,
      action: 'app.draft.rollback',
      entityType: 'app',
      entityId: appId,
      before: { revision: draft.revision, sha256: definitionHash(draft.definition) },
      after: { revision: draft.revision + 1, sha256: definitionHash(copy), copyOf: published.version },
    });
  }
  return { ...published, draftFollowed: draftClean };
}
