import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LocalizedText } from '@gongfang/schema';
import { createOrganization } from '../accounts/orgs.ts';
import { createRole } from '../accounts/roles.ts';
import { createUser, updateUser } from '../accounts/users.ts';
import type { Db, Queryable } from '../db/Db.ts';

export const DEMO_ORG = { id: 'demo', name: { 'zh-CN': '示范工厂', en: 'Demo Factory' } } as const;
/** Every demo user's password. The start command prints it; change it before real use. */
export const DEMO_PASSWORD = 'demo1234';
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));

export interface SeedUser {
  name: string;
  displayName: LocalizedText;
  roles: string[];
  lead?: string;
  pin?: string;
  badge?: string;
}

export interface SeedRole {
  id: string;
  name: LocalizedText;
}

export interface DemoSeed {
  roles: SeedRole[];
  users: SeedUser[];
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Roles from every examples/<app>/app.json and users from every examples/<app>/seed.json, merged
 * by id and by name (the examples share one cast of people).
 */
export async function loadDemoSeed(dir = EXAMPLES_DIR): Promise<DemoSeed> {
  const roles = new Map<string, SeedRole>();
  const users = new Map<string, SeedUser>();
  const apps = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const app of apps.filter((d) => d.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const definition = (await readJson(`${dir}/${app.name}/app.json`)) as { roles?: SeedRole[] } | undefined;
    for (const role of definition?.roles ?? [])
      if (!roles.has(role.id)) roles.set(role.id, { id: role.id, name: role.name });
    const seed = (await readJson(`${dir}/${app.name}/seed.json`)) as { users?: SeedUser[] } | undefined;
    for (const user of seed?.users ?? []) {
      const known = users.get(user.name);
      users.set(user.name, known ? { ...user, ...known, roles: [...new Set([...known.roles, ...user.roles])] } : user);
    }
  }
  // Roles a user holds but no app defines still need a row.
  for (const user of users.values()) {
    for (const id of user.roles) if (!roles.has(id)) roles.set(id, { id, name: { 'zh-CN': id, en: id } });
  }
  return { roles: [...roles.values()], users: [...users.values()] };
}

/** Used when examples/ holds no seed data (a trimmed install). */
export const BUILT_IN_SEED: DemoSeed = {
  roles: [
    { id: 'it_admin', name: { 'zh-CN': 'IT 管理员', en: 'IT admin' } },
    { id: 'workshop_lead', name: { 'zh-CN': '车间主任', en: 'Workshop lead' } },
    { id: 'operator', name: { 'zh-CN': '操作工', en: 'Operator' } },
  ],
  users: [
    { name: 'admin', displayName: { 'zh-CN': '管理员', en: 'Admin' }, roles: ['it_admin'] },
    { name: 'lead', displayName: { 'zh-CN': '主任', en: 'Lead' }, roles: ['workshop_lead'], pin: '1111' },
    {
      name: 'operator',
      displayName: { 'zh-CN': '操作工', en: 'Operator' },
      roles: ['operator'],
      lead: 'lead',
      pin: '2222',
    },
  ],
};

/**
 * Creates an organization with the seed's roles and users, in one audited transaction. Leads are
 * set after everyone exists, since the seed may name a lead before it lists them.
 */
export async function seedOrganization(
  tx: Queryable,
  org: { id: string; name: LocalizedText },
  seed: DemoSeed,
  password = DEMO_PASSWORD,
): Promise<void> {
  {
    await createOrganization(tx, org);
    for (const role of seed.roles) await createRole(tx, org.id, null, role);
    const ids = new Map<string, string>();
    for (const u of seed.users) {
      const input = { name: u.name, displayName: u.displayName, password, roles: u.roles, pin: u.pin, badge: u.badge };
      ids.set(u.name, (await createUser(tx, org.id, null, input)).id);
    }
    for (const u of seed.users) {
      const userId = ids.get(u.name);
      const leadId = u.lead ? ids.get(u.lead) : undefined;
      if (userId && leadId) await updateUser(tx, org.id, null, userId, { leadId });
    }
  }
}

/** Any constant: two processes starting on an empty database seed once. */
const SEED_LOCK = 7_460_312;

/**
 * First start: the demo organization with the example roles and users (or the built-in set when
 * examples/ has none). Returns the seed used, or null when the database already had organizations.
 */
export async function seedDemoIfEmpty(db: Db, dir = EXAMPLES_DIR): Promise<DemoSeed | null> {
  const loaded = await loadDemoSeed(dir);
  const seed = loaded.users.length > 0 ? loaded : BUILT_IN_SEED;
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const [any] = await tx.query('select 1 from organizations limit 1');
    if (any) return null;
    await seedOrganization(tx, DEMO_ORG, seed);
    return seed;
  });
}
