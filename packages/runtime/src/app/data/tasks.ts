import type { Task } from '@gongfang/schema';
import { api } from './api.ts';
import { getServices } from './services.ts';

/** The operator's open tasks: from the server when online, else as last pulled. */
export async function openTasks(user: string): Promise<{ tasks: Task[]; fromDevice: boolean }> {
  try {
    // GET /api/tasks answers { tasks: [{ task, record }] }: the task and a summary of its record.
    const answer = await api<{ tasks: { task: Task }[] }>('/api/tasks');
    const tasks = answer.tasks.map((item) => item.task);
    return { tasks: tasks.filter((t) => (t.status ?? 'open') === 'open'), fromDevice: false };
  } catch {
    const rows = await getServices().store.tasks();
    // The device keeps open tasks only (a closed one leaves it with the pull that closes it).
    return { tasks: rows.map((r) => r.task).filter((t) => t.assignee === user), fromDevice: true };
  }
}
