import type { Task } from '@gongfang/schema';
import { api } from './api.ts';
import { getServices } from './services.ts';

/** A pulled task row holds `{ task }` (the contract's TaskChange) or the task itself. */
function unwrap(data: Record<string, unknown>): Task | undefined {
  const t = (typeof data.task === 'object' && data.task !== null ? data.task : data) as Task;
  return typeof t.id === 'string' && typeof t.recordId === 'string' ? t : undefined;
}

/** The operator's open tasks: from the server when online, else as last pulled. */
export async function openTasks(user: string): Promise<{ tasks: Task[]; fromDevice: boolean }> {
  try {
    const answer = await api<Task[] | { tasks: Task[] }>('/api/tasks');
    const tasks = Array.isArray(answer) ? answer : answer.tasks;
    return { tasks: tasks.filter((t) => (t.status ?? 'open') === 'open'), fromDevice: false };
  } catch {
    const rows = await getServices().store.tasks();
    const tasks = rows.map((r) => unwrap(r.data)).filter((t): t is Task => t !== undefined);
    return { tasks: tasks.filter((t) => t.status === 'open' && t.assignee === user), fromDevice: true };
  }
}
