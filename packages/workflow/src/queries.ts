import type { FlowInstance, Notice, Task } from './types.ts';

/** Tasks waiting for a decision now. */
export function openTasks(instance: FlowInstance): Task[] {
  return instance.tasks.filter((t) => t.status === 'open').map((t) => ({ ...t }));
}

/** A user's open tasks: what their inbox shows for this record. */
export function openTasksOf(instance: FlowInstance, user: string): Task[] {
  return openTasks(instance).filter((t) => t.assignee === user);
}

/** CC notices a user received for this record. */
export function noticesOf(instance: FlowInstance, user: string): Notice[] {
  return instance.notices.filter((n) => n.recipient === user).map((n) => ({ ...n }));
}

/** Whether no more actions can change the flow (approved, rejected or withdrawn). */
export function isFinished(instance: FlowInstance): boolean {
  return instance.status === 'approved' || instance.status === 'rejected' || instance.status === 'withdrawn';
}
