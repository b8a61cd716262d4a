import { compileExpression, evaluateExpression, type Form, toExprValue } from '@gongfang/schema';

/** A record's title from the form's `title` expression (e.g. doc no. + date), or '' when none. */
export function recordTitle(form: Form | undefined, data: Readonly<Record<string, unknown>>): string {
  if (!form?.title) return '';
  const compiled = compileExpression(form.title);
  if (!compiled.ok) return '';
  const result = evaluateExpression(compiled.expr, {
    get: (path) => toExprValue(path.length === 1 ? data[path[0] ?? ''] : undefined),
  });
  return result.ok && result.value !== null && typeof result.value !== 'object' ? String(result.value).trim() : '';
}
