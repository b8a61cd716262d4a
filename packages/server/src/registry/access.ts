/**
 * Who may design apps and who may use them.
 *
 * Designers: `it_admin`, `workshop_lead` and `editor` (a role the IT admin can create for business
 * staff, e.g. a QC engineer, who build forms without running the workshop) may create apps, edit
 * drafts, publish, roll back and upgrade from templates. They see every app of the organization.
 * Everyone else sees an app once it is published and its current version names one of their roles:
 * in a form's permissions (submit, viewAll, fieldAccess), in a view's roles, or as an approver, CC
 * recipient or fallback in a workflow (an approver must open the record to act).
 */
import { asArray, asObject, asString } from './json.ts';

export const DESIGNER_ROLES = ['it_admin', 'workshop_lead', 'editor'] as const;
/** Only the IT department publishes templates. */
export const TEMPLATE_PUBLISHER_ROLES = ['it_admin'] as const;

export function isDesigner(roles: readonly string[]): boolean {
  return DESIGNER_ROLES.some((r) => roles.includes(r));
}

function workflowRoles(nodes: unknown[], out: Set<string>): void {
  for (const raw of nodes) {
    const node = asObject(raw);
    if (!node) continue;
    for (const who of [asObject(node.assignee), asObject(node.recipients)]) {
      const role = who?.kind === 'role' ? asString(who.role) : undefined;
      if (role) out.add(role);
    }
    const fallback = asString(node.fallbackRole);
    if (fallback) out.add(fallback);
    for (const branch of asArray(node.branches)) workflowRoles(asArray(asObject(branch)?.nodes), out);
    workflowRoles(asArray(asObject(node.default)?.nodes), out);
  }
}

/** Every role that gives access to something in the definition. */
export function rolesUsingApp(definition: unknown): Set<string> {
  const out = new Set<string>();
  const def = asObject(definition);
  for (const raw of asArray(def?.forms)) {
    const form = asObject(raw);
    const permissions = asObject(form?.permissions);
    for (const list of [permissions?.submit, permissions?.viewAll]) {
      for (const role of asArray(list)) if (typeof role === 'string') out.add(role);
    }
    for (const rule of asArray(permissions?.fieldAccess)) {
      const role = asString(asObject(rule)?.role);
      if (role) out.add(role);
    }
    workflowRoles(asArray(asObject(form?.workflow)?.nodes), out);
  }
  for (const view of asArray(def?.views)) {
    for (const role of asArray(asObject(view)?.roles)) if (typeof role === 'string') out.add(role);
  }
  return out;
}

export function mayUseApp(definition: unknown, roles: readonly string[]): boolean {
  const using = rolesUsingApp(definition);
  return roles.some((r) => using.has(r));
}
