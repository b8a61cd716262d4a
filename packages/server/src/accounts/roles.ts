import type { LocalizedText } from '@gongfang/schema';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';

export interface RoleView {
  id: string;
  name: LocalizedText;
}

export async function listRoles(db: Queryable, orgId: string): Promise<RoleView[]> {
  return db.query<RoleView>('select id, name from roles where org_id = $1 order by id', [orgId]);
}

async function getRole(db: Queryable, orgId: string, id: string): Promise<RoleView | null> {
  const [row] = await db.query<RoleView>('select id, name from roles where org_id = $1 and id = $2', [orgId, id]);
  return row ?? null;
}

export async function createRole(tx: Queryable, orgId: string, actor: Actor | null, role: RoleView): Promise<RoleView> {
  if (await getRole(tx, orgId, role.id)) {
    throw apiError(409, 'role-exists', `角色 ${role.id} 已存在`, `Role ${role.id} already exists`, { role: role.id });
  }
  await tx.query('insert into roles (org_id, id, name) values ($1, $2, $3)', [
    orgId,
    role.id,
    JSON.stringify(role.name),
  ]);
  const after = { id: role.id, name: role.name };
  await appendAudit(tx, { orgId, actor, action: 'role.create', entityType: 'role', entityId: role.id, after });
  return after;
}

export async function renameRole(
  tx: Queryable,
  orgId: string,
  actor: Actor | null,
  id: string,
  name: LocalizedText,
): Promise<RoleView> {
  const before = await getRole(tx, orgId, id);
  if (!before) throw apiError(404, 'role-not-found', `找不到角色 ${id}`, `No role ${id}`, { role: id });
  await tx.query('update roles set name = $3 where org_id = $1 and id = $2', [orgId, id, JSON.stringify(name)]);
  const after = { id, name };
  await appendAudit(tx, { orgId, actor, action: 'role.update', entityType: 'role', entityId: id, before, after });
  return after;
}

/** Throws 400 naming the roles that do not exist in the organization. */
export async function assertRolesExist(db: Queryable, orgId: string, roles: readonly string[]): Promise<void> {
  if (roles.length === 0) return;
  const found = await db.query<{ id: string }>('select id from roles where org_id = $1 and id = any($2)', [
    orgId,
    [...roles],
  ]);
  const known = new Set(found.map((r) => r.id));
  const unknown = roles.filter((r) => !known.has(r));
  if (unknown.length > 0) {
    throw apiError(400, 'unknown-role', `没有这些角色：${unknown.join('、')}`, `Unknown roles: ${unknown.join(', ')}`, {
      roles: unknown,
    });
  }
}
