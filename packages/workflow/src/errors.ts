import { type Message, message } from '@gongfang/schema';
import type { FlowError, FlowErrorCode } from './types.ts';

// One table, so every code has both languages and the server can list them for the API docs.
export const FLOW_ERROR_MESSAGES: Readonly<Record<FlowErrorCode, Message>> = {
  'definition-invalid': message('审批流定义无效', 'The approval flow definition is invalid'),
  'definition-mismatch': message(
    '审批流定义与该记录的流程不一致',
    "The approval flow definition does not match this record's flow",
  ),
  'initiator-missing': message('缺少发起人', 'The initiator is missing'),
  'instance-invalid': message('审批流程数据的格式无法识别', 'The stored approval flow has an unknown format'),
  'flow-finished': message('审批已结束，不能再操作', 'The approval has finished; no more actions are possible'),
  'flow-not-running': message('审批当前不在进行中', 'The approval is not in progress'),
  'flow-not-returned': message('只有被退回的记录才能重新提交', 'Only a returned record can be resubmitted'),
  'not-initiator': message('只有发起人可以执行此操作', 'Only the initiator can do this'),
  'already-acted': message('已有审批人处理，不能撤回', 'An approver has already acted; it can no longer be withdrawn'),
  'task-not-found': message('找不到该审批任务', 'The approval task was not found'),
  'not-assignee': message('您不是该任务的当前审批人', 'You are not the current assignee of this task'),
  'task-closed': message('该任务已处理过', 'This task has already been handled'),
  'signature-required': message('此步骤需要签名才能同意', 'This step needs your signature to approve'),
  'comment-required': message('请填写审批意见', 'Please enter a comment'),
  'return-not-allowed': message('此步骤不允许退回', 'This step does not allow returning the record'),
  'not-participant': message('只有发起人和审批人可以评论', 'Only the initiator and the approvers can comment'),
};

export function flowError(code: FlowErrorCode, detail?: Message): { ok: false; error: FlowError } {
  const base = FLOW_ERROR_MESSAGES[code];
  const text = detail ? message(`${base['zh-CN']}：${detail['zh-CN']}`, `${base.en}: ${detail.en}`) : base;
  return { ok: false, error: { code, message: text } };
}
