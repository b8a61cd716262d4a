import type { LocalizedText, Task as TaskView, Workflow, WorkflowNode, WorkflowState } from '@gongfang/schema';
import type { FlowInstance, Task } from '@gongfang/workflow';
import type { Queryable } from '../db/Db.ts';
import type { OrgDirectory } from './directory.ts';

/** The node `id` anywhere in the flow (inside condition and parallel branches too). */
export function findNode(workflow: Workflow, id: string): WorkflowNode | undefined {
  const search = (nodes: readonly WorkflowNode[]): WorkflowNode | undefined => {
    for (const node of nodes) {
      if (node.id === id) return node;
      const branches =
        node.type === 'condition' ? [...node.branches, node.default] : node.type === 'parallel' ? node.branches : [];
      for (const branch of branches) {
        const found = search(branch.nodes);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(workflow.nodes);
}

export interface RecordRef {
  orgId: string;
  recordId: string;
  appId: string;
  formId: string;
}

export function taskView(ref: RecordRef, workflow: Workflow, task: Task): TaskView {
  const node = findNode(workflow, task.nodeId);
  const view: TaskView = {
    id: task.id,
    recordId: ref.recordId,
    app: ref.appId,
    form: ref.formId,
    node: task.nodeId,
    assignee: task.assignee,
    status: task.status,
    signature: node?.type === 'approver' && node.signature === true,
    createdAt: task.createdAt,
  };
  if (node?.name) view.nodeName = node.name as LocalizedText;
  return view;
}

/** The record's workflow as devices show it: status, open tasks, history. */
export function workflowState(
  ref: RecordRef,
  workflow: Workflow | undefined,
  instance: FlowInstance | null,
): WorkflowState {
  if (!workflow || !instance) return { status: 'none', tasks: [], history: [] };
  return {
    status: instance.status,
    tasks: instance.tasks.filter((t) => t.status === 'open').map((t) => taskView(ref, workflow, t)),
    history: instance.history.map((h) => ({ ...h })),
  };
}

/**
 * Mirrors the instance's tasks into the tasks table: a task that is new or changed status gets a
 * new change sequence (its assignee pulls it). Assignees and CC recipients become participants of
 * the record, so they may see it from then on. Runs under the change-feed lock.
 */
export async function syncTasks(
  tx: Queryable,
  ref: RecordRef,
  workflow: Workflow,
  instance: FlowInstance,
  directory: OrgDirectory,
): Promise<void> {
  const stored = await tx.query<{ id: string; status: string }>(
    'select id, status from tasks where org_id = $1 and record_id = $2',
    [ref.orgId, ref.recordId],
  );
  const known = new Map(stored.map((t) => [t.id, t.status]));
  for (const task of instance.tasks) {
    if (known.get(task.id) === task.status) continue;
    const node = findNode(workflow, task.nodeId);
    const signature = node?.type === 'approver' && node.signature === true;
    await tx.query(
      `insert into tasks (org_id, record_id, id, app_id, form_id, node_id, node_name, assignee, assignee_id, status,
                          signature, created_at, closed_at, seq)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, nextval('change_seq'))
       on conflict (org_id, record_id, id) do update
         set status = excluded.status, closed_at = excluded.closed_at, seq = excluded.seq`,
      [
        ref.orgId,
        ref.recordId,
        task.id,
        ref.appId,
        ref.formId,
        task.nodeId,
        node?.name ? JSON.stringify(node.name) : null,
        task.assignee,
        directory.idOf(task.assignee) ?? null,
        task.status,
        signature,
        task.createdAt,
        task.closedAt ?? null,
      ],
    );
  }
  const people = [
    ...instance.tasks.map((t) => ({ name: t.assignee, reason: 'task' })),
    ...instance.notices.map((n) => ({ name: n.recipient, reason: 'cc' })),
  ];
  for (const person of people) {
    const userId = directory.idOf(person.name);
    if (!userId) continue;
    await tx.query(
      `insert into record_participants (org_id, record_id, user_id, reason) values ($1, $2, $3, $4)
       on conflict do nothing`,
      [ref.orgId, ref.recordId, userId, person.reason],
    );
  }
}
