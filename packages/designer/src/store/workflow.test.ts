import type { ApproverNode, ConditionNode } from '@gongfang/schema';
import { describe, expect, it } from 'vitest';
import { TestDesigner } from '../test/TestDesigner.ts';
import {
  addFlowBranch,
  addFlowNode,
  deleteFlowBranch,
  moveFlowBranch,
  setFlowRoleValue,
  setFlowValue,
  setSubmitRoles,
} from './flowCommands.ts';
import { setDocValue } from './viewCommands.ts';
import { findBranch, findNode, ROOT_LIST } from './workflow.ts';

const lead = { id: 'workshop_lead', name: { 'zh-CN': '车间主任', en: 'Workshop lead' } };

function flowApp() {
  const d = new TestDesigner();
  const key = d.add('number');
  d.setLabel(key, 'en', 'Total');
  d.stopMerging();
  return d;
}

describe('flow commands', () => {
  it('adds a condition with a default branch, nests an approver in it, and undoes step by step', () => {
    const d = flowApp();
    const before = d.snapshot();
    const cond = addFlowNode(d, ROOT_LIST, 0, 'condition')!;
    const node = findNode(d.form.workflow, cond)!.node as ConditionNode;
    expect(node.branches).toHaveLength(1);
    expect(node.default.nodes).toEqual([]);
    const branch = node.branches[0]!.id;
    const approver = addFlowNode(d, branch, 0, 'approver')!;
    setFlowRoleValue(d, approver, 'assignee', { kind: 'role', role: 'workshop_lead' }, lead);
    setFlowValue(d, branch, 'when', 'total > 100');
    expect(d.doc.roles.map((r) => r.id)).toContain('workshop_lead');
    expect((findNode(d.form.workflow, approver)!.node as ApproverNode).assignee).toEqual({
      kind: 'role',
      role: 'workshop_lead',
    });
    expect(d.state.problems).toEqual([]);
    for (let i = 0; i < 4; i++) d.undo();
    expect(d.doc).toEqual(before);
    d.redoAll();
    expect(findBranch(d.form.workflow, branch)!.branch).toMatchObject({ when: 'total > 100' });
  });

  it('marks an empty condition on its branch and a click on the problem selects it', () => {
    const d = flowApp();
    const cond = addFlowNode(d, ROOT_LIST, 0, 'condition')!;
    const branch = (findNode(d.form.workflow, cond)!.node as ConditionNode).branches[0]!.id;
    const problem = d.state.problems.find((p) => p.tab === 'flow')!;
    expect(problem.nodeId).toBe(branch);
    d.setUi({ flowSelection: null, tab: 'form' });
    d.goToProblem(problem);
    expect(d.state.ui).toMatchObject({ tab: 'flow', flowSelection: branch });
  });

  it('reorders and deletes branches; deleting the last condition branch removes the node', () => {
    const d = flowApp();
    const cond = addFlowNode(d, ROOT_LIST, 0, 'condition')!;
    const second = addFlowBranch(d, cond)!;
    expect(moveFlowBranch(d, second, -1)).toBe(true);
    const ids = () => (findNode(d.form.workflow, cond)?.node as ConditionNode | undefined)?.branches.map((b) => b.id);
    expect(ids()![0]).toBe(second);
    deleteFlowBranch(d, second);
    expect(ids()).toHaveLength(1);
    deleteFlowBranch(d, ids()![0]!);
    expect(findNode(d.form.workflow, cond)).toBeUndefined();
  });

  it('sets who may submit, declaring the roles', () => {
    const d = flowApp();
    setSubmitRoles(d, [{ id: 'operator', name: { 'zh-CN': '操作工', en: 'Operator' } }]);
    expect(d.form.permissions.submit).toEqual(['operator']);
    expect(d.doc.roles.map((r) => r.id)).toEqual(['staff', 'operator']);
  });
});

describe('view commands', () => {
  it('sets by path and removes optional lists left empty', () => {
    const d = flowApp();
    setDocValue(d, ['views', 0], {
      id: 'v',
      type: 'list',
      name: { 'zh-CN': 'v', en: 'v' },
      form: 'form_1',
      columns: ['total'],
    });
    setDocValue(d, ['views', 0, 'search', 0], 'total');
    expect(d.doc.views![0]).toMatchObject({ search: ['total'] });
    setDocValue(d, ['views', 0, 'search', 0], undefined);
    expect(d.doc.views![0]).not.toHaveProperty('search');
    expect(d.state.problems).toEqual([]);
  });
});
