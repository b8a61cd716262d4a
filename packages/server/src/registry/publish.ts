import { type AppDefinition, migrateDefinition } from '@gongfang/schema';
import { type Actor, appendAudit, GENESIS_HASH } from '../audit/chain.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { definitionHash, loadApp, versionDefinition } from './apps.ts';
import { prepareDefinition } from './prepare.ts';
import { confirmedMapping, type FieldMapping, findStranded, type StrandedField } from './stranded.ts';

export interface PublishInput {
  orgId: string;
  appId: string;
  /** Who is audited; null when the system publishes (seeding). */
  actor: Actor | null;
  /** Stored as `published_by` (a user of the organization, also when the system acts). */
  userId: string;
  definition: unknown;
  note: string;
  confirm?: boolean;
  mapping?: FieldMapping;
  /** Set by a rollback: the older version this one copies. */
  rollbackOf?: number;
}

export interface PublishedVersion {
  app: string;
  version: number;
  seq: number;
  note: string;
  publishedAt: string;
  fieldMapping: FieldMapping;
  rollbackOf: number | null;
  stranded: StrandedField[];
}

function invalidDefinition(errors: { pointer: string; code: string; message: unknown }[]) {
  return apiError(
    422,
    'invalid-definition',
    `应用定义有 ${errors.length} 处错误，未发布`,
    `The definition has ${errors.length} error(s); nothing was published`,
    { errors },
  );
}

/** A template reference must name a template version of this organization. */
async function checkTemplateRef(tx: Queryable, orgId: string, definition: AppDefinition): Promise<void> {
  if (!definition.template) return;
  const { id, version } = definition.template;
  const [found] = await tx.query(
    'select 1 from template_versions where org_id = $1 and template_id = $2 and version = $3',
    [orgId, id, version],
  );
  if (!found) {
    throw invalidDefinition([
      {
        pointer: '/template',
        code: 'unknown_template',
        message: {
          'zh-CN': `没有模板 ${id} 的版本 ${version}`,
          en: `There is no version ${version} of template ${id}`,
        },
      },
    ]);
  }
}

async function lockAuditHead(tx: Queryable, orgId: string): Promise<void> {
  await tx.query(
    'insert into audit_chain (org_id, seq, head_hash) values ($1, 0, $2) on conflict (org_id) do nothing',
    [orgId, GENESIS_HASH],
  );
  await tx.query('select 1 from audit_chain where org_id = $1 for update', [orgId]);
}

/**
 * Publishes `definition` as the app's next version, in the caller's transaction: validated (422
 * with every error), stranded fields confirmed and mapped (409 otherwise), stored immutable with a
 * change seq so devices pull it, made current, and audited. The app row is locked first, so two
 * publishes of one app queue instead of taking the same number.
 */
export async function publishVersion(tx: Queryable, input: PublishInput): Promise<PublishedVersion> {
  const { orgId, appId } = input;
  const app = await loadApp(tx, orgId, appId, true);
  const version = (app.latest_version ?? 0) + 1;
  const { definition, errors } = prepareDefinition(input.definition, appId, version);
  if (errors.length > 0) throw invalidDefinition(errors);
  await checkTemplateRef(tx, orgId, definition);
  let stranded: StrandedField[] = [];
  let fieldMapping: FieldMapping = {};
  if (app.latest_version !== null) {
    const migrated = migrateDefinition(await versionDefinition(tx, orgId, appId, app.latest_version));
    if (migrated.ok) {
      stranded = await findStranded(tx, orgId, appId, migrated.definition as AppDefinition, definition);
      fieldMapping = confirmedMapping(stranded, definition, input.confirm, input.mapping);
    }
  }
  // Devices pull "seq > cursor": the version's seq must be drawn in commit order, so take the
  // organization's audit-chain head lock (the change-feed lock; appendAudit takes it anyway) first.
  await lockAuditHead(tx, orgId);
  const [row] = await tx.query<{ seq: string | number; published_at: Date | string }>(
    `insert into app_versions (org_id, app_id, version, definition, note, published_by, field_mapping, rollback_of)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning seq, published_at`,
    [
      orgId,
      appId,
      version,
      JSON.stringify(definition),
      input.note,
      input.userId,
      JSON.stringify(fieldMapping),
      input.rollbackOf ?? null,
    ],
  );
  await tx.query(
    `update apps set latest_version = $3, current_version = $3, name = $4, template_id = $5, template_version = $6,
            updated_at = now()
      where org_id = $1 and id = $2`,
    [
      orgId,
      appId,
      version,
      JSON.stringify(definition.name),
      definition.template?.id ?? null,
      definition.template?.version ?? null,
    ],
  );
  const published: PublishedVersion = {
    app: appId,
    version,
    seq: Number(row?.seq),
    note: input.note,
    publishedAt: new Date(row?.published_at ?? Date.now()).toISOString(),
    fieldMapping,
    rollbackOf: input.rollbackOf ?? null,
    stranded,
  };
  await appendAudit(tx, {
    orgId,
    actor: input.actor,
    action: input.rollbackOf ? 'app.rollback' : 'app.publish',
    entityType: 'app',
    entityId: appId,
    before: { latestVersion: app.latest_version, currentVersion: app.current_version },
    after: {
      version,
      currentVersion: version,
      note: input.note,
      sha256: definitionHash(definition),
      fieldMapping,
      stranded,
      rollbackOf: published.rollbackOf,
    },
  });
  return published;
}
