import { type Message, message, type Workflow, type WorkflowNode } from '@gongfang/schema';
import type { Cursor } from './types.ts';

export const ROOT_LIST = '$root';

/** The workflow tree flattened into lookups by id: node lists by owner, nodes by id. */
export interface WorkflowIndex {
  lists: ReadonlyMap<string, readonly WorkflowNode[]>;
  nodes: ReadonlyMap<string, WorkflowNode>;
}

/**
 * Indexes the workflow, refusing duplicate node or branch ids: the instance stores positions by id,
 * so an ambiguous id would let one branch's state be resumed in another.
 */
export function indexWorkflow(workflow: Workflow): { ok: true; index: WorkflowIndex } | { ok: false; error: Message } {
  const lists = new Map<string, readonly WorkflowNode[]>();
  const nodes = new Map<string, WorkflowNode>();
  const seen = new Set<string>();
  let duplicate: string | undefined;
  const claim = (id: string) => {
    if (seen.has(id)) duplicate ??= id;
    seen.add(id);
  };
  const visit = (owner: string, list: readonly WorkflowNode[]) => {
    lists.set(owner, list);
    for (const node of list) {
      claim(node.id);
      nodes.set(node.id, node);
      if (node.type === 'condition') {
        for (const branch of [...node.branches, node.default]) {
          claim(branch.id);
          visit(branch.id, branch.nodes);
        }
      } else if (node.type === 'parallel') {
        for (const branch of node.branches) {
          claim(branch.id);
          visit(branch.id, branch.nodes);
        }
      }
    }
  };
  visit(ROOT_LIST, workflow.nodes);
  if (duplicate !== undefined) {
    return {
      ok: false,
      error: message(`节点或分支 ID 重复：${duplicate}`, `Duplicate node or branch id: ${duplicate}`),
    };
  }
  return { ok: true, index: { lists, nodes } };
}

/**
 * Whether a stored cursor still points at this workflow: every list exists and every waiting node
 * is the node at its index. False means the instance was started on another definition version.
 */
export function cursorFits(index: WorkflowIndex, cursor: Cursor): boolean {
  const node = index.lists.get(cursor.list)?.[cursor.index];
  const active = cursor.active;
  if (!active) return index.lists.has(cursor.list);
  if (node?.id !== active.nodeId || node.type !== active.type) return false;
  if (active.type === 'condition') return active.cursor.list === active.branchId && cursorFits(index, active.cursor);
  if (active.type === 'parallel') {
    return active.lanes.every(
      (l) => l.cursor === null || (l.cursor.list === l.branchId && cursorFits(index, l.cursor)),
    );
  }
  return true;
}
