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

/** A new record's flow, to mirror with `insertTasks`. */
export interface StartedFlow {
  ref: RecordRef;
  workflow: Workflow;
  instance: FlowInstance;
  directory: OrgDirectory;
}

/**
 * `syncTasks` for records just created (none has a stored task yet), for many records in two
 * statements: their tasks with change sequences in the order given, and their participants.
 */
export async function insertTasks(tx: Queryable, orgId: string, flows: readonly StartedFlow[]): Promise<void> {
  const tasks = flows.flatMap(({ ref, workflow, instance, directory }) =>
    instance.tasks.map((task) => {
      const node = findNode(workflow, task.nodeId);
      return {
        n: 0,
        record_id: ref.recordId,
        id: task.id,
        app_id: ref.appId,
        form_id: ref.formId,
        node_id: task.nodeId,
        node_name: node?.name ?? null,
        assignee: task.assignee,
        assignee_id: directory.idOf(task.assignee) ?? null,
        status: task.status,
        signature: node?.type === 'approver' && node.signature === true,
        created_at: task.createdAt,
        closed_at: task.closedAt ?? null,
      };
    }),
  );
  tasks.forEach((t, n) => {
    t.n = n;
  });
  if (tasks.length > 0) {
    await tx.query(
      `insert into tasks (org_id, record_id, id, app_id, form_id, node_id, node_name, assignee, assignee_id, status,
                          signature, created_at, closed_at, seq)
       select $1, x.record_id, x.id, x.app_id, x.form_id, x.node_id, nullif(x.node_name, 'null'::jsonb), x.assignee,
              x.assignee_id, x.status, x.signature, x.created_at, x.closed_at, nextval('change_seq')
         from jsonb_to_recordset($2::jsonb) as x(n int, record_id uuid, id text, app_id text, form_id text,
              node_id text, node_name jsonb, assignee text, assignee_id uuid, status text, signature boolean,
              created_at timestamptz, closed_at timestamptz)
        order by x.n
       on conflict (org_id, record_id, id) do update
         set status = excluded.status, closed_at = excluded.closed_at, seq = excluded.seq`,
      [orgId, JSON.stringify(tasks)],
    );
  }
  const people = flows.flatMap(({ ref, instance, directory }) =>
    [
      ...instance.tasks.map((t) => ({ name: t.assignee, reason: 'task' })),
      ...instance.notices.map((n) => ({ name: n.recipient, reason: 'cc' })),
    ].flatMap((p) => {
      const userId = directory.idOf(p.name);
      return userId ? [{ record_id: ref.recordId, user_id: userId, reason: p.reason }] : [];
    }),
  );
  if (people.length > 0) {
    await tx.query(
      `insert into record_participants (org_id, record_id, user_id, reason)
       select $1, x.record_id, x.user_id, x.reason
         from jsonb_to_recordset($2::jsonb) as x(record_id uuid, user_id uuid, reason text)
       on conflict do nothing`,
      [orgId, JSON.stringify(people)],
    );
  }
}
