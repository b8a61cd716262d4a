import type { CcNode, ConditionNode, ParallelNode, WorkflowNode } from '@gongfang/schema';
import { enterApprover } from './approver.ts';
import { resolveAssignee } from './assignees.ts';
import { type Run, record } from './run.ts';
import type { ActiveApprover, Cursor, Outcome } from './types.ts';

/** How a node list (or a node in it) stands after moving: waiting for people, finished, or ended by an end node. */
export type Progress = 'waiting' | 'done' | { end: Outcome };

/**
 * Moves a cursor forward from its current index until a node waits, the list is finished, or an
 * end node ends the flow. Nodes that need nobody (CC, passed approvers, condition) run through.
 */
export function advance(run: Run, cursor: Cursor): Progress {
  const list = run.index.lists.get(cursor.list) ?? [];
  while (cursor.index < list.length) {
    const node = list[cursor.index] as WorkflowNode;
    const progress = enter(run, node, cursor);
    if (progress !== 'done') return progress;
    cursor.index += 1;
  }
  return 'done';
}

function enter(run: Run, node: WorkflowNode, cursor: Cursor): Progress {
  switch (node.type) {
    case 'approver': {
      const active = enterApprover(run, node);
      if (!active) return 'done';
      cursor.active = active;
      return 'waiting';
    }
    case 'cc':
      sendCc(run, node);
      return 'done';
    case 'condition':
      return enterCondition(run, node, cursor);
    case 'parallel':
      return enterParallel(run, node, cursor);
    case 'end': {
      const outcome = node.outcome ?? 'approved';
      record(run, { kind: 'ended', nodeId: node.id, outcome });
      return { end: outcome };
    }
  }
}

function sendCc(run: Run, node: CcNode): void {
  const { instance, ctx } = run;
  // The initiator may well be CC'd (e.g. told the outcome), so unlike approvers they are kept.
  const recipients = resolveAssignee(node.recipients, ctx.data, instance.initiator, ctx.directory);
  for (const recipient of recipients) {
    instance.notices.push({
      id: `${instance.round}:${node.id}:${recipient}`,
      round: instance.round,
      nodeId: node.id,
      recipient,
      at: ctx.now,
    });
  }
  record(run, { kind: 'cc', nodeId: node.id, users: recipients });
  run.events.push({ type: 'cc', round: instance.round, nodeId: node.id, recipients: [...recipients] });
}

function enterCondition(run: Run, node: ConditionNode, cursor: Cursor): Progress {
  const { ctx, instance } = run;
  const env = { initiator: instance.initiator, now: ctx.now };
  let chosen = node.default;
  for (const branch of node.branches) {
    const result = ctx.conditions(branch.when, ctx.data, env);
    if (!result.ok) {
      record(run, { kind: 'condition-error', nodeId: node.id, branchId: branch.id, note: result.error });
      continue;
    }
    if (result.value) {
      chosen = branch;
      break;
    }
  }
  record(run, { kind: 'branch-taken', nodeId: node.id, branchId: chosen.id });
  const inner: Cursor = { list: chosen.id, index: 0 };
  const progress = advance(run, inner);
  if (progress === 'waiting')
    cursor.active = { type: 'condition', nodeId: node.id, branchId: chosen.id, cursor: inner };
  return progress;
}

function enterParallel(run: Run, node: ParallelNode, cursor: Cursor): Progress {
  const lanes: { branchId: string; cursor: Cursor | null }[] = [];
  for (const branch of node.branches) {
    const inner: Cursor = { list: branch.id, index: 0 };
    const progress = advance(run, inner);
    // An end node inside a branch ends the whole flow (see README); the caller cancels open tasks.
    if (typeof progress === 'object') return progress;
    lanes.push({ branchId: branch.id, cursor: progress === 'waiting' ? inner : null });
  }
  if (lanes.every((lane) => lane.cursor === null)) return 'done';
  cursor.active = { type: 'parallel', nodeId: node.id, lanes };
  return 'waiting';
}

/** The waiting approver state of `nodeId` anywhere under `cursor`. */
export function findActiveApprover(cursor: Cursor, nodeId: string): ActiveApprover | undefined {
  const active = cursor.active;
  if (!active) return undefined;
  if (active.type === 'approver') return active.nodeId === nodeId ? active : undefined;
  if (active.type === 'condition') return findActiveApprover(active.cursor, nodeId);
  for (const lane of active.lanes) {
    const found = lane.cursor && findActiveApprover(lane.cursor, nodeId);
    if (found) return found;
  }
  return undefined;
}

/**
 * Marks the waiting approver `nodeId` as passed and moves on from it, joining condition and
 * parallel nodes on the way up. Returns undefined when `nodeId` is not waiting under `cursor`.
 */
export function resumeAfter(run: Run, cursor: Cursor, nodeId: string): Progress | undefined {
  const active = cursor.active;
  if (!active) return undefined;
  let inner: Progress | undefined;
  if (active.type === 'approver') {
    inner = active.nodeId === nodeId ? 'done' : undefined;
  } else if (active.type === 'condition') {
    inner = resumeAfter(run, active.cursor, nodeId);
  } else {
    for (const lane of active.lanes) {
      const progress = lane.cursor ? resumeAfter(run, lane.cursor, nodeId) : undefined;
      if (progress === undefined) continue;
      if (typeof progress === 'object') return progress;
      if (progress === 'done') lane.cursor = null;
      // The parallel node joins only when every lane has finished.
      inner = active.lanes.every((l) => l.cursor === null) ? 'done' : 'waiting';
      break;
    }
  }
  if (inner !== 'done') return inner;
  delete cursor.active;
  cursor.index += 1;
  return advance(run, cursor);
}
