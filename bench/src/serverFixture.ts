/* What the server benchmarks share: the demo organization with the inventory app published, and stock-ins. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AppDefinition } from '@gongfang/schema';
import { type Db, loadDemoSeed, migrate, seedOrganization } from '@gongfang/server';

export const PASSWORD = 'bench-password';

export const INVENTORY = JSON.parse(
  readFileSync(new URL('../../examples/inventory/app.json', import.meta.url), 'utf8'),
) as AppDefinition;

/** Record and mutation ids are UUIDv7, made on the device. */
export function uuidv7(): string {
  const b = randomBytes(16);
  const ms = BigInt(Date.now());
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

let counter = 0;

/** A stock-in of three lines, as the inventory app's tablet form submits it. */
export function stockIn(): {
  id: string;
  app: string;
  form: string;
  version: number;
  revision: number;
  data: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  deviceId: string;
} {
  counter += 1;
  const n = counter;
  const lines = [0, 1, 2].map((i) => ({
    _id: `r${n}-${i}`,
    item_code: `ITM-${String(10000 + ((n * 3 + i) % 200)).padStart(5, '0')}`,
    item_name: '深沟球轴承 6204-2RS',
    batch: `NB${n % 97}`,
    qty: 1 + ((n + i) % 50),
    unit: 'pcs',
    location: 'A-03',
    unit_price: 6.8,
  }));
  return {
    id: uuidv7(),
    app: 'inventory',
    form: 'stock_in',
    version: 1,
    revision: 1,
    data: {
      doc_no: `RK-20250301-${String(n % 1000).padStart(3, '0')}`,
      in_date: '2025-03-01',
      in_type: 'purchase',
      supplier: '宁波精达轴承有限公司',
      keeper: 'sun.li',
      lines,
    },
    createdBy: 'sun.li',
    createdAt: new Date().toISOString(),
    deviceId: 'bench-tablet',
  };
}

/**
 * Migrates, seeds organization `orgId` (the examples' people, password PASSWORD) and publishes
 * inventory v1 in it. Returns the id of sun.li, the warehouse keeper who submits the stock-ins.
 */
export async function prepareServerDb(db: Db, orgId = 'demo'): Promise<{ keeperId: string }> {
  await migrate(db);
  const seed = await loadDemoSeed();
  await db.transaction(async (tx) => {
    await seedOrganization(tx, { id: orgId, name: { 'zh-CN': '示范工厂', en: 'Demo' } }, seed, PASSWORD);
    const [admin] = await tx.query<{ id: string }>("select id from users where org_id = $1 and name = 'wang.fang'", [
      orgId,
    ]);
    await tx.query(
      `insert into apps (org_id, id, name, latest_version, current_version, created_by) values ($1, 'inventory', $2, 1, 1, $3)`,
      [orgId, JSON.stringify(INVENTORY.name), admin?.id],
    );
    await tx.query(
      `insert into app_versions (org_id, app_id, version, definition, published_by) values ($1, 'inventory', 1, $2, $3)`,
      [orgId, JSON.stringify(INVENTORY), admin?.id],
    );
  });
  const [keeper] = await db.query<{ id: string }>("select id from users where org_id = $1 and name = 'sun.li'", [
    orgId,
  ]);
  if (!keeper) throw new Error('sun.li not seeded');
  return { keeperId: keeper.id };
}
