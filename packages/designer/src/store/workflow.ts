// The approval flow as the designer edits it: recipes over a form's `workflow` (called inside an
// immer draft by flowCommands.ts), and where a node or branch sits. Node and branch ids are unique
// in the workflow, so a node list is named by the branch that owns it, or `ROOT_LIST`.
import type {
  ConditionBranch,
  ConditionNode,
  DefaultBranch,
  Form,
  LocalizedText,
  ParallelBranch,
  ParallelNode,
  Workflow,
  WorkflowNode,
} from '@gongfang/schema';
import { uniqueId } from './ids.ts';

export type NodeKind = WorkflowNode['type'];
export type AnyBranch = ConditionBranch | DefaultBranch | ParallelBranch;
export const NODE_KINDS: readonly NodeKind[] = ['approver', 'cc', 'condition', 'parallel', 'end'];
/** The workflow's own node list. */
export const ROOT_LIST = '$root';

export interface NodeAt {
  node: WorkflowNode;
  list: WorkflowNode[];
  index: number;
  /** The list's name: `ROOT_LIST` or the owning branch's id. */
  listId: string;
}

export interface BranchAt {
  owner: ConditionNode | ParallelNode;
  branch: AnyBranch;
  /** Index among `owner.branches`, or `default`. */
  index: number | 'default';
}

function branchesOf(node: WorkflowNode): { branch: AnyBranch; index: number | 'default' }[] {
  if (node.type === 'condition') {
    return [...node.branches.map((branch, index) => ({ branch, index })), { branch: node.default, index: 'default' }];
  }
  if (node.type === 'parallel') return node.branches.map((branch, index) => ({ branch, index }));
  return [];
}

/** Every node, depth first in the order the flow draws them. */
export function walkNodes(wf: Workflow | undefined): NodeAt[] {
  const out: NodeAt[] = [];
  const visit = (list: WorkflowNode[], listId: string) => {
    list.forEach((node, index) => {
      out.push({ node, list, index, listId });
      for (const { branch } of branchesOf(node)) visit(branch.nodes as WorkflowNode[], branch.id);
    });
  };
  if (wf) visit(wf.nodes as WorkflowNode[], ROOT_LIST);
  return out;
}

export function walkBranches(wf: Workflow | undefined): BranchAt[] {
  const out: BranchAt[] = [];
  for (const { node } of walkNodes(wf)) {
    if (node.type === 'condition' || node.type === 'parallel') {
      for (const { branch, index } of branchesOf(node)) out.push({ owner: node, branch, index });
    }
  }
  return out;
}

export function flowIds(wf: Workflow | undefined): Set<string> {
  const ids = new Set<string>();
  for (const { node } of walkNodes(wf)) ids.add(node.id);
  for (const { branch } of walkBranches(wf)) ids.add(branch.id);
  return ids;
}

export function findNode(wf: Workflow | undefined, id: string): NodeAt | undefined {
  return walkNodes(wf).find((e) => e.node.id === id);
}

export function findBranch(wf: Workflow | undefined, id: string): BranchAt | undefined {
  return walkBranches(wf).find((e) => e.branch.id === id);
}

function listById(wf: Workflow, listId: string): WorkflowNode[] | undefined {
  if (listId === ROOT_LIST) return wf.nodes as WorkflowNode[];
  return findBranch(wf, listId)?.branch.nodes as WorkflowNode[] | undefined;
}

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** A new node as the "+" menu adds it: sensible defaults, an empty condition to fill in. */
export function newNode(kind: NodeKind, taken: Set<string>): WorkflowNode {
  const id = uniqueId(kind === 'approver' ? 'approve' : kind, taken);
  taken.add(id);
  const branch = (base: string, name: LocalizedText) => {
    const bid = uniqueId(base, taken);
    taken.add(bid);
    return { id: bid, name, nodes: [] };
  };
  switch (kind) {
    case 'approver':
      return { id, type: 'approver', name: t('审批人', 'Approver'), assignee: { kind: 'initiatorLead', level: 1 } };
    case 'cc':
      return { id, type: 'cc', name: t('抄送人', 'CC'), recipients: { kind: 'initiatorLead', level: 1 } };
    case 'condition':
      return {
        id,
        type: 'condition',
        name: t('条件分支', 'Condition'),
        branches: [{ ...branch('branch', t('条件 1', 'Condition 1')), when: '' }],
        default: branch('otherwise', t('其他情况', 'Other cases')),
      };
    case 'parallel':
      return {
        id,
        type: 'parallel',
        name: t('并行分支', 'Parallel'),
        branches: [branch('lane', t('分支 1', 'Branch 1')), branch('lane', t('分支 2', 'Branch 2'))],
      };
    case 'end':
      return { id, type: 'end', name: t('结束', 'End'), outcome: 'approved' };
  }
}

