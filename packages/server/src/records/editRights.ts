import { type FieldProblem, type Form, message, walkFields } from '@gongfang/schema';
import { canonicalJson } from '../audit/canonical.ts';
import { findNode } from '../workflow/tasks.ts';
import type { RecordRow } from './store.ts';

/**
 * Fields a non-creator may change: those the approver nodes of their open tasks make editable
 * (an NG inspection's disposition for the QC lead). Empty when they have no such task.
 */
export function assigneeEditable(form: Form, record: RecordRow, user: string): Set<string> {
  const editable = new Set<string>();
  const workflow = form.workflow;
  if (!workflow || !record.workflow) return editable;
  for (const task of record.workflow.tasks) {
    if (task.assignee !== user || task.status !== 'open') continue;
    const node = findNode(workflow, task.nodeId);
    if (node?.type === 'approver') for (const f of node.fieldAccess?.editable ?? []) editable.add(f);
  }
  return editable;
}

/** Top-level fields whose value differs; formulas are left out (they follow from the others). */
export function changedFields(form: Form, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const formulas = new Set(
    walkFields(form)
      .filter((e) => e.field.type === 'formula' && !e.parent)
      .map((e) => e.path),
  );
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (k) => !formulas.has(k) && canonicalJson(before[k] ?? null) !== canonicalJson(after[k] ?? null),
  );
}

/** One problem per changed field outside `editable`, or none. */
export function notEditable(changed: readonly string[], editable: ReadonlySet<string>): FieldProblem[] {
  return changed
    .filter((f) => !editable.has(f))
    .map((f) => ({
      pointer: `/${f}`,
      field: f,
      code: 'not-editable',
      message: message(`您不能修改字段「${f}」`, `You may not change the field “${f}”`),
    }));
}
