/**
 * Upgrading an app to a newer template version: a three-way merge (base = the template version the
 * draft is based on, ours = the draft, theirs = the newer template version). A preview changes
 * nothing; `apply` writes the merge into the draft — only once every conflict has a resolution —
 * and the designer publishes it as usual. The draft then names the new template version, and the
 * app row follows when that draft is published.
 */
import type { DefinitionError } from '@gongfang/schema';
import type { Actor } from '../audit/chain.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { loadApp } from '../registry/apps.ts';
import { type DiffEntry, diffDefinitions } from '../registry/diff.ts';
import { draftProblems, saveDraft, staleDraft } from '../registry/drafts.ts';
import { asObject, type JsonObject } from '../registry/json.ts';
import { type MergeConflict, mergeDefinitions, type Side } from './merge.ts';
import { getTemplateVersion } from './templates.ts';

export interface UpgradeInput {
  orgId: string;
  appId: string;
  actor: Actor;
  /** Default: the next version after the one the draft is based on. */
  version?: number;
  apply?: boolean;
  resolutions?: Record<string, Side>;
  /** With apply: the draft revision the caller previewed (stale → 409). */
  revision?: number;
}

export interface UpgradeAnswer {
  template: string;
  from: number;
  to: number;
  applied: boolean;
  conflicts: MergeConflict[];
  resolved: (MergeConflict & { side: Side })[];
  /** What the upgrade changes in the draft. */
  changes: DiffEntry[];
  definition: JsonObject;
  problems: DefinitionError[];
  revision: number;
}

function templateRef(value: unknown): { id: string; version: number } | null {
  const ref = asObject(value);
  return typeof ref?.id === 'string' && typeof ref.version === 'number' ? { id: ref.id, version: ref.version } : null;
}

export async function upgradeFromTemplate(tx: Queryable, input: UpgradeInput): Promise<UpgradeAnswer> {
  const { orgId, appId } = input;
  const app = await loadApp(tx, orgId, appId, input.apply === true);
  const [draft] = await tx.query<{ definition: unknown; revision: number }>(
    'select definition, revision from app_drafts where org_id = $1 and app_id = $2',
    [orgId, appId],
  );
  const fromApp =
    app.template_id && app.template_version ? { id: app.template_id, version: app.template_version } : null;
  const base = templateRef(asObject(draft?.definition)?.template) ?? fromApp;
  if (!draft || !base) {
    throw apiError(409, 'no-template', `应用 ${appId} 不是由模板创建的`, `App ${appId} was not made from a template`, {
      app: appId,
    });
  }
  const to = input.version ?? base.version + 1;
  if (to <= base.version) {
    throw apiError(
      409,
      'not-newer',
      `应用已基于模板版本 ${base.version}`,
      `The app is already based on template version ${base.version}`,
      {
        from: base.version,
        to,
      },
    );
  }
  const baseDef = (await getTemplateVersion(tx, orgId, base.id, base.version)).definition;
  const theirs = (await getTemplateVersion(tx, orgId, base.id, to)).definition;
  const merged = mergeDefinitions(baseDef, draft.definition, theirs, input.resolutions ?? {});
  const definition: JsonObject = { ...merged.definition, template: { id: base.id, version: to } };
  const answer: UpgradeAnswer = {
    template: base.id,
    from: base.version,
    to,
    applied: false,
    conflicts: merged.conflicts,
    resolved: merged.resolved,
    changes: diffDefinitions(draft.definition, definition),
    definition,
    problems: draftProblems(definition, appId, app.latest_version),
    revision: draft.revision,
  };
  if (!input.apply) return answer;
  if (merged.conflicts.length > 0) {
    throw apiError(
      409,
      'merge-conflicts',
      `升级有 ${merged.conflicts.length} 处冲突，请为每处选择保留本应用（ours）或模板（theirs）`,
      `The upgrade has ${merged.conflicts.length} conflict(s); choose ours or theirs for each`,
      { conflicts: merged.conflicts },
    );
  }
  if (input.revision !== undefined && input.revision !== draft.revision) throw staleDraft(draft.revision);
  const saved = await saveDraft(tx, orgId, input.actor, appId, definition, draft.revision, 'app.template.upgrade', {
    template: { id: base.id, from: base.version, to },
    resolved: merged.resolved.map((r) => ({ path: r.path, side: r.side })),
  });
  return { ...answer, applied: true, revision: saved.revision, problems: saved.problems };
}
