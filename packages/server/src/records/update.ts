import type { MutationResult, RecordEnvelope, UpdateMutation } from '@gongfang/schema';
import { appendAudit } from '../audit/chain.ts';
import type { Tx } from '../db/Db.ts';
import { actorFor } from '../sync/actors.ts';
import { lockChangeFeed } from '../sync/changeFeed.ts';
import { isoTime, type MutationContext } from '../sync/mutationContext.ts';
import { refuse } from '../sync/refusal.ts';
import { workflowState } from '../workflow/tasks.ts';
import { hiddenFields, mayView, type Person, withoutHidden } from './access.ts';
import { attachmentRefs, missingAttachments } from './attachmentRefs.ts';
import { type CompiledForm, loadVersion } from './definitions.ts';
import { assigneeEditable, changedFields, notEditable } from './editRights.ts';
import { afterAccept } from './hooks.ts';
import { prepareData } from './prepare.ts';
import { insertRecord, insertRevision, linkAttachments, loadRecord, type RecordRow, toEnvelope } from './store.ts';
import { uuidv7 } from './uuidv7.ts';

/**
 * An edit of a submitted record. Edited on an older revision than the server's: a conflict, the
 * device's version is kept as a conflict copy (a record with `conflict_of`) and nothing is
 * overwritten. Otherwise the revision goes up and the old one stays in record_revisions.
 */
export async function applyUpdate(mc: MutationContext, m: UpdateMutation): Promise<MutationResult> {
  const { tx, auth } = mc;
  const orgId = auth.orgId;
  const e = m.record;
  const actor = await actorFor(mc, m.actor);
  const current = await loadRecord(tx, orgId, e.id);
  if (!current || !(await mayView(tx, orgId, actor, e.id))) throw refuse('not-found');
  if (e.app !== current.app_id || e.form !== current.form_id || e.version !== current.version) {
    throw refuse('version-mismatch');
  }
  const version = await loadVersion(mc.db, tx, orgId, e.app, e.version);
  const form = version?.forms.get(e.form);
  if (!version || !form) throw refuse('unknown-version');
  const editMode = form.form.permissions.edit ?? 'untilApproved';
  const isCreator = current.created_by === actor.id;
  if (isCreator && editMode === 'never') throw refuse('edit-not-allowed');
  if (!isCreator && assigneeEditable(form.form, current, actor.name).size === 0) throw refuse('forbidden');
  const data = prepareData(form, e.data, actor.name);
  const refs = attachmentRefs(form, data);
  const missing = await missingAttachments(tx, orgId, refs);
  if (missing.length > 0) throw refuse('missing-attachment', missing);

  await lockChangeFeed(tx, orgId);
  const locked = await loadRecord(tx, orgId, e.id, { forUpdate: true });
  if (!locked) throw refuse('not-found');
  const ref = { orgId, recordId: e.id, appId: e.app, formId: e.form };
  if (locked.revision !== m.baseRevision) return keepConflictCopy(tx, orgId, m, actor, locked, form, data, refs);

  if (isCreator && editMode === 'untilApproved' && locked.status === 'approved') throw refuse('edit-not-allowed');
  const initiatorFields = form.form.workflow?.initiatorFieldAccess?.editable;
  const editable = !isCreator
    ? assigneeEditable(form.form, locked, actor.name)
    : locked.status === 'returned' && initiatorFields
      ? new Set(initiatorFields)
      : undefined;
  if (editable) {
    const problems = notEditable(changedFields(form.form, locked.data, data), editable);
    if (problems.length > 0) throw refuse('field-not-editable', problems);
  }

  const revision = locked.revision + 1;
  const updatedAt = isoTime(e.updatedAt ?? new Date().toISOString());
  const [row] = await tx.query<{ seq: number }>(
    `update records set data = $3, revision = $4, updated_at = $5, seq = nextval('change_seq')
      where org_id = $1 and id = $2 returning seq`,
    [orgId, e.id, JSON.stringify(data), revision, updatedAt],
  );
  await insertRevision(tx, orgId, e.id, revision, e.version, data, actor.id, updatedAt);
  await linkAttachments(
    tx,
    orgId,
    e.id,
    refs.map((r) => r.sha256),
  );
  const record: RecordEnvelope = { ...toEnvelope(locked, data), revision, updatedAt };
  const guardFailures = await afterAccept({
    tx,
    orgId,
    app: version.app,
    form: form.form,
    record,
    event: 'edited',
    before: locked.data,
    actor,
  });
  await appendAudit(tx, {
    orgId,
    actor: { id: actor.id, name: actor.name },
    action: 'record.update',
    entityType: 'record',
    entityId: e.id,
    before: { revision: locked.revision, data: locked.data },
    after: {
      revision,
      data,
      ...(actor.id === auth.userId ? {} : { pushedBy: auth.userName }),
      ...(guardFailures.length > 0 ? { guardFailures } : {}),
    },
  });
  return {
    id: m.id,
    status: 'accepted',
    recordId: e.id,
    revision,
    seq: Number(row?.seq),
    workflow: workflowState(ref, form.form.workflow, locked.workflow),
  };
}

async function keepConflictCopy(
  tx: Tx,
  orgId: string,
  m: UpdateMutation,
  actor: Person,
  server: RecordRow,
  form: CompiledForm,
  data: Record<string, unknown>,
  refs: readonly { sha256: string }[],
): Promise<MutationResult> {
  const copyId = uuidv7();
  const now = new Date().toISOString();
  const envelope: RecordEnvelope = {
    ...m.record,
    id: copyId,
    revision: 1,
    data,
    createdBy: actor.name,
    createdAt: isoTime(m.record.updatedAt ?? now),
    updatedAt: isoTime(m.record.updatedAt ?? now),
  };
  const seq = await insertRecord(tx, { orgId, envelope, data, createdBy: actor.id, conflictOf: server.id });
  await linkAttachments(
    tx,
    orgId,
    copyId,
    refs.map((r) => r.sha256),
  );
  await appendAudit(tx, {
    orgId,
    actor: { id: actor.id, name: actor.name },
    action: 'record.conflict',
    entityType: 'record',
    entityId: server.id,
    before: { revision: server.revision },
    after: { conflictCopy: copyId, baseRevision: m.baseRevision, data },
  });
  const hidden = hiddenFields(form.form, actor.roles, server.created_by === actor.id);
  return {
    id: m.id,
    status: 'conflict',
    recordId: server.id,
    revision: server.revision,
    seq: Number(seq),
    conflictCopy: copyId,
    server: toEnvelope(server, withoutHidden(server.data, hidden)),
  };
}
