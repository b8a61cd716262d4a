import { applyAction } from './actions.ts';
import type { ApprovalMode, Cursor, FlowContext, FlowEvent, FlowInstance, Outcome } from './types.ts';
import { indexWorkflow, type WorkflowIndex } from './workflowIndex.ts';

/** One step the record is expected to go through, for the tablet's offline "what happens next". */
export interface ExpectedStep {
  kind: 'resubmit' | 'approver' | 'cc' | 'auto-approved' | 'skipped' | 'end';
  /** True for the steps waiting now (open tasks, or the initiator's resubmit of a returned record). */
  current: boolean;
  /** Absent for `resubmit` and `end`. */
  nodeId?: string;
  /** The node's approvers in order (those who already approved included), CC recipients, or the initiator for `resubmit`. */
  users: string[];
  mode?: ApprovalMode;
  outcome?: Outcome;
}

// Far more than any valid flow needs (≤ 100 nodes a list, ≤ 50 users a node); a guard, not a limit.
const MAX_SIMULATED_ACTIONS = 10_000;

function waitingApprovers(cursor: Cursor | undefined, out: ExpectedStep[]): ExpectedStep[] {
  const active = cursor?.active;
  if (active?.type === 'approver') {
    out.push({
      kind: 'approver',
      current: true,
      nodeId: active.nodeId,
      users: [...active.assignees],
      mode: active.mode,
    });
  } else if (active?.type === 'condition') {
    waitingApprovers(active.cursor, out);
  } else if (active?.type === 'parallel') {
    for (const lane of active.lanes) if (lane.cursor) waitingApprovers(lane.cursor, out);
  }
  return out;
}

function addEvents(nodes: WorkflowIndex['nodes'], events: readonly FlowEvent[], steps: ExpectedStep[]): void {
  for (const event of events) {
    if (event.type === 'task-created') {
      const known = steps.find((s) => s.kind === 'approver' && s.nodeId === event.task.nodeId);
      if (known) {
        if (!known.users.includes(event.task.assignee)) known.users.push(event.task.assignee);
        continue;
      }
      const node = nodes.get(event.task.nodeId);
      const mode = node?.type === 'approver' ? (node.mode ?? 'any') : 'any';
      steps.push({ kind: 'approver', current: false, nodeId: event.task.nodeId, users: [event.task.assignee], mode });
    } else if (event.type === 'cc') {
      steps.push({ kind: 'cc', current: false, nodeId: event.nodeId, users: event.recipients });
    } else if (event.type === 'auto-passed') {
      steps.push({ kind: event.reason, current: false, nodeId: event.nodeId, users: [] });
    } else if (event.type === 'completed') {
      steps.push({ kind: 'end', current: false, users: [], outcome: event.outcome });
    }
  }
}

/**
 * The steps ahead if everyone approves, computed by running the real state machine on a copy with
 * the current data: conditions, parallel branches, auto-approvals and CC are exactly as they would
 * be. A preview only: data edits or a rejection change the real path.
 */
export function expectedNextSteps(ctx: FlowContext, instance: FlowInstance): ExpectedStep[] {
  const indexed = indexWorkflow(ctx.workflow);
  if (!indexed.ok) return [];
  const { nodes } = indexed.index;
  let sim = instance;
  const steps: ExpectedStep[] = [];
  if (sim.status === 'returned') {
    steps.push({ kind: 'resubmit', current: true, users: [sim.initiator] });
    const resubmitted = applyAction(ctx, sim, { type: 'resubmit', actor: sim.initiator });
    if (!resubmitted.ok) return steps;
    addEvents(nodes, resubmitted.events, steps);
    sim = resubmitted.instance;
  } else {
    waitingApprovers(sim.cursor, steps);
  }
  for (let i = 0; i < MAX_SIMULATED_ACTIONS && sim.status === 'running'; i++) {
    const task = sim.tasks.find((t) => t.status === 'open');
    if (!task) break;
    const approve = { type: 'approve', taskId: task.id, actor: task.assignee, comment: '-', signature: '-' } as const;
    const result = applyAction(ctx, sim, approve);
    if (!result.ok) break;
    addEvents(nodes, result.events, steps);
    sim = result.instance;
  }
  return steps;
}
