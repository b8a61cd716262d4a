import type { LocalizedText } from '@gongfang/schema';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';

export interface Organization {
  id: string;
  name: LocalizedText;
}

/** A new factory on this server. Organizations are created by the operator (seed, CLI), not over HTTP. */
export async function createOrganization(tx: Queryable, org: Organization, actor: Actor | null = null): Promise<void> {
  await tx.query('insert into organizations (id, name) values ($1, $2)', [org.id, JSON.stringify(org.name)]);
  await appendAudit(tx, {
    orgId: org.id,
    actor,
    action: 'organization.create',
    entityType: 'organization',
    entityId: org.id,
    after: org,
  });
}

export async function getOrganization(db: Queryable, id: string): Promise<Organization | null> {
  const [row] = await db.query<Organization>('select id, name from organizations where id = $1', [id]);
  return row ?? null;
}

/** The organization a login names, or the only one when it names none. */
export async function resolveLoginOrg(db: Queryable, id: string | undefined): Promise<string> {
  if (id) return id;
  const rows = await db.query<{ id: string }>('select id from organizations order by id limit 2');
  if (rows.length === 1 && rows[0]) return rows[0].id;
  throw apiError(400, 'org-required', '请选择工厂（组织）', 'Choose a factory (organization) to sign in to');
}
