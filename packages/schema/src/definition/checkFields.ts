import type { ColumnField, Field } from '../generated/types.ts';
import { message } from '../i18n.ts';
import type { CheckContext, FormInfo } from './context.ts';
import { checkExpr } from './expressionCheck.ts';
import type { FieldEntry } from './fields.ts';
import { checkRole, unknownField, wrongKind } from './refs.ts';

/** Field settings JSON Schema cannot relate to each other, and what fields point at. */
export function checkFields(ctx: CheckContext, info: FormInfo): void {
  for (const entry of info.entries) {
    const at = `${info.pointer}${entry.pointer}`;
    checkLimits(ctx, entry.field, at);
    checkDefault(ctx, info, entry, at);
    checkOptions(ctx, entry.field, at);
    const field = entry.field;
    if ((field.type === 'text' || field.type === 'barcode') && field.pattern !== undefined) {
      try {
        new RegExp(field.pattern, 'u');
      } catch {
        ctx.errors.add(
          `${at}/pattern`,
          'invalid-pattern',
          message(`正则表达式 ${field.pattern} 无法编译`, `The regular expression ${field.pattern} does not compile`),
        );
      }
    }
    if (field.type === 'member' || field.type === 'role') {
      field.roles?.forEach((r, i) => {
        checkRole(ctx, r, `${at}/roles/${i}`);
      });
    }
    if (field.type === 'reference') {
      const target = ctx.forms.get(field.form);
      if (!target) unknownForm(ctx, field.form, `${at}/form`);
      else {
        const shown = target.fields.get(field.displayField);
        if (!shown || shown.field.type === 'section')
          unknownField(ctx, field.displayField, `${at}/displayField`, target);
        if (field.filter) checkExpr(ctx.errors, field.filter, `${at}/filter`, target.header, 'boolean');
      }
    }
    if (field.type === 'subtable') checkSubtable(ctx, info, field, at);
  }
}

export function unknownForm(ctx: CheckContext, id: string, pointer: string): void {
  ctx.errors.add(pointer, 'unknown-form', message(`没有 id 为「${id}」的表单`, `There is no form with id “${id}”`));
}

function minMax(
  ctx: CheckContext,
  at: string,
  lo: number | undefined,
  hi: number | undefined,
  names: [string, string],
) {
  if (lo !== undefined && hi !== undefined && lo > hi) {
    ctx.errors.add(
      `${at}/${names[0]}`,
      'min-greater-than-max',
      message(
        `${names[0]}（${lo}）大于 ${names[1]}（${hi}）`,
        `${names[0]} (${lo}) is greater than ${names[1]} (${hi})`,
      ),
    );
  }
}

function checkLimits(ctx: CheckContext, field: Field | ColumnField, at: string): void {
  if (field.type === 'number') minMax(ctx, at, field.min, field.max, ['min', 'max']);
  if (field.type === 'text') minMax(ctx, at, field.minLength, field.maxLength, ['minLength', 'maxLength']);
  if (field.type === 'checkbox') minMax(ctx, at, field.minSelected, field.maxSelected, ['minSelected', 'maxSelected']);
  if (field.type === 'subtable') minMax(ctx, at, field.minRows, field.maxRows, ['minRows', 'maxRows']);
}

