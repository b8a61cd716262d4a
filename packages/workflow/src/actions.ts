import type { ApproverNode } from '@gongfang/schema';
import { afterApproval } from './approver.ts';
import { flowError } from './errors.ts';
import { cancelOpenTasks, closeTask, copyInstance, finish, type Run, record } from './run.ts';
import { beginRound, settle } from './start.ts';
import { findActiveApprover, resumeAfter } from './traverse.ts';
import type { Action, ActiveApprover, FlowContext, FlowInstance, FlowResult, Task } from './types.ts';
import { cursorFits, indexWorkflow } from './workflowIndex.ts';

type TaskAction = Extract<Action, { taskId: string }>;

const FINISHED = new Set(['approved', 'rejected', 'withdrawn']);

/** Whitespace-only counts as no comment. */
function text(comment: string | undefined): string | undefined {
  const trimmed = comment?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Applies one action to a flow instance and returns the next instance and what happened. Refused
 * actions return a stable error code and a localized message; the given instance is never changed.
 */
export function applyAction(ctx: FlowContext, instance: FlowInstance, action: Action): FlowResult {
  const indexed = indexWorkflow(ctx.workflow);
  if (!indexed.ok) return flowError('definition-invalid', indexed.error);
  if (instance.format !== 1) return flowError('instance-invalid');
  if (FINISHED.has(instance.status)) return flowError('flow-finished');
  if (instance.cursor && !cursorFits(indexed.index, instance.cursor)) return flowError('definition-mismatch');
  const run: Run = { ctx, index: indexed.index, instance: copyInstance(instance), events: [] };
  const refused = 'taskId' in action ? actOnTask(run, action) : actAsParticipant(run, action);
  return refused ?? { ok: true, instance: run.instance, events: run.events };
}

function actOnTask(run: Run, action: TaskAction): Extract<FlowResult, { ok: false }> | undefined {
  const task = run.instance.tasks.find((t) => t.id === action.taskId);
  if (!task) return flowError('task-not-found');
  if (task.assignee !== action.actor) return flowError('not-assignee');
  if (task.status !== 'open') return flowError('task-closed');
  const node = run.index.nodes.get(task.nodeId);
  const active = run.instance.cursor && findActiveApprover(run.instance.cursor, task.nodeId);
  if (node?.type !== 'approver' || !active) return flowError('definition-mismatch');
  if (action.type === 'return' && node.allowReturn === false) return flowError('return-not-allowed');
  const comment = text(action.comment);
  const commentRule = node.commentRequired ?? 'onReject';
  const needsComment = commentRule === 'always' || (commentRule === 'onReject' && action.type !== 'approve');
  if (needsComment && comment === undefined) return flowError('comment-required');
  switch (action.type) {
    case 'approve':
      return approve(run, node, active, task, comment, text(action.signature));
    case 'reject':
      closeTask(run, task, 'rejected', { comment });
      record(run, { kind: 'rejected', actor: action.actor, nodeId: node.id, taskId: task.id, comment });
      finish(run, 'rejected');
      return undefined;
    case 'return':
      closeTask(run, task, 'returned', { comment });
      // Returning stops the whole round, parallel branches included; resubmit starts the next one.
      cancelOpenTasks(run);
      run.instance.status = 'returned';
      delete run.instance.cursor;
      record(run, { kind: 'returned', actor: action.actor, nodeId: node.id, taskId: task.id, comment });
      run.events.push({ type: 'returned', round: run.instance.round, nodeId: node.id, actor: action.actor });
      return undefined;
  }
}

function approve(
  run: Run,
  node: ApproverNode,
  active: ActiveApprover,
  task: Task,
  comment: string | undefined,
  signature: string | undefined,
): Extract<FlowResult, { ok: false }> | undefined {
  if (node.signature === true && signature === undefined) return flowError('signature-required');
  closeTask(run, task, 'approved', { comment, signature });
  record(run, { kind: 'approved', actor: task.assignee, nodeId: node.id, taskId: task.id, comment, signature });
  if (afterApproval(run, active, task) === 'waiting') return undefined;
  const cursor = run.instance.cursor;
  const progress = cursor && resumeAfter(run, cursor, node.id);
  if (progress === undefined) return flowError('definition-mismatch');
  settle(run, progress);
  return undefined;
}

function actAsParticipant(
  run: Run,
  action: Exclude<Action, TaskAction>,
): Extract<FlowResult, { ok: false }> | undefined {
  const { instance } = run;
  const isInitiator = action.actor === instance.initiator;
  switch (action.type) {
    case 'comment': {
      if (!isInitiator && !instance.tasks.some((t) => t.assignee === action.actor)) return flowError('not-participant');
      const comment = text(action.comment);
      if (comment === undefined) return flowError('comment-required');
      record(run, { kind: 'commented', actor: action.actor, comment });
      run.events.push({ type: 'commented', actor: action.actor, comment });
      return undefined;
    }
    case 'resubmit':
      if (!isInitiator) return flowError('not-initiator');
      if (instance.status !== 'returned') return flowError('flow-not-returned');
      instance.round += 1;
      record(run, { kind: 'resubmitted', actor: action.actor });
      beginRound(run);
      return undefined;
    case 'withdraw': {
      if (!isInitiator) return flowError('not-initiator');
      if (instance.status !== 'running') return flowError('flow-not-running');
      const decided = (t: Task) => t.round === instance.round && t.status !== 'open' && t.status !== 'cancelled';
      if (instance.tasks.some(decided)) return flowError('already-acted');
      cancelOpenTasks(run);
      instance.status = 'withdrawn';
      delete instance.cursor;
      instance.finishedAt = run.ctx.now;
      record(run, { kind: 'withdrawn', actor: action.actor });
      run.events.push({ type: 'withdrawn', round: instance.round });
      return undefined;
    }
  }
}
