import { flowError } from './errors.ts';
import { finish, type Run } from './run.ts';
import { advance, type Progress } from './traverse.ts';
import type { FlowContext, FlowInstance, FlowResult } from './types.ts';
import { indexWorkflow, ROOT_LIST } from './workflowIndex.ts';

/** Runs the flow from its first node in the instance's current round. */
export function beginRound(run: Run): void {
  const cursor = { list: ROOT_LIST, index: 0 };
  run.instance.status = 'running';
  run.instance.cursor = cursor;
  run.events.push({ type: 'started', round: run.instance.round, initiator: run.instance.initiator });
  settle(run, advance(run, cursor));
}

/** Finishes the flow when the root list is done or an end node was reached. */
export function settle(run: Run, progress: Progress): void {
  if (progress === 'done') finish(run, 'approved');
  else if (progress !== 'waiting') finish(run, progress.end);
}

/**
 * Submits a record (round 1): creates the first tasks, sends CC notices it passes, and may finish at
 * once (e.g. every approver is the initiator and no fallback exists).
 */
export function startFlow(ctx: FlowContext, initiator: string): FlowResult {
  if (initiator === '') return flowError('initiator-missing');
  const indexed = indexWorkflow(ctx.workflow);
  if (!indexed.ok) return flowError('definition-invalid', indexed.error);
  const instance: FlowInstance = {
    format: 1,
    initiator,
    status: 'running',
    round: 1,
    tasks: [],
    notices: [],
    history: [],
    passedNodes: [],
    startedAt: ctx.now,
  };
  const run: Run = { ctx, index: indexed.index, instance, events: [] };
  run.instance.history.push({ at: ctx.now, round: 1, kind: 'submitted', actor: initiator });
  beginRound(run);
  return { ok: true, instance: run.instance, events: run.events };
}
