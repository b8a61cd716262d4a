/*
 * The inventory example inside a test server: an organization `inv` with the example's roles and
 * a user per role, the app published as version 1 straight into app_versions, and records accepted
 * through the same transaction shape the sync engine uses (insert, then postRecord).
 * Until the registry and sync routes exist, tests of ledgers, views and export start from here.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AppDefinition } from '@gongfang/schema';
import type { Db, Queryable } from '../src/db/Db.ts';
import { type PostResult, postRecord } from '../src/ledger/post.ts';
import { seedOrganization } from '../src/seed/demo.ts';
import { TEST_PASSWORD } from './harness.ts';

export const INVENTORY = JSON.parse(
  readFileSync(new URL('../../../examples/inventory/app.json', import.meta.url), 'utf8'),
) as AppDefinition;

export const INV_ORG = 'inv';

const user = (name: string, roles: string[]) => ({ name, displayName: { 'zh-CN': name, en: name }, roles });

/** Users: admin (it_admin), keeper (warehouse_keeper), keeper2, wlead (workshop_lead), op (operator), qc, guest (no role). */
export async function seedInventory(db: Db, definition: AppDefinition = INVENTORY): Promise<Map<string, string>> {
  await db.transaction(async (tx) => {
    await seedOrganization(
      tx,
      { id: INV_ORG, name: { 'zh-CN': '仓库厂', en: 'Inventory plant' } },
      {
        roles: (definition.roles ?? []).map((r) => ({ id: r.id, name: r.name })),
        users: [
          user('admin', ['it_admin']),
          user('keeper', ['warehouse_keeper']),
          user('keeper2', ['warehouse_keeper']),
          user('wlead', ['workshop_lead']),
          user('op', ['operator']),
          user('qc', ['qc_engineer']),
          user('guest', []),
        ],
      },
      TEST_PASSWORD,
    );
  });
  const rows = await db.query<{ id: string; name: string }>('select id, name from users where org_id = $1', [INV_ORG]);
  const ids = new Map(rows.map((r) => [r.name, r.id]));
  await publishVersion(db, definition, ids.get('admin') as string);
  return ids;
}

/** Publishes `definition` as its own `version` (registry stand-in). */
export async function publishVersion(db: Db, definition: AppDefinition, by: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into apps (org_id, id, name, latest_version, current_version, created_by) values ($1, $2, $3, $4, $4, $5)
       on conflict (org_id, id) do update set latest_version = $4, current_version = $4`,
      [INV_ORG, definition.id, JSON.stringify(definition.name), definition.version, by],
    );
    await tx.query(
      'insert into app_versions (org_id, app_id, version, definition, published_by) values ($1, $2, $3, $4, $5)',
      [INV_ORG, definition.id, definition.version, JSON.stringify(definition), by],
    );
  });
}

export interface TestRecord {
  id: string;
  form: string;
  revision: number;
  data: Record<string, unknown>;
  status: string;
  version: number;
}

export interface Line {
  item: string;
  qty: number;
  location: string;
  batch?: string;
}

export function lines(items: Line[]) {
  return items.map((l) => ({
    item_code: l.item,
    item_name: `物料 ${l.item}`,
    batch: l.batch ?? 'B1',
    qty: l.qty,
    unit: 'pcs',
    location: l.location,
  }));
}

let docCounter = 100;

export function stockIn(items: Line[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  docCounter += 1;
  return {
    doc_no: `RK-20250301-${String(docCounter % 1000).padStart(3, '0')}`,
    in_date: '2025-03-01',
    in_type: 'purchase',
    supplier: '供应商',
    keeper: 'keeper',
    lines: lines(items),
    ...extra,
  };
}

export function stockOut(items: Line[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  docCounter += 1;
  return {
    doc_no: `CK-20250302-${String(docCounter % 1000).padStart(3, '0')}`,
    out_date: '2025-03-02',
    out_type: 'production',
    to_line: 'L1',
    requester: 'op',
    keeper: 'keeper',
    lines: lines(items),
    ...extra,
  };
}

/** Inserts a record (or a new revision of it) pinned to `version`. */
export async function saveRecord(
  tx: Queryable,
  r: {
    id?: string;
    form: string;
    data: Record<string, unknown>;
    by: string;
    version?: number;
    revision?: number;
    status?: string;
    /** When the tablet created it (default now): a record synced late is older than others. */
    createdAt?: string;
  },
): Promise<TestRecord> {
  const id = r.id ?? randomUUID();
  const revision = r.revision ?? 1;
  const version = r.version ?? 1;
  const status = r.status ?? 'none';
  const now = r.createdAt ?? new Date().toISOString();
  await tx.query(
    `insert into records (org_id, id, app_id, form_id, version, revision, data, created_by, created_at, updated_at, device_id, status)
     values ($1, $2, 'inventory', $3, $4, $5, $6, $7, $8, $8, 'test', $9)
     on conflict (org_id, id) do update set revision = $5, data = $6, updated_at = $8, status = $9, version = $4,
       seq = nextval('change_seq')`,
    [INV_ORG, id, r.form, version, revision, JSON.stringify(r.data), r.by, now, status],
  );
  await tx.query(
    `insert into record_revisions (org_id, record_id, revision, version, data, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [INV_ORG, id, revision, version, JSON.stringify(r.data), r.by, now],
  );
  return { id, form: r.form, revision, data: r.data, status, version };
}

/** Accept (insert + post) in one transaction, as the sync engine's accept does. */
export async function accept(
  db: Db,
  r: Parameters<typeof saveRecord>[1],
  app: AppDefinition = INVENTORY,
): Promise<{ record: TestRecord; posted: PostResult }> {
  return db.transaction(async (tx) => {
    const record = await saveRecord(tx, r);
    const posted = await postRecord(tx, {
      orgId: INV_ORG,
      app,
      record,
      event: (r.revision ?? 1) > 1 ? 'edited' : 'submit',
    });
    return { record, posted };
  });
}

/** A workflow outcome on an existing record (status update + postRecord). */
export async function workflowEvent(
  db: Db,
  record: TestRecord,
  event: 'approved' | 'rejected' | 'returned' | 'withdrawn',
  app: AppDefinition = INVENTORY,
): Promise<PostResult> {
  return db.transaction(async (tx) => {
    await tx.query('update records set status = $3 where org_id = $1 and id = $2', [INV_ORG, record.id, event]);
    return postRecord(tx, { orgId: INV_ORG, app, record: { ...record, status: event }, event });
  });
}
