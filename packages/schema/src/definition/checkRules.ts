import type { ExprType } from '../expr/index.ts';
import { message } from '../i18n.ts';
import type { CheckContext, FormInfo } from './context.ts';
import { checkExpr } from './expressionCheck.ts';
import { checkHeaderField, checkRole } from './refs.ts';

/** Field rules, formulas and the title; then formula cycles over what the formulas read. */
export function checkRules(ctx: CheckContext, info: FormInfo): void {
  const formulas = new Map<string, { reads: string[]; pointer: string }>();
  if (info.form.title) checkExpr(ctx.errors, info.form.title, `${info.pointer}/title`, info.header);
  for (const entry of info.entries) {
    const at = `${info.pointer}${entry.pointer}`;
    const field = entry.field;
    const env = entry.parent ? info.row(entry.parent.id) : info.header;
    if (field.visibleWhen) checkExpr(ctx.errors, field.visibleWhen, `${at}/visibleWhen`, env, 'boolean');
    if (field.type === 'section') continue;
    if (field.requiredWhen) checkExpr(ctx.errors, field.requiredWhen, `${at}/requiredWhen`, env, 'boolean');
    field.validations?.forEach((v, i) => {
      checkExpr(ctx.errors, v.rule, `${at}/validations/${i}/rule`, env, 'boolean');
    });
    if (field.type === 'formula') {
      const declared = field.resultType ?? 'number';
      // a `date` formula may give a date or a date-time; other result types must match exactly
      const expected: ExprType[] = declared === 'date' ? ['date', 'datetime'] : [declared];
      const compiled = checkExpr(ctx.errors, field.expression, `${at}/expression`, env, expected);
      if (compiled) {
        const reads = compiled.reads.map((r) => resolveRead(info, r, entry.parent?.id));
        formulas.set(entry.path, { reads, pointer: `${at}/expression` });
      }
    }
  }
  checkFormulaCycles(ctx, formulas);
  checkPermissions(ctx, info);
}

/** The value key a read names: a bare name in a row is that row's column when one exists. */
function resolveRead(info: FormInfo, read: string, subtable: string | undefined): string {
  if (subtable && !read.includes('.') && info.fields.has(`${subtable}.${read}`)) return `${subtable}.${read}`;
  return read;
}

/** Finds cycles among formulas (a → b → a), reporting each once with its path. */
function checkFormulaCycles(ctx: CheckContext, formulas: Map<string, { reads: string[]; pointer: string }>): void {
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'active');
    stack.push(node);
    for (const next of formulas.get(node)?.reads ?? []) {
      if (!formulas.has(next)) continue;
      const s = state.get(next);
      if (s === 'active') {
        const cycle = [...stack.slice(stack.indexOf(next)), next].join(' → ');
        ctx.errors.add(
          formulas.get(next)!.pointer,
          'formula-cycle',
          message(`公式循环引用：${cycle}`, `Formulas depend on each other in a cycle: ${cycle}`),
        );
      } else if (s === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of formulas.keys()) if (!state.has(node)) visit(node);
}

function checkPermissions(ctx: CheckContext, info: FormInfo): void {
  const p = info.form.permissions;
  const at = `${info.pointer}/permissions`;
  p.submit.forEach((r, i) => {
    checkRole(ctx, r, `${at}/submit/${i}`);
  });
  p.viewAll?.forEach((r, i) => {
    checkRole(ctx, r, `${at}/viewAll/${i}`);
  });
  p.fieldAccess?.forEach((rule, i) => {
    checkRole(ctx, rule.role, `${at}/fieldAccess/${i}/role`);
    rule.hidden?.forEach((f, j) => {
      checkHeaderField(ctx, info, f, `${at}/fieldAccess/${i}/hidden/${j}`);
    });
    rule.readOnly?.forEach((f, j) => {
      checkHeaderField(ctx, info, f, `${at}/fieldAccess/${i}/readOnly/${j}`);
    });
  });
}
