import { escapeSegment } from '../definition/errors.ts';
import type { AppDefinition, Form } from '../generated/types.ts';
import { message } from '../i18n.ts';
import { about, inRow } from './label.ts';
import { type CompiledField, planForm } from './plan.ts';
import { isBlank, RecordScope } from './scope.ts';
import type { FieldError, RecordCheckContext, RecordResult, RecordValidator } from './types.ts';

/**
 * Compiles a form once into per-field check closures and returns a validator for its record data.
 * The same validator runs on the tablet and on the server (which never trusts the client).
 * Formula values in the data are ignored: callers recompute them.
 */
export function compileRecordValidator(form: Form, options?: { app?: AppDefinition }): RecordValidator {
  const fields = planForm(form, options?.app);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const scope = new RecordScope(byKey);

  return (data: unknown, ctx?: RecordCheckContext): RecordResult => {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return {
        ok: false,
        errors: [
          {
            pointer: '',
            field: '',
            code: 'not-an-object',
            message: message('记录数据必须是对象', 'Record data must be an object'),
          },
        ],
      };
    }
    const record = data as Record<string, unknown>;
    const errors: FieldError[] = [];
    const submit = ctx?.mode !== 'draft';
    scope.reset(record, ctx?.user, ctx?.now);
    let known = 0;
    for (const field of fields) {
      const value = read(record, field);
      if (value !== undefined) known++;
      checkField(field, value, '', undefined, submit, scope, errors);
    }
    // As for rows: look for unknown keys only when the key count does not add up.
    let keys = 0;
    for (const _ in record) keys++;
    if (keys !== known) {
      for (const key in record) {
        if (Object.hasOwn(record, key) && !byKey.has(key)) errors.push(unknownKey(key, '', undefined));
      }
    }
    return { ok: errors.length === 0, errors };
  };
}

function unknownKey(key: string, prefix: string, row: number | undefined, subtable?: string): FieldError {
  const m = message(`表单中没有字段「${key}」`, `The form has no field “${key}”`);
  const error: FieldError = {
    pointer: `${prefix}/${escapeSegment(key)}`,
    field: subtable ? `${subtable}.${key}` : key,
    code: 'unknown-field',
    message: row === undefined ? m : inRow(row, m),
  };
  if (row !== undefined) error.row = row;
  return error;
}

/**
 * Records an error. Pointers are built here, on the error path only: a valid record (the common
 * case, checked on every save) allocates no pointer strings. `base` is '' for header fields and the
 * sub-table's pointer for its columns.
 */
function push(
  errors: FieldError[],
  field: CompiledField,
  base: string,
  row: number | undefined,
  code: string,
  m: FieldError['message'],
): void {
  const pointer = row === undefined ? `${base}/${field.segment}` : `${base}/${row}/${field.segment}`;
  const e: FieldError = { pointer, field: field.path, code, message: row === undefined ? m : inRow(row, m) };
  if (row !== undefined) e.row = row;
  errors.push(e);
}

/** The field's own value in `obj` (see CompiledField.plainKey). */
function read(obj: Record<string, unknown>, field: CompiledField): unknown {
  return field.plainKey || Object.hasOwn(obj, field.key) ? obj[field.key] : undefined;
}

/** Unknown keys and a bad `_id` of one row. */
function rowKeyErrors(
  field: CompiledField,
  plan: NonNullable<CompiledField['subtable']>,
  rowData: Record<string, unknown>,
  pointer: string,
  i: number,
  errors: FieldError[],
): void {
  for (const key in rowData) {
    if (!Object.hasOwn(rowData, key)) continue;
    if (key === '_id') {
      if (typeof rowData._id !== 'string' || rowData._id === '')
        rowError(
          errors,
          field,
          `${pointer}/${i}/_id`,
          i,
          about(field.label, '的行 _id 应为非空文本', 'row _id must be non-empty text'),
        );
    } else if (!plan.byKey.has(key)) {
      errors.push(unknownKey(key, `${pointer}/${i}`, i, field.key));
    }
  }
}

/** An error about a row itself rather than one of its columns. */
function rowError(errors: FieldError[], field: CompiledField, pointer: string, row: number, m: FieldError['message']) {
  errors.push({ pointer, field: field.path, row, code: 'wrong-type', message: inRow(row, m) });
}

