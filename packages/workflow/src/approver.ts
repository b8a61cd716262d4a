import type { ApproverNode } from '@gongfang/schema';
import { message } from '@gongfang/schema';
import { pickApprovers } from './assignees.ts';
import { cancelOpenTasks, createTask, type Run, record } from './run.ts';
import type { ActiveApprover, Task } from './types.ts';

/**
 * Enters an approver node: returns the waiting state with its first task(s) created, or undefined
 * when the node passes at once (skipped on resubmit, or nobody can approve it).
 */
export function enterApprover(run: Run, node: ApproverNode): ActiveApprover | undefined {
  const { instance, ctx } = run;
  if (instance.round > 1 && ctx.workflow.onResubmit === 'skipApproved' && instance.passedNodes.includes(node.id)) {
    record(run, {
      kind: 'skipped',
      nodeId: node.id,
      note: message('此步骤已在之前的轮次通过，跳过', 'This step passed in an earlier round and is skipped'),
    });
    run.events.push({ type: 'auto-passed', round: instance.round, nodeId: node.id, reason: 'skipped' });
    return undefined;
  }
  const pick = pickApprovers(node.assignee, node.fallbackRole, ctx.data, instance.initiator, ctx.directory);
  if (pick.source === 'nobody') {
    record(run, {
      kind: 'auto-approved',
      nodeId: node.id,
      note: message(
        '没有发起人以外的审批人，此步骤自动通过',
        'Nobody other than the initiator can approve this step; it was approved automatically',
      ),
    });
    run.events.push({ type: 'auto-passed', round: instance.round, nodeId: node.id, reason: 'auto-approved' });
    markPassed(run, node.id);
    return undefined;
  }
  if (pick.source === 'fallback') {
    record(run, {
      kind: 'fallback-assigned',
      nodeId: node.id,
      users: pick.users,
      note: message(
        '审批人规则没有找到发起人以外的人，改由后备角色审批',
        'The assignee rule found nobody other than the initiator; the fallback role approves instead',
      ),
    });
  }
  const mode = node.mode ?? 'any';
  const active: ActiveApprover = { type: 'approver', nodeId: node.id, mode, assignees: pick.users, position: 0 };
  // Sequential (依次) hands out one task at a time; any/all hand them all out at once.
  const first = mode === 'sequential' ? pick.users.slice(0, 1) : pick.users;
  for (const user of first) createTask(run, node.id, user);
  return active;
}

/**
 * After `task` (already closed as approved): creates the next sequential task, or reports that the
 * node has passed — for `any` the first approval wins and the others' tasks are cancelled.
 */
export function afterApproval(run: Run, active: ActiveApprover, task: Task): 'waiting' | 'passed' {
  const sameNode = (t: Task) => t.round === task.round && t.nodeId === task.nodeId;
  if (active.mode === 'any') {
    cancelOpenTasks(run, sameNode);
  } else if (active.mode === 'all') {
    if (run.instance.tasks.some((t) => sameNode(t) && t.status === 'open')) return 'waiting';
  } else {
    active.position += 1;
    const next = active.assignees[active.position];
    if (next !== undefined) {
      createTask(run, active.nodeId, next);
      return 'waiting';
    }
  }
  markPassed(run, active.nodeId);
  return 'passed';
}

function markPassed(run: Run, nodeId: string): void {
  if (!run.instance.passedNodes.includes(nodeId)) run.instance.passedNodes.push(nodeId);
}
