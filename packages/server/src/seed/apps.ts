import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppDefinition, migrateDefinition, type RecordEnvelope } from '@gongfang/schema';
import type { Db, Queryable } from '../db/Db.ts';
import { insertApp } from '../registry/apps.ts';
import { prepareDefinition } from '../registry/prepare.ts';
import { publishVersion } from '../registry/publish.ts';
import { publishTemplate } from '../templates/templates.ts';
import { pushSeedRecords } from './records.ts';

/** The example app that is also published as a template (the IT department's vetted starting point). */
export const EXAMPLE_TEMPLATE = 'quality_inspection';
const NOTE = '示例应用 / Example app';

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Who the example apps and records are stored as. The tables need a real user for `created_by` /
 * `published_by`: the first IT admin (else anyone). The audit log still names the system (actor null).
 */
async function storingUser(tx: Queryable, orgId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await tx.query<{ id: string; name: string }>(
    `select u.id, u.name from users u
       left join user_roles r on r.org_id = u.org_id and r.user_id = u.id and r.role_id = 'it_admin'
      where u.org_id = $1 order by (r.role_id is null), u.name limit 1`,
    [orgId],
  );
  return row;
}

/**
 * First start: publishes every examples/<app>/app.json (migrated and validated) as version 1 of an
 * app of the organization, pushes examples/<app>/seed.json records (version 1) through the sync
 * accept path as their creators (flows start, tasks open, ledgers post, all audited), and
 * publishes the quality-inspection app as template `quality_inspection` v1. One transaction, so a
 * failure leaves nothing half-seeded; apps that already exist are left alone. Returns the app ids
 * published now.
 */
export async function seedApps(db: Db, orgId: string, examplesDir: string): Promise<string[]> {
  const dirs = (await readdir(examplesDir, { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return db.transaction(async (tx) => {
    const user = await storingUser(tx, orgId);
    if (!user) return [];
    const published: string[] = [];
    for (const dir of dirs) {
      const raw = await readJson(join(examplesDir, dir, 'app.json'));
      const migrated = migrateDefinition(raw);
      if (!migrated.ok) throw new Error(`examples/${dir}/app.json: ${migrated.error.message.en}`);
      const id = (migrated.definition as AppDefinition).id;
      const { definition, errors } = prepareDefinition(migrated.definition, id, 1);
      if (errors.length > 0)
        throw new Error(`examples/${dir}/app.json: ${errors.map((e) => `${e.pointer} ${e.message.en}`).join('; ')}`);
      const [exists] = await tx.query('select 1 from apps where org_id = $1 and id = $2', [orgId, id]);
      if (exists) continue;
      await insertApp(tx, orgId, null, user.id, { id, name: definition.name, definition, template: null });
      await publishVersion(tx, { orgId, appId: id, actor: null, userId: user.id, definition, note: NOTE });
      const seed = (await readJson(join(examplesDir, dir, 'seed.json'))) as { records?: RecordEnvelope[] } | undefined;
      await pushSeedRecords(
        db,
        tx,
        orgId,
        user,
        (seed?.records ?? []).filter((r) => r.app === id && r.version === 1),
      );
      if (id === EXAMPLE_TEMPLATE) {
        await publishTemplate(tx, orgId, user, { app: id, appVersion: 1, note: NOTE }, null);
      }
      published.push(id);
    }
    return published;
  });
}
