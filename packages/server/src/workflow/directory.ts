import type { Directory } from '@gongfang/workflow';
import type { Queryable } from '../db/Db.ts';

/** The organization's people as the workflow sees them, plus name ↔ id for the task rows. */
export interface OrgDirectory extends Directory {
  idOf(name: string): string | undefined;
}

interface UserRow {
  id: string;
  name: string;
  lead_id: string | null;
  active: boolean;
  roles: string[] | null;
}

/**
 * Reads users, roles and leads once per mutation that needs them. Inactive users are never
 * assignees; a role's users come in name order, which is the order of a sequential approval.
 */
export async function loadDirectory(q: Queryable, orgId: string): Promise<OrgDirectory> {
  const rows = await q.query<UserRow>(
    `select u.id, u.name, u.lead_id, u.active,
            (select array_agg(ur.role_id) from user_roles ur where ur.org_id = u.org_id and ur.user_id = u.id) as roles
       from users u where u.org_id = $1 order by u.name`,
    [orgId],
  );
  const byName = new Map(rows.map((r) => [r.name, r]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    usersWithRole: (role) => rows.filter((r) => r.active && r.roles?.includes(role)).map((r) => r.name),
    leadOf(user, level) {
      let current = byName.get(user);
      for (let i = 0; i < level && current; i++) current = current.lead_id ? byId.get(current.lead_id) : undefined;
      return current?.active ? current.name : undefined;
    },
    idOf: (name) => byName.get(name)?.id,
  };
}
