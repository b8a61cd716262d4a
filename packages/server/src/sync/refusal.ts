import type { FieldProblem } from '@gongfang/schema';
import { type Message, message } from '@gongfang/schema';

/**
 * A mutation the server refuses for a reason the user must see. Thrown inside the mutation's
 * transaction, so nothing it wrote survives; the refusal itself is then stored as the mutation's
 * answer (a retry gets the same answer).
 */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly localized: Message,
    readonly problems?: FieldProblem[],
  ) {
    super(localized.en);
  }
}

const MESSAGES = {
  'unknown-version': message('该应用版本不存在', 'This app version does not exist'),
  'unknown-form': message('该应用版本中没有这个表单', 'This app version has no such form'),
  forbidden: message('您的角色无权执行此操作', 'Your role is not allowed to do this'),
  'invalid-record': message('记录内容不符合表单要求', 'The record does not match its form'),
  'missing-attachment': message('记录引用的附件尚未上传', 'The record names an attachment that has not been uploaded'),
  'not-found': message('找不到该记录', 'The record was not found'),
  'record-exists': message('已存在相同编号的记录', 'A record with this id already exists'),
  'version-mismatch': message(
    '修改必须使用记录填写时的应用版本',
    'An edit must use the app version the record was filled with',
  ),
  'edit-not-allowed': message('此记录不允许再修改', 'This record can no longer be edited'),
  'field-not-editable': message('您不能修改这些字段', 'You may not change these fields'),
  'no-workflow': message('此记录没有审批流程', 'This record has no approval flow'),
} as const satisfies Record<string, Message>;

/** `forbidden`, with why: the actor never signed in on the pushing device. */
export const ACTOR_NOT_ALLOWED = message(
  '该用户未在此设备上登录过，不能代其提交',
  'This user has not signed in on this enrolled device; their work cannot be pushed from it',
);

export type RefusalCode = keyof typeof MESSAGES;

export function refuse(code: RefusalCode, problems?: FieldProblem[]): Refusal {
  return new Refusal(code, MESSAGES[code], problems);
}
