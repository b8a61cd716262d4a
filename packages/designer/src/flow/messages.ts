import type { Lang } from '@gongfang/schema';
import { useMemo } from 'react';
import { useLang } from '../ui/DesignerContext.tsx';

/** The flow designer's words in both UI languages. */
export const FLOW_MESSAGES = {
  flowCanvas: { 'zh-CN': '审批流程', en: 'Approval flow' },
  nodeSettings: { 'zh-CN': '节点设置', en: 'Step settings' },
  initiator: { 'zh-CN': '发起人', en: 'Initiator' },
  initiatorWho: { 'zh-CN': '可提交的角色：{roles}', en: 'Who may submit: {roles}' },
  nobody: { 'zh-CN': '未设置', en: 'not set' },
  endOfFlow: { 'zh-CN': '流程结束', en: 'End of flow' },
  addStep: { 'zh-CN': '在此添加步骤', en: 'Add a step here' },
  kind_approver: { 'zh-CN': '审批人', en: 'Approver' },
  kind_cc: { 'zh-CN': '抄送人', en: 'CC' },
  kind_condition: { 'zh-CN': '条件分支', en: 'Condition branch' },
  kind_parallel: { 'zh-CN': '并行分支', en: 'Parallel branch' },
  kind_end: { 'zh-CN': '结束', en: 'End' },
  kind_branch: { 'zh-CN': '分支', en: 'Branch' },
  addCondition: { 'zh-CN': '添加条件', en: 'Add condition' },
  addBranch: { 'zh-CN': '添加分支', en: 'Add branch' },
  deleteStep: { 'zh-CN': '删除 {name}', en: 'Delete {name}' },
  moveLeft: { 'zh-CN': '{name} 提前', en: 'Move {name} earlier' },
  moveRight: { 'zh-CN': '{name} 延后', en: 'Move {name} later' },
  priority: { 'zh-CN': '优先级 {n}', en: 'Priority {n}' },
  defaultBranch: { 'zh-CN': '其他条件进入此流程', en: 'Taken when no condition holds' },
  noCondition: { 'zh-CN': '请设置条件', en: 'Set a condition' },
  hasProblems: { 'zh-CN': '有 {n} 个问题', en: '{n} problem(s)' },
  name: { 'zh-CN': '名称', en: 'Name' },
  assignee: { 'zh-CN': '审批人', en: 'Assignee' },
  recipients: { 'zh-CN': '抄送给', en: 'Send to' },
  who_users: { 'zh-CN': '指定成员', en: 'Named users' },
  who_role: { 'zh-CN': '角色', en: 'Role' },
  who_initiatorLead: { 'zh-CN': '发起人的主管', en: "Initiator's lead" },
  who_field: { 'zh-CN': '表单内成员字段', en: 'Member field of the form' },
  whoKind: { 'zh-CN': '选择方式', en: 'Chosen by' },
  users: { 'zh-CN': '用户名（逗号分隔）', en: 'User names (comma separated)' },
  role: { 'zh-CN': '角色', en: 'Role' },
  otherRole: { 'zh-CN': '其他角色 id', en: 'Other role id' },
  pickRole: { 'zh-CN': '选择角色', en: 'Pick a role' },
  leadLevel: { 'zh-CN': '主管层级', en: 'Lead level' },
  levelN: { 'zh-CN': '第 {n} 级主管', en: 'Level {n} lead' },
  memberField: { 'zh-CN': '成员字段', en: 'Member field' },
  noMemberField: { 'zh-CN': '表单中还没有成员字段', en: 'The form has no member field yet' },
  mode: { 'zh-CN': '多人审批时', en: 'With several approvers' },
  mode_any: { 'zh-CN': '或签（一人同意即可）', en: 'Any one (或签)' },
  mode_all: { 'zh-CN': '会签（需所有人同意）', en: 'All must approve (会签)' },
  mode_sequential: { 'zh-CN': '依次审批（按顺序）', en: 'One after another (依次)' },
  fallbackRole: { 'zh-CN': '找不到审批人时交给', en: 'When nobody is found, give it to' },
  autoApprove: { 'zh-CN': '自动通过', en: 'Approve automatically' },
  signature: { 'zh-CN': '审批时需要手写签名', en: 'Signature required to approve' },
  commentRequired: { 'zh-CN': '审批意见', en: 'Comment required' },
  comment_never: { 'zh-CN': '不要求', en: 'Never' },
  comment_onReject: { 'zh-CN': '驳回或退回时必填', en: 'When rejecting or returning' },
  comment_always: { 'zh-CN': '总是必填', en: 'Always' },
  allowReturn: { 'zh-CN': '允许退回发起人修改', en: 'May return the record to the initiator' },
  fieldAccess: { 'zh-CN': '字段权限', en: 'Field access' },
  access_read: { 'zh-CN': '只读', en: 'Read only' },
  access_edit: { 'zh-CN': '可编辑', en: 'Editable' },
  access_hidden: { 'zh-CN': '隐藏', en: 'Hidden' },
  noFields: { 'zh-CN': '表单还没有字段', en: 'The form has no fields yet' },
  outcome: { 'zh-CN': '结束结果', en: 'Outcome' },
  outcome_approved: { 'zh-CN': '通过', en: 'Approved' },
  outcome_rejected: { 'zh-CN': '驳回', en: 'Rejected' },
  condition: { 'zh-CN': '条件', en: 'Condition' },
  conditionMode: { 'zh-CN': '设置方式', en: 'How to set it' },
  builder: { 'zh-CN': '按字段设置', en: 'From form fields' },
  typed: { 'zh-CN': '输入表达式', en: 'Type an expression' },
  join: { 'zh-CN': '组合方式', en: 'Combine with' },
  join_AND: { 'zh-CN': '且（全部满足）', en: 'AND (all hold)' },
  join_OR: { 'zh-CN': '或（任一满足）', en: 'OR (any holds)' },
  rowField: { 'zh-CN': '条件 {n} 字段', en: 'Condition {n} field' },
  rowOp: { 'zh-CN': '条件 {n} 比较', en: 'Condition {n} operator' },
  rowValue: { 'zh-CN': '条件 {n} 值', en: 'Condition {n} value' },
  removeRow: { 'zh-CN': '删除条件 {n}', en: 'Remove condition {n}' },
  addRow: { 'zh-CN': '添加一行条件', en: 'Add a condition row' },
  chooseField: { 'zh-CN': '选择字段', en: 'Choose a field' },
  generated: { 'zh-CN': '生成的表达式', en: 'Generated expression' },
  cannotBuild: {
    'zh-CN': '这个表达式无法用字段行表示，请直接编辑表达式',
    en: 'This expression cannot be shown as field rows; edit it as an expression',
  },
  branches: { 'zh-CN': '分支（按优先级）', en: 'Branches (by priority)' },
  flowSettings: { 'zh-CN': '流程设置', en: 'Flow settings' },
  onResubmit: { 'zh-CN': '退回后重新提交时', en: 'When a returned record is resubmitted' },
  resubmit_restart: { 'zh-CN': '从头重新审批', en: 'Run every step again' },
  resubmit_skipApproved: { 'zh-CN': '跳过已通过的审批', en: 'Skip steps already approved' },
  flowHint: {
    'zh-CN': '点击流程中的节点进行设置；点击“+”添加审批人、抄送人或分支。',
    en: 'Click a step to set it up; click “+” to add an approver, a CC or branches.',
  },
  whoMaySubmit: { 'zh-CN': '谁可以提交', en: 'Who may submit' },
  noWorkflow: {
    'zh-CN': '还没有审批流程：提交后直接完成。点击“+”添加第一个审批人。',
    en: 'No approval flow yet: records are done when submitted. Click “+” to add the first approver.',
  },
  previewTitle: { 'zh-CN': '谁来审批（示例数据）', en: 'Who approves (sample data)' },
} as const satisfies Record<string, Record<Lang, string>>;

export type FlowMessageKey = keyof typeof FLOW_MESSAGES;

/** `t(key, vars)` over a message table, in the designer's language. */
export function makeT<K extends string>(table: Record<K, Record<Lang, string>>, lang: Lang) {
  return (key: K, vars?: Record<string, string | number>): string => {
    let text: string = table[key][lang];
    if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}

export function useFlowT() {
  const lang = useLang();
  return useMemo(() => makeT(FLOW_MESSAGES, lang), [lang]);
}
