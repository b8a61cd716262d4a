import type { FlowContext, FlowEvent, FlowInstance, HistoryEntry, Outcome, Task, TaskStatus } from './types.ts';
import type { WorkflowIndex } from './workflowIndex.ts';

/**
 * One transition in progress. `instance` is a private deep copy of the caller's instance, so the
 * helpers may change it in place while the caller's value stays untouched.
 */
export interface Run {
  ctx: FlowContext;
  index: WorkflowIndex;
  instance: FlowInstance;
  events: FlowEvent[];
}

/** A deep copy; instances are plain JSON by contract, so a JSON round trip is exact. */
export function copyInstance(instance: FlowInstance): FlowInstance {
  return JSON.parse(JSON.stringify(instance)) as FlowInstance;
}

/** Appends a history line stamped with the run's time and round; absent fields stay absent (not undefined). */
export function record(run: Run, entry: Omit<HistoryEntry, 'at' | 'round'>): void {
  const line: HistoryEntry = { at: run.ctx.now, round: run.instance.round, kind: entry.kind };
  for (const [key, value] of Object.entries(entry)) {
    // Arrays are copied so the history never shares an array with the cursor or the events.
    if (value !== undefined)
      (line as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
  }
  run.instance.history.push(line);
}

export function taskId(round: number, nodeId: string, user: string): string {
  return `${round}:${nodeId}:${user}`;
}

export function createTask(run: Run, nodeId: string, assignee: string): void {
  const { round } = run.instance;
  const task: Task = {
    id: taskId(round, nodeId, assignee),
    round,
    nodeId,
    assignee,
    status: 'open',
    createdAt: run.ctx.now,
  };
  run.instance.tasks.push(task);
  run.events.push({ type: 'task-created', task: { ...task } });
}

export function closeTask(
  run: Run,
  task: Task,
  status: Exclude<TaskStatus, 'open'>,
  extra: { comment?: string | undefined; signature?: string | undefined } = {},
): void {
  task.status = status;
  task.closedAt = run.ctx.now;
  if (extra.comment !== undefined) task.comment = extra.comment;
  if (extra.signature !== undefined) task.signature = extra.signature;
  run.events.push({ type: 'task-closed', task: { ...task } });
}

/** Cancels open tasks (all of them, or those matching `which`), e.g. siblings of an any-mode decision. */
export function cancelOpenTasks(run: Run, which: (task: Task) => boolean = () => true): void {
  for (const task of run.instance.tasks) {
    if (task.status === 'open' && which(task)) closeTask(run, task, 'cancelled');
  }
}

/** Ends the flow: nothing stays open anywhere (other parallel branches included). */
export function finish(run: Run, outcome: Outcome): void {
  cancelOpenTasks(run);
  run.instance.status = outcome;
  delete run.instance.cursor;
  run.instance.finishedAt = run.ctx.now;
  record(run, { kind: 'completed', outcome });
  run.events.push({ type: 'completed', outcome });
}
