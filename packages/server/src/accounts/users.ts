import { randomUUID } from 'node:crypto';
import type { LocalizedText } from '@gongfang/schema';
import { type Actor, appendAudit } from '../audit/chain.ts';
import { badgeHash, hashSecret } from '../auth/secrets.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { assertRolesExist } from './roles.ts';

/** A user as the API and the audit log show it: never a hash, only whether a PIN or badge is set. */
export interface UserView {
  id: string;
  name: string;
  displayName: LocalizedText;
  roles: string[];
  leadId: string | null;
  active: boolean;
  hasPin: boolean;
  hasBadge: boolean;
}

export interface NewUser {
  name: string;
  displayName: LocalizedText;
  password: string;
  roles: string[];
  leadId?: string | null;
  pin?: string | null;
  badge?: string | null;
  active?: boolean;
}

/** `null` clears lead, PIN or badge; an absent key leaves it as it is. */
export type UserChanges = Partial<Omit<NewUser, 'name'>>;

const USER_SELECT = `select u.id, u.name, u.display_name as "displayName", u.lead_id as "leadId", u.active,
    u.pin_hash is not null as "hasPin", u.badge_hash is not null as "hasBadge",
    coalesce((select array_agg(ur.role_id order by ur.role_id) from user_roles ur
               where ur.org_id = u.org_id and ur.user_id = u.id), '{}') as roles
  from users u`;

export async function listUsers(db: Queryable, orgId: string): Promise<UserView[]> {
  return db.query<UserView>(`${USER_SELECT} where u.org_id = $1 order by u.name`, [orgId]);
}

/** null when the id is not a user of this organization (including ids of other organizations). */
export async function getUser(db: Queryable, orgId: string, id: string): Promise<UserView | null> {
  const [row] = await db.query<UserView>(`${USER_SELECT} where u.org_id = $1 and u.id = $2`, [orgId, id]);
  return row ?? null;
}

export async function getUserByName(db: Queryable, orgId: string, name: string): Promise<UserView | null> {
  const [row] = await db.query<UserView>(`${USER_SELECT} where u.org_id = $1 and u.name = $2`, [orgId, name]);
  return row ?? null;
}

function userNotFound(id: string) {
  return apiError(404, 'user-not-found', '找不到该用户', 'No such user', { user: id });
}

/** The lead must be another user of the organization, and following leads must never come back. */
async function assertValidLead(db: Queryable, orgId: string, userId: string, leadId: string): Promise<void> {
  let current: string | null = leadId;
  for (let hops = 0; current; hops++) {
    if (current === userId || hops > 100) {
      throw apiError(
        400,
        'lead-cycle',
        '上级关系不能形成循环',
        'A user cannot be their own lead, directly or through others',
      );
    }
    const [row]: { lead_id: string | null }[] = await db.query<{ lead_id: string | null }>(
      'select lead_id from users where org_id = $1 and id = $2',
      [orgId, current],
    );
    if (!row)
      throw apiError(400, 'unknown-lead', '指定的上级不存在', 'The lead is not a user of this factory', { leadId });
    current = row.lead_id;
  }
}

async function assertBadgeFree(db: Queryable, orgId: string, hash: string, userId: string): Promise<void> {
  const [row] = await db.query('select 1 from users where org_id = $1 and badge_hash = $2 and id <> $3', [
    orgId,
    hash,
    userId,
  ]);
  if (row) throw apiError(409, 'badge-taken', '该工牌已分配给其他用户', 'This badge belongs to another user');
}

async function setRoles(tx: Queryable, orgId: string, userId: string, roles: readonly string[]): Promise<void> {
  await assertRolesExist(tx, orgId, roles);
  await tx.query('delete from user_roles where org_id = $1 and user_id = $2', [orgId, userId]);
  for (const role of new Set(roles)) {
    await tx.query('insert into user_roles (org_id, user_id, role_id) values ($1, $2, $3)', [orgId, userId, role]);
  }
}

export async function createUser(tx: Queryable, orgId: string, actor: Actor | null, input: NewUser): Promise<UserView> {
  if (await getUserByName(tx, orgId, input.name)) {
    throw apiError(409, 'name-taken', `用户名 ${input.name} 已被使用`, `The user name ${input.name} is taken`, {
      name: input.name,
    });
  }
  const id = randomUUID();
  if (input.leadId) await assertValidLead(tx, orgId, id, input.leadId);
  const badge = input.badge ? badgeHash(orgId, input.badge) : null;
  if (badge) await assertBadgeFree(tx, orgId, badge, id);
  await tx.query(
    `insert into users (org_id, id, name, display_name, lead_id, password_hash, pin_hash, badge_hash, active)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      orgId,
      id,
      input.name,
      JSON.stringify(input.displayName),
      input.leadId ?? null,
      await hashSecret(input.password),
      input.pin ? await hashSecret(input.pin) : null,
      badge,
      input.active ?? true,
    ],
  );
  await setRoles(tx, orgId, id, input.roles);
  const after = await getUser(tx, orgId, id);
  if (!after) throw userNotFound(id);
  await appendAudit(tx, { orgId, actor, action: 'user.create', entityType: 'user', entityId: id, after });
  return after;
}

export async function updateUser(
  tx: Queryable,
  orgId: string,
  actor: Actor | null,
  id: string,
  changes: UserChanges,
): Promise<UserView> {
  // Lock the row so two admins editing the same user audit a consistent before/after.
  const [locked] = await tx.query('select 1 from users where org_id = $1 and id = $2 for update', [orgId, id]);
  const before = locked ? await getUser(tx, orgId, id) : null;
  if (!before) throw userNotFound(id);
  const sets: string[] = [];
  const params: unknown[] = [orgId, id];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (changes.displayName) set('display_name', JSON.stringify(changes.displayName));
  if (changes.password) set('password_hash', await hashSecret(changes.password));
  if (changes.pin !== undefined) set('pin_hash', changes.pin ? await hashSecret(changes.pin) : null);
  if (changes.badge !== undefined) {
    const badge = changes.badge ? badgeHash(orgId, changes.badge) : null;
    if (badge) await assertBadgeFree(tx, orgId, badge, id);
    set('badge_hash', badge);
  }
  if (changes.leadId !== undefined) {
    if (changes.leadId) await assertValidLead(tx, orgId, id, changes.leadId);
    set('lead_id', changes.leadId);
  }
  if (changes.active !== undefined) set('active', changes.active);
  if (sets.length > 0) {
    await tx.query(`update users set ${sets.join(', ')}, updated_at = now() where org_id = $1 and id = $2`, params);
  }
  if (changes.roles) await setRoles(tx, orgId, id, changes.roles);
  // A deactivated user or a new password ends every open session of that user.
  if (changes.active === false || changes.password) {
    await tx.query('delete from sessions where org_id = $1 and user_id = $2', [orgId, id]);
  }
  const after = await getUser(tx, orgId, id);
  if (!after) throw userNotFound(id);
  await appendAudit(tx, {
    orgId,
    actor,
    action: 'user.update',
    entityType: 'user',
    entityId: id,
    before,
    // The secrets themselves never reach the log; that they changed does.
    after: {
      ...after,
      passwordChanged: changes.password ? true : undefined,
      pinChanged: changes.pin !== undefined ? true : undefined,
      badgeChanged: changes.badge !== undefined ? true : undefined,
    },
  });
  return after;
}
