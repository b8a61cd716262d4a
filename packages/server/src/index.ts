// The public API of @gongfang/server. Every export is named here (no `export *`).

export { createOrganization, getOrganization, type Organization } from './accounts/orgs.ts';
export { assertRolesExist, createRole, listRoles, type RoleView, renameRole } from './accounts/roles.ts';
export {
  createUser,
  getUser,
  getUserByName,
  listUsers,
  type NewUser,
  type UserChanges,
  type UserView,
  updateUser,
} from './accounts/users.ts';
export { BODY_LIMIT, buildServer, ROUTE_GROUPS, type RouteGroup, type ServerOptions } from './app.ts';
export { canonicalJson } from './audit/canonical.ts';
export { type Actor, type AuditChange, type AuditEntry, appendAudit, entryHash, GENESIS_HASH } from './audit/chain.ts';
export { type AuditBreak, type AuditOrgReport, type AuditReport, verifyAudit } from './audit/verify.ts';
export { requireAuth, requireRole, signedIn } from './auth/sessions.ts';
export { type Config, readConfig } from './config.ts';
export type { Auth, ServerContext } from './context.ts';
export type { Db, Queryable, Tx } from './db/Db.ts';
export { loadMigrations, type Migration, migrate } from './db/migrate.ts';
export { openDb } from './db/open.ts';
export { openPglite } from './db/pglite.ts';
export { openPostgres } from './db/postgres.ts';
export { ApiError, apiError, errorBodySchema } from './http/errors.ts';
export { DESIGNER_ROLES, isDesigner, mayUseApp, TEMPLATE_PUBLISHER_ROLES } from './registry/access.ts';
export { type DiffEntry, type DiffKind, diffDefinitions } from './registry/diff.ts';
export { type PublishedVersion, publishVersion } from './registry/publish.ts';
export type { FieldMapping, StrandedField } from './registry/stranded.ts';
export { seedApps } from './seed/apps.ts';
export {
  BUILT_IN_SEED,
  DEMO_ORG,
  DEMO_PASSWORD,
  type DemoSeed,
  loadDemoSeed,
  seedDemoIfEmpty,
  seedOrganization,
} from './seed/demo.ts';
export { contractSchema } from './sync/contract.ts';
export { type PushLog, push } from './sync/push.ts';
export { type MergeConflict, type MergeResult, mergeDefinitions, type Side } from './templates/merge.ts';
