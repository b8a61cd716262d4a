/* Who sees which records and fields of a form, from its permissions. */
import type { Form } from '@gongfang/schema';
import type { Auth } from '../context.ts';
import type { Queryable } from '../db/Db.ts';

export function seesAllRecords(form: Form, auth: Auth): boolean {
  return (form.permissions.viewAll ?? []).some((r) => auth.roles.includes(r));
}

/** May open the form at all: submits to it, sees all of it, or has a field-access rule on it. */
export function opensForm(form: Form, auth: Auth): boolean {
  const p = form.permissions;
  return [...p.submit, ...(p.viewAll ?? []), ...(p.fieldAccess ?? []).map((f) => f.role)].some((r) =>
    auth.roles.includes(r),
  );
}

/**
 * Fields hidden from this user: hidden for every role they hold (a role without a rule for a field
 * sees it). A user with no roles sees no restricted field.
 */
export function hiddenFields(form: Form, auth: Auth): Set<string> {
  const rules = form.permissions.fieldAccess ?? [];
  if (auth.roles.length === 0) return new Set(rules.flatMap((r) => r.hidden ?? []));
  let hidden: Set<string> | undefined;
  for (const role of auth.roles) {
    const mine = new Set(rules.filter((r) => r.role === role).flatMap((r) => r.hidden ?? []));
    hidden = hidden ? new Set([...hidden].filter((f) => mine.has(f))) : mine;
  }
  return hidden ?? new Set();
}

/**
 * SQL condition (over `r`, a records row) limiting records to what the user may see: all of them
 * with a viewAll role, else their own and those they take part in (task or CC). Pushes its params.
 */
export async function visibilitySql(db: Queryable, form: Form, auth: Auth, params: unknown[]): Promise<string> {
  if (seesAllRecords(form, auth)) return 'true';
  params.push(auth.userId);
  const me = `$${params.length}`;
  const [t] = await db.query<{ ok: boolean }>("select to_regclass('record_participants') is not null as ok");
  const participant = t?.ok
    ? ` or exists (select 1 from record_participants p where p.org_id = r.org_id and p.record_id = r.id and p.user_id = ${me})`
    : '';
  return `(r.created_by = ${me}${participant})`;
}
