import type { Assignee, NodeFieldAccess, WorkflowNode } from '../generated/types.ts';
import { message } from '../i18n.ts';
import type { CheckContext, FormInfo } from './context.ts';
import { checkExpr } from './expressionCheck.ts';
import { checkHeaderField, checkRole, unknownField, wrongKind } from './refs.ts';

/** Roles, fields and conditions of a form's approval flow, and steps that can never run. */
export function checkWorkflow(ctx: CheckContext, info: FormInfo): void {
  const wf = info.form.workflow;
  if (!wf) return;
  const at = `${info.pointer}/workflow`;
  if (wf.initiatorFieldAccess) checkFieldAccess(ctx, info, wf.initiatorFieldAccess, `${at}/initiatorFieldAccess`);
  checkNodes(ctx, info, wf.nodes, `${at}/nodes`);
}

function unreachable(ctx: CheckContext, pointer: string, why: { zh: string; en: string }): void {
  ctx.errors.add(
    pointer,
    'unreachable-node',
    message(`这一步永远不会执行：${why.zh}`, `This step can never run: ${why.en}`),
  );
}

function checkNodes(ctx: CheckContext, info: FormInfo, nodes: readonly WorkflowNode[], pointer: string): void {
  // report only the first step after `end`: the rest follow from the same mistake
  let afterEnd: 'no' | 'yes' | 'reported' = 'no';
  nodes.forEach((node, i) => {
    const at = `${pointer}/${i}`;
    if (afterEnd === 'yes') {
      unreachable(ctx, at, { zh: '它在结束节点之后', en: 'it comes after an end node' });
      afterEnd = 'reported';
    }
    switch (node.type) {
      case 'approver':
        checkAssignee(ctx, info, node.assignee, `${at}/assignee`);
        if (node.fallbackRole) checkRole(ctx, node.fallbackRole, `${at}/fallbackRole`);
        if (node.fieldAccess) checkFieldAccess(ctx, info, node.fieldAccess, `${at}/fieldAccess`);
        break;
      case 'cc':
        checkAssignee(ctx, info, node.recipients, `${at}/recipients`);
        if (node.fieldAccess) checkFieldAccess(ctx, info, node.fieldAccess, `${at}/fieldAccess`);
        break;
      case 'condition': {
        let alwaysTaken = false;
        node.branches.forEach((branch, j) => {
          const bat = `${at}/branches/${j}`;
          const compiled = checkExpr(ctx.errors, branch.when, `${bat}/when`, info.header, 'boolean');
          const literal = compiled?.ast.kind === 'boolean' ? compiled.ast.value : undefined;
          if (alwaysTaken) {
            unreachable(ctx, bat, {
              zh: '前面的分支条件恒为 TRUE',
              en: 'an earlier branch’s condition is always TRUE',
            });
          } else if (literal === false) {
            unreachable(ctx, bat, { zh: '它的条件恒为 FALSE', en: 'its condition is always FALSE' });
          }
          if (literal === true) alwaysTaken = true;
          checkNodes(ctx, info, branch.nodes, `${bat}/nodes`);
        });
        checkNodes(ctx, info, node.default.nodes, `${at}/default/nodes`);
        break;
      }
      case 'parallel':
        node.branches.forEach((branch, j) => {
          checkNodes(ctx, info, branch.nodes, `${at}/branches/${j}/nodes`);
        });
        break;
      case 'end':
        if (afterEnd === 'no') afterEnd = 'yes';
        break;
    }
  });
}

function checkAssignee(ctx: CheckContext, info: FormInfo, assignee: Assignee, at: string): void {
  if (assignee.kind === 'role') checkRole(ctx, assignee.role, `${at}/role`);
  if (assignee.kind === 'users' && assignee.users.every((u) => u.trim() === '')) {
    ctx.errors.add(
      `${at}/users`,
      'empty-assignee',
      message('审批人名单为空：至少要有一个用户名', 'The list of users is empty: name at least one user'),
    );
  }
  if (assignee.kind === 'field') {
    const entry = info.fields.get(assignee.field);
    if (!entry || entry.parent) unknownField(ctx, assignee.field, `${at}/field`, info);
    else if (entry.field.type !== 'member')
      wrongKind(ctx, assignee.field, `${at}/field`, message('成员字段', 'a member field'));
  }
}

function checkFieldAccess(ctx: CheckContext, info: FormInfo, access: NodeFieldAccess, at: string): void {
  access.editable?.forEach((f, i) => {
    checkHeaderField(ctx, info, f, `${at}/editable/${i}`);
  });
  access.hidden?.forEach((f, i) => {
    checkHeaderField(ctx, info, f, `${at}/hidden/${i}`);
  });
}