function checkOptions(ctx: CheckContext, field: Field | ColumnField, at: string): void {
  if (field.type !== 'select' && field.type !== 'radio' && field.type !== 'checkbox') return;
  if (field.options && field.optionsFrom) {
    ctx.errors.add(
      `${at}/optionsFrom`,
      'options-conflict',
      message('不能同时设置 options 和 optionsFrom', 'Set either options or optionsFrom, not both'),
    );
  } else if (!field.options && !field.optionsFrom) {
    ctx.errors.add(
      at,
      'missing-options',
      message('选择类字段需要 options 或 optionsFrom', 'A choice field needs options or optionsFrom'),
    );
  }
  const from = field.optionsFrom;
  if (!from) return;
  const target = ctx.forms.get(from.form);
  if (!target) {
    unknownForm(ctx, from.form, `${at}/optionsFrom/form`);
    return;
  }
  for (const key of ['valueField', 'labelField'] as const) {
    const f = target.fields.get(from[key]);
    if (!f || f.field.type === 'section') unknownField(ctx, from[key], `${at}/optionsFrom/${key}`, target);
  }
  if (from.filter) checkExpr(ctx.errors, from.filter, `${at}/optionsFrom/filter`, target.header, 'boolean');
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function checkDefault(ctx: CheckContext, info: FormInfo, entry: FieldEntry, at: string): void {
  const field = entry.field;
  if (field.type === 'section' || field.default === undefined) return;
  const value = field.default;
  if (typeof value === 'object' && !Array.isArray(value)) {
    checkExpr(ctx.errors, value.expr, `${at}/default/expr`, entry.parent ? info.row(entry.parent.id) : info.header);
    return;
  }
  const problem = defaultProblem(field, value);
  if (problem) ctx.errors.add(`${at}/default`, 'invalid-default', problem);
}

function defaultProblem(field: Exclude<Field | ColumnField, { type: 'section' }>, value: unknown) {
  const want = (zh: string, en: string) => message(`默认值应为${zh}`, `The default must be ${en}`);
  const multiple =
    field.type === 'checkbox' || ((field.type === 'select' || field.type === 'member') && field.multiple === true);
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? undefined : want('数字', 'a number');
    case 'date': {
      const mode = field.mode ?? 'date';
      const re = mode === 'date' ? DATE : mode === 'time' ? TIME : DATETIME;
      return typeof value === 'string' && re.test(value)
        ? undefined
        : want(
            `${mode} 格式的文本`,
            `text in ${mode} format (${mode === 'date' ? 'YYYY-MM-DD' : mode === 'time' ? 'HH:mm' : 'ISO 8601 with offset'})`,
          );
    }
    case 'text':
    case 'textarea':
    case 'barcode':
    case 'radio':
    case 'role':
    case 'reference':
    case 'select':
    case 'member':
    case 'checkbox': {
      if (multiple) {
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
          return want('文本列表', 'a list of texts');
      } else if (typeof value !== 'string') return want('文本', 'a text');
      if ('options' in field && field.options) {
        const allowed = new Set(field.options.map((o) => o.value));
        const bad = (Array.isArray(value) ? value : [value]).find((v) => !allowed.has(String(v)));
        if (bad !== undefined) {
          return message(`默认值「${bad}」不在选项中`, `The default “${bad}” is not one of the options`);
        }
      }
      return undefined;
    }
    default:
      return message(`${field.type} 类型的字段不能有字面默认值`, `A ${field.type} field cannot have a literal default`);
  }
}

function checkSubtable(ctx: CheckContext, info: FormInfo, field: Field & { type: 'subtable' }, at: string): void {
  const column = (id: string) => info.fields.get(`${field.id}.${id}`);
  field.totals?.forEach((id, i) => {
    const c = column(id);
    const p = `${at}/totals/${i}`;
    if (!c) unknownField(ctx, id, p, info, field.id);
    else if (
      !(c.field.type === 'number' || (c.field.type === 'formula' && (c.field.resultType ?? 'number') === 'number'))
    )
      wrongKind(ctx, id, p, message('数字或数字公式列', 'a number or number-formula column'));
  });
  if (field.scan) {
    const c = column(field.scan.field);
    if (!c) unknownField(ctx, field.scan.field, `${at}/scan/field`, info, field.id);
    else if (c.field.type !== 'barcode' && c.field.type !== 'text')
      wrongKind(ctx, field.scan.field, `${at}/scan/field`, message('条码或文本列', 'a barcode or text column'));
    const q = field.scan.quantityField;
    if (q !== undefined) {
      const qc = column(q);
      if (!qc) unknownField(ctx, q, `${at}/scan/quantityField`, info, field.id);
      else if (qc.field.type !== 'number')
        wrongKind(ctx, q, `${at}/scan/quantityField`, message('数字列', 'a number column'));
    }
  }
}
