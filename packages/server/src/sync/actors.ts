import type { Auth } from '../context.ts';
import type { Queryable } from '../db/Db.ts';
import type { Person } from '../records/access.ts';
import type { MutationContext } from './mutationContext.ts';
import { ACTOR_NOT_ALLOWED, Refusal } from './refusal.ts';

/**
 * The person a mutation is for. Without `claimed` (or naming the session user) it is the session
 * user. Another user is accepted only when the session runs on an enrolled, unrevoked device on
 * which that user has had a session: a shared tablet pushes the work of each operator who used it.
 */
export async function resolveActor(q: Queryable, auth: Auth, claimed: string | undefined): Promise<Person> {
  if (claimed === undefined || claimed === auth.userName) {
    return { id: auth.userId, name: auth.userName, roles: auth.roles };
  }
  if (!auth.deviceId) throw new Refusal('forbidden', ACTOR_NOT_ALLOWED);
  const [row] = await q.query<{ id: string; name: string; roles: string[] | null }>(
    `select u.id, u.name,
            (select array_agg(ur.role_id order by ur.role_id) from user_roles ur
              where ur.org_id = u.org_id and ur.user_id = u.id) as roles
       from users u
       join device_users du on du.org_id = u.org_id and du.user_id = u.id and du.device_id = $3
       join devices d on d.org_id = du.org_id and d.id = du.device_id and d.revoked_at is null
      where u.org_id = $1 and u.name = $2 and u.active`,
    [auth.orgId, claimed, auth.deviceId],
  );
  if (!row) throw new Refusal('forbidden', ACTOR_NOT_ALLOWED);
  return { id: row.id, name: row.name, roles: row.roles ?? [] };
}

/** `resolveActor`, remembered for the rest of the push (a refusal is remembered too). */
export function actorFor(mc: MutationContext, claimed: string | undefined): Promise<Person> {
  if (!mc.memo) return resolveActor(mc.tx, mc.auth, claimed);
  const key = claimed ?? mc.auth.userName;
  let actor = mc.memo.actors.get(key);
  if (!actor) {
    const memo = mc.memo;
    actor = resolveActor(mc.tx, mc.auth, claimed);
    memo.actors.set(key, actor);
    // A refusal stays remembered; a database failure (rolled back with its savepoint) does not.
    actor.catch((error: unknown) => {
      if (!(error instanceof Refusal)) memo.actors.delete(key);
    });
  }
  return actor;
}
