import { type CreateMutation, type MutationResult, message, type RecordEnvelope } from '@gongfang/schema';
import { type FlowEvent, type FlowInstance, startFlow } from '@gongfang/workflow';
import { appendAudit, beginAuditBatch, discardAuditBatch, flushAuditBatch } from '../audit/chain.ts';
import { actorFor } from '../sync/actors.ts';
import { directoryOf, isoTime, type MutationContext } from '../sync/mutationContext.ts';
import { Refusal, refuse } from '../sync/refusal.ts';
import { flowContext } from '../workflow/flow.ts';
import { insertTasks, type StartedFlow, workflowState } from '../workflow/tasks.ts';
import { canSubmit, type Person } from './access.ts';
import { type AttachmentRef, attachmentRefs, missingProblems, presentAttachments } from './attachmentRefs.ts';
import { type CompiledForm, loadVersion, type PublishedVersion } from './definitions.ts';
import { afterAcceptMany, afterWorkflowEvent, workflowEventOf } from './hooks.ts';
import { prepareData } from './prepare.ts';
import { insertRecords, linkAttachmentsOf } from './store.ts';

const CREATOR_MISMATCH = message(
  '记录的填写人与提交人不一致',
  'The record names another person as its creator than the one pushing it',
);

/** A create that passed every check: what the write phase stores. */
interface Checked {
  m: CreateMutation;
  actor: Person;
  version: PublishedVersion;
  form: CompiledForm;
  data: Record<string, unknown>;
  refs: AttachmentRef[];
  envelope: RecordEnvelope;
  instance: FlowInstance | null;
  flowEvents: FlowEvent[];
}

/** The stored answer of a refused mutation. */
export function refusedAnswer(m: { id: string }, recordId: string, error: Refusal): MutationResult {
  return {
    id: m.id,
    status: 'rejected',
    recordId,
    code: error.code,
    message: error.localized,
    ...(error.problems ? { problems: error.problems } : {}),
  };
}

/** Checks one create against the form of the version it names (no writes); throws a Refusal. */
async function check(mc: MutationContext, m: CreateMutation): Promise<Omit<Checked, 'instance' | 'flowEvents'>> {
  const e = m.record;
  if (m.actor !== undefined && m.actor !== e.createdBy) throw new Refusal('forbidden', CREATOR_MISMATCH);
  const actor = await actorFor(mc, e.createdBy);
  const version = await loadVersion(mc.db, mc.tx, mc.auth.orgId, e.app, e.version);
  if (!version) throw refuse('unknown-version');
  const form = version.forms.get(e.form);
  if (!form) throw refuse('unknown-form');
  if (!canSubmit(form.form, actor.roles)) throw refuse('forbidden');
  const data = prepareData(form, e.data, actor.name);
  const envelope: RecordEnvelope = { ...e, revision: 1, data, createdBy: actor.name };
  return { m, actor, version, form, data, refs: attachmentRefs(form, data), envelope };
}

/**
 * New records (revision 1), several at once: each checked against the form of the version it
 * names, formulas recomputed, its approval flow started — all before any write and before the
 * organization's change-feed lock. Then, under that lock (taken once), every record, revision,
 * attachment link, task and participant goes in with one statement per table, the hooks run per
 * record in order, and the audit entries are hashed in memory and written in one statement.
 * Answers come back in order: accepted, or rejected for a refusal (nothing of it was written).
 * Anything else throws, and the caller rolls the whole batch back.
 */
