// The flow designer's commands: each one user edit of the open form's workflow (one undo step;
// typing into one property folds into one step by its merge key).
import type { Form, LocalizedText, Role } from '@gongfang/schema';
import type { Designer } from './Designer.ts';
import {
  addBranch,
  deleteBranch,
  deleteNode,
  ensureWorkflow,
  insertNode,
  moveBranch,
  type NodeKind,
  setFlowProp,
} from './workflow.ts';

export function addFlowNode(d: Designer, listId: string, index: number, kind: NodeKind): string | undefined {
  const id = d.editForm((f) => insertNode(f, listId, index, kind));
  if (id) d.setUi({ flowSelection: id });
  return id;
}

export function deleteFlowNode(d: Designer, id: string): void {
  d.editForm((f) => deleteNode(f, id));
  if (d.state.ui.flowSelection === id) d.setUi({ flowSelection: null });
}

export function addFlowBranch(d: Designer, nodeId: string): string | undefined {
  const id = d.editForm((f) => addBranch(f, nodeId));
  if (id) d.setUi({ flowSelection: id });
  return id;
}

export function deleteFlowBranch(d: Designer, branchId: string): void {
  d.editForm((f) => deleteBranch(f, branchId));
  d.setUi({ flowSelection: null });
}

export function moveFlowBranch(d: Designer, branchId: string, delta: number): boolean {
  return d.editForm((f) => moveBranch(f, branchId, delta));
}

/** Sets a property of a node or branch; a burst of typing into it is one undo step. */
export function setFlowValue(d: Designer, id: string, prop: string, value: unknown): void {
  d.editForm((f) => setFlowProp(f, id, prop, value), `flow:${id}:${prop}`);
}

export function setFlowName(d: Designer, id: string, lang: keyof LocalizedText, text: string, current?: LocalizedText) {
  setFlowValue(d, id, 'name', { ...current, [lang]: text });
}

/** The workflow's own settings (`onResubmit`); creates the workflow when the form has none. */
export function setWorkflowProp(d: Designer, prop: 'onResubmit', value: unknown): void {
  d.editForm((f: Form) => {
    const wf = ensureWorkflow(f) as unknown as Record<string, unknown>;
    if (value === undefined) delete wf[prop];
    else wf[prop] = value;
  }, `flow:$wf:${prop}`);
}

/** Makes sure the app declares a role (an assignee or a permission names it); no-op when it does. */
export function declareRoleIn(doc: { roles?: Role[] }, role: Role): void {
  doc.roles ??= [];
  if (!doc.roles.some((r) => r.id === role.id)) doc.roles.push(structuredClone(role));
}

/** Who may submit (start) the open form: the initiator node's setting. Declares the roles too. */
export function setSubmitRoles(d: Designer, roles: readonly Role[]): void {
  const index = d.state.ui.formIndex;
  d.update((doc) => {
    for (const r of roles) declareRoleIn(doc, r);
    const form = doc.forms[index];
    if (form) form.permissions.submit = roles.map((r) => r.id);
  });
}

/** Sets an assignee naming a role, declaring the role in the app in the same undo step. */
export function setFlowRoleValue(d: Designer, id: string, prop: string, value: unknown, role?: Role): void {
  const index = d.state.ui.formIndex;
  d.update((doc) => {
    if (role) declareRoleIn(doc, role);
    const form = doc.forms[index];
    if (form) setFlowProp(form as Form, id, prop, value);
  });
}
