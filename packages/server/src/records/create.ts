import { type CreateMutation, type MutationResult, message, type RecordEnvelope } from '@gongfang/schema';
import { type FlowEvent, startFlow } from '@gongfang/workflow';
import { appendAudit } from '../audit/chain.ts';
import { resolveActor } from '../sync/actors.ts';
import { lockChangeFeed } from '../sync/changeFeed.ts';
import { isoTime, type MutationContext } from '../sync/mutationContext.ts';
import { Refusal, refuse } from '../sync/refusal.ts';
import { loadDirectory } from '../workflow/directory.ts';
import { flowContext } from '../workflow/flow.ts';
import { syncTasks, workflowState } from '../workflow/tasks.ts';
import { canSubmit } from './access.ts';
import { attachmentRefs, missingAttachments } from './attachmentRefs.ts';
import { loadVersion } from './definitions.ts';
import { afterAccept, afterWorkflowEvent, workflowEventOf } from './hooks.ts';
import { prepareData } from './prepare.ts';
import { insertRecord, linkAttachments, saveWorkflow } from './store.ts';

const CREATOR_MISMATCH = message(
  '记录的填写人与提交人不一致',
  'The record names another person as its creator than the one pushing it',
);

/**
 * A new record (revision 1): checked against the form of the version it names, formulas
 * recomputed, stored, its approval flow started and its first tasks opened, all in the caller's
 * transaction.
 */
export async function applyCreate(mc: MutationContext, m: CreateMutation): Promise<MutationResult> {
  const { tx, auth } = mc;
  const orgId = auth.orgId;
  const e = m.record;
  if (m.actor !== undefined && m.actor !== e.createdBy) throw new Refusal('forbidden', CREATOR_MISMATCH);
  const actor = await resolveActor(tx, auth, e.createdBy);
  const version = await loadVersion(mc.db, tx, orgId, e.app, e.version);
  if (!version) throw refuse('unknown-version');
  const form = version.forms.get(e.form);
  if (!form) throw refuse('unknown-form');
  if (!canSubmit(form.form, actor.roles)) throw refuse('forbidden');
  const data = prepareData(form, e.data, actor.name);
  const refs = attachmentRefs(form, data);
  const missing = await missingAttachments(tx, orgId, refs);
  if (missing.length > 0) throw refuse('missing-attachment', missing);
  const [taken] = await tx.query('select 1 from records where org_id = $1 and id = $2', [orgId, e.id]);
  if (taken) throw refuse('record-exists');
  const workflow = form.form.workflow;
  const directory = workflow ? await loadDirectory(tx, orgId) : undefined;

  await lockChangeFeed(tx, orgId);
  const envelope: RecordEnvelope = { ...e, revision: 1, data, createdBy: actor.name };
  let seq = await insertRecord(tx, { orgId, envelope, data, createdBy: actor.id });
  if (seq === null) throw refuse('record-exists');
  await linkAttachments(
    tx,
    orgId,
    e.id,
    refs.map((r) => r.sha256),
  );
  const ref = { orgId, recordId: e.id, appId: e.app, formId: e.form };
  let instance = null;
  let flowEvents: FlowEvent[] = [];
  if (workflow && directory) {
    const started = startFlow(flowContext(workflow, data, directory, isoTime(e.updatedAt ?? e.createdAt)), actor.name);
    if (!started.ok) throw new Refusal(started.error.code, started.error.message);
    instance = started.instance;
    flowEvents = started.events;
    seq = await saveWorkflow(tx, orgId, e.id, instance);
    await syncTasks(tx, ref, workflow, instance, directory);
  }
  // After the flow started, so hooks read the record's real status (running, or approved at once).
  const hook = { tx, orgId, app: version.app, form: form.form, record: envelope, actor };
  const guardFailures = await afterAccept({ ...hook, event: 'submit' });
  const event = workflowEventOf(flowEvents);
  if (instance && event !== 'progressed') {
    guardFailures.push(...(await afterWorkflowEvent({ ...hook, event, flowEvents })));
  }
  const state = workflowState(ref, workflow, instance);
  await appendAudit(tx, {
    orgId,
    actor: { id: actor.id, name: actor.name },
    action: 'record.create',
    entityType: 'record',
    entityId: e.id,
    after: {
      app: e.app,
      form: e.form,
      version: e.version,
      revision: 1,
      createdBy: actor.name,
      data,
      workflow: state.status,
      ...(actor.id === auth.userId ? {} : { pushedBy: auth.userName }),
      ...(guardFailures.length > 0 ? { guardFailures } : {}),
    },
  });
  return { id: m.id, status: 'accepted', recordId: e.id, revision: 1, seq, workflow: state };
}