export async function applyCreates(mc: MutationContext, ms: readonly CreateMutation[]): Promise<MutationResult[]> {
  const { tx, auth } = mc;
  const orgId = auth.orgId;
  const answers: (MutationResult | Checked)[] = [];
  for (const m of ms) {
    try {
      answers.push({ ...(await check(mc, m)), instance: null, flowEvents: [] });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      answers.push(refusedAnswer(m, m.record.id, error));
    }
  }
  const isChecked = (a: MutationResult | Checked): a is Checked => 'envelope' in a;
  const refuseAt = (i: number, error: Refusal) => {
    const a = answers[i] as Checked;
    answers[i] = refusedAnswer(a.m, a.envelope.id, error);
  };

  // Attachments of every record in one query.
  const allRefs = answers.flatMap((a) => (isChecked(a) ? a.refs : []));
  if (allRefs.length > 0) {
    const present = await presentAttachments(
      tx,
      orgId,
      allRefs.map((r) => r.sha256),
    );
    for (const [i, a] of answers.entries()) {
      const problems = isChecked(a) ? missingProblems(a.refs, present) : [];
      if (problems.length > 0) refuseAt(i, refuse('missing-attachment', problems));
    }
  }
  // The same record id twice in one push: the second is a record that already exists.
  const ids = new Set<string>();
  for (const [i, a] of answers.entries()) {
    if (!isChecked(a)) continue;
    if (ids.has(a.envelope.id)) refuseAt(i, refuse('record-exists'));
    else ids.add(a.envelope.id);
  }
  // Approval flows start in memory (a refusal of the state machine refuses the record).
  for (const [i, a] of answers.entries()) {
    const workflow = isChecked(a) ? a.form.form.workflow : undefined;
    if (!isChecked(a) || !workflow) continue;
    const ctx = flowContext(
      workflow,
      a.data,
      await directoryOf(mc),
      isoTime(a.m.record.updatedAt ?? a.m.record.createdAt),
    );
    const started = startFlow(ctx, a.actor.name);
    if (!started.ok) refuseAt(i, new Refusal(started.error.code, started.error.message));
    else {
      a.instance = started.instance;
      a.flowEvents = started.events;
    }
  }

  const todo = answers.filter(isChecked);
  if (todo.length === 0) return answers as MutationResult[];
  await beginAuditBatch(tx, orgId); // the change-feed lock: before any change sequence is drawn
  try {
    const seqs = await insertRecords(
      tx,
      orgId,
      todo.map((a) => ({ orgId, envelope: a.envelope, data: a.data, createdBy: a.actor.id, workflow: a.instance })),
    );
    for (const [i, a] of answers.entries()) {
      if (isChecked(a) && !seqs.has(a.envelope.id)) refuseAt(i, refuse('record-exists'));
    }
    const stored = answers.filter(isChecked);
    await linkAttachmentsOf(
      tx,
      orgId,
      stored.map((a) => ({ recordId: a.envelope.id, shas: a.refs.map((r) => r.sha256) })),
    );
    const flows: StartedFlow[] = [];
    for (const a of stored) {
      const workflow = a.form.form.workflow;
      if (workflow && a.instance) {
        flows.push({ ref: refOf(orgId, a), workflow, instance: a.instance, directory: await directoryOf(mc) });
      }
    }
    await insertTasks(tx, orgId, flows);
    const guardFailures = await runHooks(mc, stored);
    for (const [i, a] of answers.entries()) {
      if (isChecked(a)) {
        answers[i] = await audit(mc, a, seqs.get(a.envelope.id) as number, guardFailures.get(a) ?? []);
      }
    }
    await flushAuditBatch(tx);
  } catch (error) {
    discardAuditBatch(tx);
    throw error;
  }
  return answers as MutationResult[];
}

/** One create: `applyCreates` of one. */
export async function applyCreate(mc: MutationContext, m: CreateMutation): Promise<MutationResult> {
  const [answer] = await applyCreates(mc, [m]);
  if (!answer) throw new Error('no answer');
  return answer;
}

function refOf(orgId: string, a: Checked) {
  return { orgId, recordId: a.envelope.id, appId: a.envelope.app, formId: a.envelope.form };
}

function hookEvent(mc: MutationContext, a: Checked) {
  return { tx: mc.tx, orgId: mc.auth.orgId, app: a.version.app, form: a.form.form, record: a.envelope, actor: a.actor };
}

/**
 * The afterAccept hooks of the stored records, batched, and the afterWorkflowEvent hooks of those
 * whose flow ended at once (approved on submit) — in the order of one record after another: the
 * batch is cut before each workflow event. Runs after the flows started, so hooks read each
 * record's real status. Returns the guard failures per record.
 */
async function runHooks(mc: MutationContext, stored: readonly Checked[]): Promise<Map<Checked, unknown[]>> {
  const failures = new Map<Checked, unknown[]>();
  let pending: Checked[] = [];
  const flush = async () => {
    const reports = await afterAcceptMany(
      pending.map((a) => ({ ...hookEvent(mc, a), event: 'submit' as const, status: a.instance?.status ?? 'none' })),
    );
    pending.forEach((a, i) => {
      failures.set(a, reports[i] ?? []);
    });
    pending = [];
  };
  for (const a of stored) {
    pending.push(a);
    const event = workflowEventOf(a.flowEvents);
    if (!a.instance || event === 'progressed') continue;
    await flush();
    const more = await afterWorkflowEvent({ ...hookEvent(mc, a), event, flowEvents: a.flowEvents });
    failures.get(a)?.push(...more);
  }
  await flush();
  return failures;
}

/** The audit entry and answer of one stored record. */
async function audit(mc: MutationContext, a: Checked, seq: number, guardFailures: unknown[]): Promise<MutationResult> {
  const { tx, auth } = mc;
  const orgId = auth.orgId;
  const state = workflowState(refOf(orgId, a), a.form.form.workflow, a.instance);
  const e = a.envelope;
  await appendAudit(tx, {
    orgId,
    actor: { id: a.actor.id, name: a.actor.name },
    action: 'record.create',
    entityType: 'record',
    entityId: e.id,
    after: {
      app: e.app,
      form: e.form,
      version: e.version,
      revision: 1,
      createdBy: a.actor.name,
      data: a.data,
      workflow: state.status,
      ...(a.actor.id === auth.userId ? {} : { pushedBy: auth.userName }),
      ...(guardFailures.length > 0 ? { guardFailures } : {}),
    },
  });
  return { id: a.m.id, status: 'accepted', recordId: e.id, revision: 1, seq, workflow: state };
}
