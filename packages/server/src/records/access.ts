import type { AppDefinition, Form, WorkflowNode } from '@gongfang/schema';
import type { Queryable } from '../db/Db.ts';

/** The person a mutation or a read is for: the session user, or the actor a tablet pushes for. */
export interface Person {
  id: string;
  name: string;
  roles: readonly string[];
}

const IT_ADMIN = 'it_admin';

function overlaps(roles: readonly string[], named: readonly string[] | undefined): boolean {
  return named?.some((r) => roles.includes(r)) === true;
}

export function canSubmit(form: Form, roles: readonly string[]): boolean {
  return overlaps(roles, form.permissions.submit);
}

export function canViewAll(form: Form, roles: readonly string[]): boolean {
  return overlaps(roles, form.permissions.viewAll);
}

function workflowRoles(nodes: readonly WorkflowNode[], out: Set<string>): void {
  for (const node of nodes) {
    if (node.type === 'approver') {
      if (node.assignee.kind === 'role') out.add(node.assignee.role);
      if (node.fallbackRole) out.add(node.fallbackRole);
    } else if (node.type === 'cc') {
      if (node.recipients.kind === 'role') out.add(node.recipients.role);
    } else if (node.type === 'condition') {
      for (const b of node.branches) workflowRoles(b.nodes, out);
      workflowRoles(node.default.nodes, out);
    } else if (node.type === 'parallel') {
      for (const b of node.branches) workflowRoles(b.nodes, out);
    }
  }
}

/**
 * Whether a user gets an app's definitions: the IT role gets every app; others get apps whose
 * forms, views or approval flows name one of their roles.
 */
export function canUseApp(app: AppDefinition, roles: readonly string[]): boolean {
  if (roles.includes(IT_ADMIN)) return true;
  const named = new Set<string>();
  for (const form of app.forms) {
    for (const r of form.permissions.submit) named.add(r);
    for (const r of form.permissions.viewAll ?? []) named.add(r);
    for (const rule of form.permissions.fieldAccess ?? []) named.add(rule.role);
    if (form.workflow) workflowRoles(form.workflow.nodes, named);
  }
  for (const view of app.views ?? []) for (const r of view.roles ?? []) named.add(r);
  return roles.some((r) => named.has(r));
}

/**
 * Fields a user may not see in a record of `form`. The creator sees everything they filled in.
 * Roles without a rule are neutral; among the user's roles that have one, a field stays hidden
 * only when every one of those rules hides it (holding a second role never takes a field away).
 */
export function hiddenFields(form: Form, roles: readonly string[], isCreator: boolean): Set<string> {
  const hidden = new Set<string>();
  if (isCreator) return hidden;
  const rules = (form.permissions.fieldAccess ?? []).filter((r) => roles.includes(r.role));
  if (rules.length === 0) return hidden;
  for (const field of rules[0]?.hidden ?? []) {
    if (rules.every((r) => r.hidden?.includes(field))) hidden.add(field);
  }
  return hidden;
}

/** A copy of `data` without the hidden fields (sub-table columns are named `table.column`). */
export function withoutHidden(data: Record<string, unknown>, hidden: ReadonlySet<string>): Record<string, unknown> {
  if (hidden.size === 0) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (hidden.has(key)) continue;
    if (Array.isArray(value) && [...hidden].some((h) => h.startsWith(`${key}.`))) {
      out[key] = value.map((row) =>
        typeof row === 'object' && row !== null
          ? Object.fromEntries(Object.entries(row).filter(([column]) => !hidden.has(`${key}.${column}`)))
          : row,
      );
    } else out[key] = value;
  }
  return out;
}

/**
 * SQL condition (over `records r`) for the records a user may see: their own, those they take part
 * in (task or CC), and every record of the forms whose `viewAll` names one of their roles in the
 * version the record was filled with. Parameters: $1 org, $2 user id, $3 roles (text[]).
 */
export const VISIBLE_RECORD_SQL = `(
  r.created_by = $2
  or exists (select 1 from record_participants p where p.org_id = r.org_id and p.record_id = r.id and p.user_id = $2)
  or exists (
    select 1 from app_versions av cross join lateral jsonb_array_elements(av.definition->'forms') f
     where av.org_id = r.org_id and av.app_id = r.app_id and av.version = r.version and f->>'id' = r.form_id
       and coalesce(f->'permissions'->'viewAll', '[]'::jsonb) ?| $3::text[]
  )
)`;

/** Whether `person` may see record `recordId` (false as well when it does not exist in the org). */
export async function mayView(q: Queryable, orgId: string, person: Person, recordId: string): Promise<boolean> {
  const rows = await q.query(`select 1 from records r where r.org_id = $1 and r.id = $4 and ${VISIBLE_RECORD_SQL}`, [
    orgId,
    person.id,
    [...person.roles],
    recordId,
  ]);
  return rows.length > 0;
}