function checkField(
  field: CompiledField,
  value: unknown,
  base: string,
  row: number | undefined,
  submit: boolean,
  scope: RecordScope,
  errors: FieldError[],
): void {
  let visible = true;
  const conditions = field.visibleWhen;
  for (let i = 0; i < conditions.length; i++) {
    if (!scope.isTrue(conditions[i]!)) {
      visible = false;
      break;
    }
  }
  if (field.formula) {
    // the value in the data is ignored; its rules run against the recomputed value
    if (visible && field.rules.length > 0) runRules(field, scope.value([field.key]), base, row, scope, errors);
    return;
  }
  const blank = isBlank(value);
  if (blank) {
    if (submit && visible && (field.required || (field.requiredWhen && scope.isTrue(field.requiredWhen)))) {
      push(errors, field, base, row, 'required', about(field.label, '不能为空', 'is required'));
    } else if (submit && visible && field.subtable && field.subtable.minRows > 0) {
      const n = field.subtable.minRows;
      push(
        errors,
        field,
        base,
        row,
        'too-few-rows',
        about(field.label, `至少需要 ${n} 行`, `needs at least ${n} row(s)`),
      );
    }
    return;
  }
  if (field.subtable) {
    if (!checkRows(field, value, submit, scope, errors)) return;
  } else if (field.check) {
    const problem = field.check(value);
    if (problem) {
      scope.invalid.add(field.path);
      push(errors, field, base, row, problem.code, problem.message);
      return;
    }
  }
  if (visible && field.rules.length > 0) runRules(field, value, base, row, scope, errors);
}

function runRules(
  field: CompiledField,
  value: unknown,
  base: string,
  row: number | undefined,
  scope: RecordScope,
  errors: FieldError[],
): void {
  if (isBlank(value)) return;
  for (const rule of field.rules) {
    let inputsBlank = false;
    for (const path of rule.reads) {
      if (scope.unusable(path)) {
        inputsBlank = true;
        break;
      }
    }
    if (inputsBlank || scope.isTrue(rule.expr)) continue;
    const zh = rule.message['zh-CN'] ?? rule.message.en ?? '';
    const en = rule.message.en ?? rule.message['zh-CN'] ?? '';
    push(errors, field, base, row, 'validation', message(zh, en));
  }
}

/** Rows of a sub-table; false when the value is not a list (nothing more to check). */
function checkRows(
  field: CompiledField,
  value: unknown,
  submit: boolean,
  scope: RecordScope,
  errors: FieldError[],
): boolean {
  const plan = field.subtable!;
  const pointer = field.pointer;
  if (!Array.isArray(value)) {
    push(errors, field, '', undefined, 'wrong-type', about(field.label, '应为行的列表', 'must be a list of rows'));
    return false;
  }
  if (submit && value.length < plan.minRows) {
    push(
      errors,
      field,
      '',
      undefined,
      'too-few-rows',
      about(field.label, `至少需要 ${plan.minRows} 行`, `needs at least ${plan.minRows} row(s)`),
    );
  }
  if (value.length > plan.maxRows) {
    push(
      errors,
      field,
      '',
      undefined,
      'too-many-rows',
      about(field.label, `最多 ${plan.maxRows} 行`, `may have at most ${plan.maxRows} rows`),
    );
    return false;
  }
  for (let i = 0; i < value.length; i++) {
    const r = value[i];
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      rowError(errors, field, `${pointer}/${i}`, i, about(field.label, '的行应为对象', 'rows must be objects'));
      continue;
    }
    const rowData = r as Record<string, unknown>;
    // Fast path: when the row's key count equals the columns (and _id) it has, there is no
    // unknown key and no bad _id to look for; only otherwise walk the keys one by one.
    let keys = 0;
    for (const _ in rowData) keys++;
    let known = typeof rowData._id === 'string' && rowData._id !== '' ? 1 : 0;
    for (const column of plan.columns) if (read(rowData, column) !== undefined) known++;
    if (keys !== known) rowKeyErrors(field, plan, rowData, pointer, i, errors);
    scope.row = rowData;
    scope.rowOf = field;
    for (const column of plan.columns) checkField(column, read(rowData, column), pointer, i, submit, scope, errors);
    scope.row = undefined;
    scope.rowOf = undefined;
  }
  return true;
}
