import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AppDefinition } from '@gongfang/schema';
import type { Queryable } from '../src/db/Db.ts';
import { uuidv7 } from '../src/records/uuidv7.ts';
import { loadDemoSeed, seedOrganization } from '../src/seed/demo.ts';
import { type Answer, type Client, signedInAs } from './client.ts';
import { type DbKind, startServer, TEST_PASSWORD, type TestServer } from './harness.ts';

export { uuidv7 };

const EXAMPLES = new URL('../../../examples/', import.meta.url);
export const exampleApp = (dir: string): AppDefinition =>
  JSON.parse(readFileSync(new URL(`${dir}/app.json`, EXAMPLES), 'utf8')) as AppDefinition;

/** Publishes a definition as version `version` (what the registry does), straight into the tables. */
export async function publish(q: Queryable, orgId: string, app: AppDefinition, version = app.version): Promise<void> {
  const [admin] = await q.query<{ id: string }>('select id from users where org_id = $1 order by name limit 1', [
    orgId,
  ]);
  await q.query(
    `insert into apps (org_id, id, name, latest_version, current_version, created_by) values ($1, $2, $3, $4, $4, $5)
     on conflict (org_id, id) do update set latest_version = excluded.latest_version, current_version = excluded.current_version`,
    [orgId, app.id, JSON.stringify(app.name), version, admin?.id],
  );
  await q.query(
    'insert into app_versions (org_id, app_id, version, definition, published_by) values ($1, $2, $3, $4, $5)',
    [orgId, app.id, version, JSON.stringify({ ...app, version }), admin?.id],
  );
}

/**
 * The test server plus org `demo`: the examples' roles and people (zhou.min qc_engineer, huang.tao
 * qc_lead, zhang.wei shift_lead, sun.li warehouse_keeper, …) and the three example apps published.
 */
export async function startSyncServer(kind: DbKind): Promise<TestServer> {
  const server = await startServer(kind);
  const seed = await loadDemoSeed();
  await server.db.transaction(async (tx) => {
    await seedOrganization(tx, { id: 'demo', name: { 'zh-CN': '示范工厂', en: 'Demo' } }, seed, TEST_PASSWORD);
    for (const dir of ['quality-inspection', 'inventory', 'shift-handover']) await publish(tx, 'demo', exampleApp(dir));
  });
  return server;
}

export const demo = (base: string, user: string): Promise<Client> => signedInAs(base, user, 'demo');

export interface FileRef {
  id: string;
  name: string;
  type: string;
  size: number;
}

/** Uploads bytes as an attachment; returns the file value a record names. */
export async function upload(client: Client, text: string, type = 'image/png'): Promise<FileRef> {
  const body = Buffer.from(text);
  const id = createHash('sha256').update(body).digest('hex');
  const answer = await rawPut(client, `/api/attachments/${id}`, body, type);
  if (answer.status !== 201 && answer.status !== 200) throw new Error(`upload failed: ${answer.status}`);
  return { id, name: 'photo.png', type, size: body.length };
}

export async function rawPut(client: Client, path: string, body: Buffer, type: string): Promise<Answer> {
  const headers: Record<string, string> = {
    'content-type': type,
    cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': client.cookies.get('gf_csrf') ?? '',
  };
  const response = await fetch(client.base + path, { method: 'PUT', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

/** A quality inspection: NG when `measured` is out of [1, 2]. */
export function inspection(
  signature: FileRef,
  options: { ng?: boolean; by?: string; photo?: FileRef; version?: number } = {},
) {
  const ng = options.ng ?? false;
  const data: Record<string, unknown> = {
    inspected_at: '2025-03-04T08:30:00+08:00',
    line: 'L1',
    shift: 'day',
    product: 'P-2002',
    batch: 'B250304-01',
    insp_type: 'first',
    inspector: options.by ?? 'zhou.min',
    shift_lead: 'zhang.wei',
    sample_size: 5,
    items: [{ _id: 'row-1', characteristic: 'Ø47', lower: 1, upper: 2, measured: ng ? 3 : 1.5, judgement: 'FAKE' }],
    inspector_signature: signature,
    // a device-computed formula the server must not trust
    result: 'OK',
  };
  if (ng) {
    data.defect_type = 'dimension';
    data.defect_photos = [options.photo ?? signature];
  }
  return {
    id: uuidv7(),
    app: 'quality_inspection',
    form: 'inspection',
    version: options.version ?? 1,
    revision: 1,
    data,
    createdBy: options.by ?? 'zhou.min',
    createdAt: '2025-03-04T08:35:00+08:00',
    deviceId: 'tablet-qc-01',
  };
}

export type RecordInput = ReturnType<typeof inspection>;

export const create = (record: RecordInput, extra: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  kind: 'create',
  record,
  ...extra,
});

export async function pushAll(client: Client, mutations: unknown[], deviceId = 'tablet-qc-01') {
  const answer = await client.post('/api/sync/push', { deviceId, mutations });
  if (answer.status !== 200) throw new Error(`push ${answer.status}: ${JSON.stringify(answer.body)}`);
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON answers
  return answer.body.results as any[];
}
