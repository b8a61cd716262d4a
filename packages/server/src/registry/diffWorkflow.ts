import { type DiffList, nameOf } from './diffTypes.ts';
import { asArray, asObject, asString, type JsonObject, jsonEqual } from './json.ts';

interface PlacedNode {
  /** The node without the nodes of its branches (those are compared on their own, by id). */
  node: JsonObject;
  pointer: string;
  /** `$root` or the id of the branch whose list holds the node. */
  list: string;
}

/** A branch as compared: its condition and name, not its nodes. */
function shallowBranch(raw: unknown): unknown {
  const branch = asObject(raw);
  if (!branch) return raw;
  const { nodes: _nodes, ...rest } = branch;
  return rest;
}

function placeNodes(workflow: JsonObject | undefined, pointer: string): Map<string, PlacedNode> {
  const out = new Map<string, PlacedNode>();
  const visit = (nodes: unknown[], at: string, list: string): void => {
    nodes.forEach((raw, i) => {
      const node = asObject(raw);
      const id = asString(node?.id);
      if (!node || id === undefined) return;
      const here = `${at}/${i}`;
      const shallow: JsonObject = { ...node };
      if (Array.isArray(node.branches)) shallow.branches = node.branches.map(shallowBranch);
      if (node.default !== undefined) shallow.default = shallowBranch(node.default);
      if (!out.has(id)) out.set(id, { node: shallow, pointer: here, list });
      asArray(node.branches).forEach((b, j) => {
        const branch = asObject(b);
        visit(asArray(branch?.nodes), `${here}/branches/${j}/nodes`, asString(branch?.id) ?? `${id}#${j}`);
      });
      const fallback = asObject(node.default);
      if (fallback) visit(asArray(fallback.nodes), `${here}/default/nodes`, asString(fallback.id) ?? `${id}#default`);
    });
  };
  if (workflow) visit(asArray(workflow.nodes), `${pointer}/nodes`, '$root');
  return out;
}

function nodeName(node: JsonObject): { zh: string; en: string } {
  return nameOf({ id: node.id, name: node.name });
}

/** Workflow added or removed, its settings, and its nodes by id (added, removed, changed, moved). */
export function diffWorkflow(
  list: DiffList,
  formId: string,
  before: unknown,
  after: unknown,
  beforePointer: string,
  afterPointer: string,
): void {
  const a = asObject(before);
  const b = asObject(after);
  const path = `${formId}.workflow`;
  if (!a && !b) return;
  if (!a || !b) {
    list.add(
      a ? 'workflow.removed' : 'workflow.added',
      path,
      a ? beforePointer : afterPointer,
      a,
      b,
      a ? `表单「${formId}」删除了审批流` : `表单「${formId}」新增审批流`,
      a ? `Approval flow of "${formId}" removed` : `Approval flow added to "${formId}"`,
    );
    return;
  }
  for (const prop of ['onResubmit', 'initiatorFieldAccess']) {
    if (jsonEqual(a[prop], b[prop])) continue;
    list.add(
      'workflow.changed',
      `${path}.${prop}`,
      `${afterPointer}/${prop}`,
      a[prop],
      b[prop],
      `表单「${formId}」审批流的 ${prop} 已修改`,
      `Approval flow of "${formId}": ${prop} changed`,
    );
  }
  const na = placeNodes(a, beforePointer);
  const nb = placeNodes(b, afterPointer);
  for (const [id, placed] of nb) {
    const old = na.get(id);
    const n = nodeName(placed.node);
    if (!old) {
      list.add(
        'node.added',
        `${path}.${id}`,
        placed.pointer,
        undefined,
        placed.node,
        `新增审批节点「${n.zh}」（${asString(placed.node.type) ?? '?'}）`,
        `Flow node "${n.en}" (${asString(placed.node.type) ?? '?'}) added`,
      );
      continue;
    }
    if (old.list !== placed.list) {
      list.add(
        'node.moved',
        `${path}.${id}`,
        placed.pointer,
        old.list,
        placed.list,
        `审批节点「${n.zh}」移到分支「${placed.list}」`,
        `Flow node "${n.en}" moved to branch "${placed.list}"`,
      );
    }
    if (!jsonEqual(old.node, placed.node)) {
      list.add(
        'node.changed',
        `${path}.${id}`,
        placed.pointer,
        old.node,
        placed.node,
        `审批节点「${n.zh}」已修改`,
        `Flow node "${n.en}" changed`,
      );
    }
  }
  for (const [id, placed] of na) {
    if (nb.has(id)) continue;
    const n = nodeName(placed.node);
    list.add(
      'node.removed',
      `${path}.${id}`,
      placed.pointer,
      placed.node,
      undefined,
      `删除审批节点「${n.zh}」`,
      `Flow node "${n.en}" removed`,
    );
  }
}