export function ensureWorkflow(form: Form): Workflow {
  form.workflow ??= { nodes: [] };
  return form.workflow;
}

/** Inserts a new node into a list; returns its id (undefined when the list is unknown). */
export function insertNode(form: Form, listId: string, index: number, kind: NodeKind): string | undefined {
  const wf = ensureWorkflow(form);
  const list = listById(wf, listId);
  if (!list) return undefined;
  const node = newNode(kind, flowIds(wf));
  list.splice(Math.max(0, Math.min(index, list.length)), 0, node);
  return node.id;
}

export function deleteNode(form: Form, id: string): boolean {
  const at = findNode(form.workflow, id);
  if (!at) return false;
  at.list.splice(at.index, 1);
  return true;
}

/** Adds a branch: a condition's goes before the default one; returns its id. */
export function addBranch(form: Form, nodeId: string): string | undefined {
  const wf = form.workflow;
  const node = findNode(wf, nodeId)?.node;
  if (!wf || !node || (node.type !== 'condition' && node.type !== 'parallel')) return undefined;
  const taken = flowIds(wf);
  const n = node.branches.length + 1;
  if (node.type === 'condition') {
    const id = uniqueId('branch', taken);
    node.branches.push({ id, name: t(`条件 ${n}`, `Condition ${n}`), when: '', nodes: [] });
    return id;
  }
  const id = uniqueId('lane', taken);
  node.branches.push({ id, name: t(`分支 ${n}`, `Branch ${n}`), nodes: [] });
  return id;
}

/** Deletes a branch; when too few would remain (one condition, two parallel) the whole node goes. */
export function deleteBranch(form: Form, branchId: string): 'branch' | 'node' | undefined {
  const at = findBranch(form.workflow, branchId);
  if (!at || at.index === 'default') return undefined;
  const min = at.owner.type === 'condition' ? 1 : 2;
  if (at.owner.branches.length <= min) {
    deleteNode(form, at.owner.id);
    return 'node';
  }
  at.owner.branches.splice(at.index, 1);
  return 'branch';
}

/** Moves a branch earlier (-1) or later (+1); a condition's order is its priority. */
export function moveBranch(form: Form, branchId: string, delta: number): boolean {
  const at = findBranch(form.workflow, branchId);
  if (!at || at.index === 'default') return false;
  const to = at.index + delta;
  const list = at.owner.branches as AnyBranch[];
  if (to < 0 || to >= list.length) return false;
  const [moved] = list.splice(at.index, 1);
  list.splice(to, 0, moved!);
  return true;
}

/** Sets (or with undefined, removes) a property of a node or branch, found by id. */
export function setFlowProp(form: Form, id: string, prop: string, value: unknown): boolean {
  const target = (findNode(form.workflow, id)?.node ?? findBranch(form.workflow, id)?.branch) as
    | Record<string, unknown>
    | undefined;
  if (!target) return false;
  if (value === undefined) delete target[prop];
  else target[prop] = value;
  return true;
}

/** The node (and branch) a JSON pointer inside `/forms/i/workflow` is about. */
export function locateInFlow(form: Form, seg: readonly string[]): { nodeId?: string; branchId?: string } {
  let list: WorkflowNode[] | undefined = form.workflow?.nodes as WorkflowNode[] | undefined;
  let nodeId: string | undefined;
  let branchId: string | undefined;
  let i = 0;
  while (list && seg[i] === 'nodes' && seg[i + 1] !== undefined) {
    const node: WorkflowNode | undefined = list[Number(seg[i + 1])];
    if (!node) break;
    nodeId = node.id;
    branchId = undefined;
    i += 2;
    list = undefined;
    if (node.type === 'condition' && seg[i] === 'default') {
      branchId = node.default.id;
      list = node.default.nodes as WorkflowNode[];
      i += 1;
    } else if ((node.type === 'condition' || node.type === 'parallel') && seg[i] === 'branches') {
      const branch: AnyBranch | undefined = node.branches[Number(seg[i + 1])];
      if (!branch) break;
      branchId = branch.id;
      list = branch.nodes as WorkflowNode[];
      i += 2;
    }
  }
  return { ...(nodeId ? { nodeId } : {}), ...(branchId ? { branchId } : {}) };
}
