import { type Message, message } from '../i18n.ts';
import type { CheckContext, FormInfo } from './context.ts';

/** Reports a role id that is not in the app's `roles`. */
export function checkRole(ctx: CheckContext, role: string, pointer: string): void {
  if (ctx.roles.has(role)) return;
  ctx.errors.add(
    pointer,
    'unknown-role',
    message(`角色「${role}」未在 roles 中定义`, `The role “${role}” is not defined in roles`),
  );
}

export function unknownField(ctx: CheckContext, id: string, pointer: string, form: FormInfo, subtable?: string): void {
  const where = subtable ? `${form.form.id}.${subtable}` : form.form.id;
  ctx.errors.add(
    pointer,
    'unknown-field',
    message(`表单「${where}」中没有字段「${id}」`, `The form “${where}” has no field “${id}”`),
  );
}

export function wrongKind(ctx: CheckContext, id: string, pointer: string, expected: Message): void {
  ctx.errors.add(
    pointer,
    'wrong-field-kind',
    message(`字段「${id}」应为${expected['zh-CN']}`, `The field “${id}” must be ${expected.en}`),
  );
}

/** A header field (or section) of the form: what permissions and node field access may name. */
export function checkHeaderField(ctx: CheckContext, form: FormInfo, id: string, pointer: string): void {
  const entry = form.fields.get(id);
  if (!entry || entry.parent) unknownField(ctx, id, pointer, form);
}
