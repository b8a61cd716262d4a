import type { ActionMutation, MutationResult } from '@gongfang/schema';
import { type Action, applyAction, openTasks } from '@gongfang/workflow';
import { appendAudit } from '../audit/chain.ts';
import { mayView } from '../records/access.ts';
import { missingAttachments } from '../records/attachmentRefs.ts';
import { loadVersion } from '../records/definitions.ts';
import { afterWorkflowEvent, workflowEventOf } from '../records/hooks.ts';
import { linkAttachments, loadRecord, saveWorkflow, toEnvelope } from '../records/store.ts';
import { actorFor } from '../sync/actors.ts';
import { lockChangeFeed } from '../sync/changeFeed.ts';
import { directoryOf, isoTime, type MutationContext } from '../sync/mutationContext.ts';
import { Refusal, refuse } from '../sync/refusal.ts';
import { flowContext } from './flow.ts';
import { syncTasks, workflowState } from './tasks.ts';

function toAction(m: ActionMutation, actor: string): Action {
  const comment = m.comment === undefined ? {} : { comment: m.comment };
  switch (m.action) {
    case 'approve':
      return {
        type: 'approve',
        taskId: m.taskId ?? '',
        actor,
        ...comment,
        ...(m.signature === undefined ? {} : { signature: m.signature }),
      };
    case 'reject':
    case 'return':
      return { type: m.action, taskId: m.taskId ?? '', actor, ...comment };
    case 'comment':
      return { type: 'comment', actor, comment: m.comment ?? '' };
    case 'resubmit':
    case 'withdraw':
      return { type: m.action, actor };
  }
}

/**
 * A workflow action, decided by @gongfang/workflow on the record's flow instance with the
 * workflow of the version the record is pinned to. The record row is locked FOR UPDATE, so of two
 * decisions on the same task (approve and reject at once, from two tablets) exactly one wins and
 * the other is refused by the state machine (`task-closed` / `flow-finished`).
 */
export async function applyActionMutation(mc: MutationContext, m: ActionMutation): Promise<MutationResult> {
  const { tx, auth } = mc;
  const orgId = auth.orgId;
  const actor = await actorFor(mc, m.actor);
  const peek = await loadRecord(tx, orgId, m.recordId);
  if (!peek || !(await mayView(tx, orgId, actor, m.recordId))) throw refuse('not-found');
  const version = await loadVersion(mc.db, tx, orgId, peek.app_id, peek.version);
  const form = version?.forms.get(peek.form_id);
  const workflow = form?.form.workflow;
  if (!version || !form || !workflow || !peek.workflow) throw refuse('no-workflow');
  if (m.signature !== undefined) {
    const ref = { sha256: m.signature, pointer: '/signature', field: 'signature' };
    const missing = await missingAttachments(tx, orgId, [ref]);
    if (missing.length > 0) throw refuse('missing-attachment', missing);
  }
  const directory = await directoryOf(mc);

  await lockChangeFeed(tx, orgId);
  const record = await loadRecord(tx, orgId, m.recordId, { forUpdate: true });
  if (!record?.workflow) throw refuse('no-workflow');
  const before = record.workflow;
  const ctx = flowContext(workflow, record.data, directory, isoTime(m.at));
  const result = applyAction(ctx, before, toAction(m, actor.name));
  if (!result.ok) throw new Refusal(result.error.code, result.error.message);
  const instance = result.instance;
  const seq = await saveWorkflow(tx, orgId, record.id, instance);
  const ref = { orgId, recordId: record.id, appId: record.app_id, formId: record.form_id };
  await syncTasks(tx, ref, workflow, instance, directory);
  if (m.signature !== undefined) await linkAttachments(tx, orgId, record.id, [m.signature]);
  const completed = workflowEventOf(result.events);
  const event = completed === 'progressed' && m.action === 'resubmit' ? 'resubmitted' : completed;
  const guardFailures = await afterWorkflowEvent({
    tx,
    orgId,
    app: version.app,
    form: form.form,
    record: toEnvelope(record),
    event,
    flowEvents: result.events,
    actor,
  });
  await appendAudit(tx, {
    orgId,
    actor: { id: actor.id, name: actor.name },
    action: `record.${m.action}`,
    entityType: 'record',
    entityId: record.id,
    before: { status: before.status, openTasks: openTasks(before).map((t) => t.id) },
    after: {
      status: instance.status,
      openTasks: openTasks(instance).map((t) => t.id),
      ...(m.taskId === undefined ? {} : { taskId: m.taskId }),
      ...(m.comment === undefined ? {} : { comment: m.comment }),
      ...(m.signature === undefined ? {} : { signature: m.signature }),
      ...(actor.id === auth.userId ? {} : { pushedBy: auth.userName }),
      ...(guardFailures.length > 0 ? { guardFailures } : {}),
    },
  });
  return {
    id: m.id,
    status: 'accepted',
    recordId: record.id,
    revision: record.revision,
    seq,
    workflow: workflowState(ref, workflow, instance),
  };
}
