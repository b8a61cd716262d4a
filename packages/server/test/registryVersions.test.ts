import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from './client.ts';
import { signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';
import { createAndPublish, edited, patrolApp, saveDraft } from './registryFixtures.ts';

const V1_RECORD = '01960000-0000-7000-8000-000000000001';
const V2_RECORD = '01960000-0000-7000-8000-000000000002';
const v1Data = {
  line: 'L1',
  qty: 5,
  note: 'belt worn',
  items: [{ _id: 'r1', name: 'belt', value: 3 }],
  double_qty: 10,
};

describe.each(DB_KINDS)('app versions: stranded fields, diff, rollback on %s', (kind) => {
  let server: TestServer;
  let admin: Client;
  let opId: string;
  const v1 = patrolApp();
  // v2 drops `note` (holds data), retypes the `items.value` column (holds data), drops the formula
  // `double_qty` (holds data too) and adds `remarks`, the note's new home.
  const v2 = edited(v1, (d) => {
    d.forms[0].fields.splice(2, 1);
    d.forms[0].fields[2].fields[1].type = 'text';
    d.forms[0].fields.splice(3, 1);
    d.forms[0].fields.push({ id: 'remarks', type: 'textarea', label: { 'zh-CN': '说明', en: 'Remarks' } });
  });

  async function insertRecord(id: string, version: number, data: object): Promise<void> {
    await server.db.query(
      `insert into records (org_id, id, app_id, form_id, version, revision, data, created_by, created_at, updated_at, device_id)
       values ('alpha', $1, 'patrol', 'check', $2, 1, $3, $4, now(), now(), 'tablet-1')`,
      [id, version, JSON.stringify(data), opId],
    );
  }

  beforeAll(async () => {
    server = await startServer(kind);
    admin = await signedInAs(server.base, 'admin');
    const [op] = await server.db.query<{ id: string }>(`select id from users where org_id = 'alpha' and name = 'op'`);
    opId = op?.id ?? '';
    await createAndPublish(admin, v1);
    await insertRecord(V1_RECORD, 1, v1Data);
  });
  afterAll(() => server.close());

  test('dropping or retyping fields that hold data needs confirm and a mapping per field (409 confirm-required)', async () => {
    expect((await saveDraft(admin, 'patrol', v2, 1)).status).toBe(200);
    const refused = await admin.post('/api/apps/patrol/publish', { note: 'v2' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('confirm-required');
    expect(refused.body.stranded).toEqual([
      { form: 'check', field: 'note', oldType: 'text', newType: 'removed', records: 1 },
      { form: 'check', field: 'items.value', oldType: 'number', newType: 'text', records: 1 },
      { form: 'check', field: 'double_qty', oldType: 'formula', newType: 'removed', records: 1 },
    ]);
    expect(refused.body.message['zh-CN']).toContain('check.note');

    const partly = await admin.post('/api/apps/patrol/publish', {
      confirm: true,
      mapping: { 'check.note': 'remarks' },
    });
    expect(partly.status).toBe(409);
    expect(partly.body.missing).toEqual(['check.items.value', 'check.double_qty']);
    const unconfirmed = await admin.post('/api/apps/patrol/publish', {
      mapping: { 'check.note': 'remarks', 'check.items.value': null, 'check.double_qty': null },
    });
    expect(unconfirmed.body.code).toBe('confirm-required');
    const badTarget = await admin.post('/api/apps/patrol/publish', {
      confirm: true,
      mapping: { 'check.note': 'nowhere', 'check.items.value': null, 'check.double_qty': null },
    });
    expect(badTarget.status).toBe(422);
    expect(badTarget.body).toMatchObject({ code: 'invalid-mapping', field: 'check.note', target: 'nowhere' });
    expect((await admin.get('/api/apps/patrol')).body.latestVersion).toBe(1);

    const mapping = { 'check.note': 'remarks', 'check.items.value': null, 'check.double_qty': null };
    const published = await admin.post('/api/apps/patrol/publish', { note: 'v2', confirm: true, mapping });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 2, fieldMapping: mapping });
    expect((await admin.get('/api/apps/patrol/versions/2')).body.fieldMapping).toEqual(mapping);
    const audit = (await admin.get('/api/audit?entityId=patrol&action=app.publish&limit=1')).body.entries[0];
    expect(audit.after.stranded).toHaveLength(3);
    expect(audit.after.fieldMapping).toEqual(mapping);
  });

  test('records of version 1 stay pinned to it, untouched, and version 1 still describes them', async () => {
    const [row] = await server.db.query<{ version: number; data: unknown; revision: number }>(
      'select version, data, revision from records where id = $1',
      [V1_RECORD],
    );
    expect(row).toEqual({ version: 1, data: v1Data, revision: 1 });
    const old = (await admin.get('/api/apps/patrol/versions/1')).body.definition;
    expect(old.forms[0].fields.map((f: { id: string }) => f.id)).toContain('note');
    const op = await signedInAs(server.base, 'op');
    expect((await op.get('/api/apps/patrol/versions/1')).status).toBe(200);
  });

  test('fields without data may go without confirmation', async () => {
    const v3 = edited(v2, (d) => {
      d.forms[0].fields.push({ id: 'temp', type: 'number', label: { 'zh-CN': '温度' } });
    });
    const [draft] = [(await admin.get('/api/apps/patrol/draft')).body];
    await saveDraft(admin, 'patrol', v3, draft.revision);
    expect((await admin.post('/api/apps/patrol/publish', { note: 'v3 adds temp' })).status).toBe(201);
    await saveDraft(admin, 'patrol', v2, draft.revision + 1);
    const v4 = await admin.post('/api/apps/patrol/publish', { note: 'v4 drops temp again, it holds nothing' });
    expect(v4.status).toBe(201);
    expect(v4.body.fieldMapping).toEqual({});
  });

  test('the diff between two versions, and between a version and the draft, is readable and matched by id', async () => {
    const diff = await admin.get('/api/apps/patrol/diff?from=1&to=2');
    expect(diff.status).toBe(200);
    const entries = diff.body.changes.map((c: { kind: string; path: string }) => `${c.kind} ${c.path}`);
    expect(entries).toEqual(
      expect.arrayContaining([
        'field.removed check.note',
        'field.retyped check.items.value',
        'field.removed check.double_qty',
        'field.added check.remarks',
      ]),
    );
    const retyped = diff.body.changes.find((c: { kind: string }) => c.kind === 'field.retyped');
    expect(retyped).toMatchObject({ before: 'number', after: 'text', pointer: '/forms/0/fields/2/fields/1' });
    expect(retyped.summary['zh-CN']).toContain('测量值');
    expect((await admin.get('/api/apps/patrol/diff?from=2&to=4')).body.changes).toEqual([]);

    const draft = (await admin.get('/api/apps/patrol/draft')).body;
    const relabelled = edited(draft.definition, (d) => {
      d.forms[0].fields[0].label.en = 'Production line';
      d.forms[0].permissions.submit.push('shift_lead');
    });
    await saveDraft(admin, 'patrol', relabelled, draft.revision);
    const toDraft = (await admin.get('/api/apps/patrol/diff?from=4&to=draft')).body.changes;
    expect(toDraft.map((c: { kind: string }) => c.kind)).toEqual(['field.relabelled', 'permission.changed']);
    expect(toDraft[0].summary.en).toBe('Field "Line" renamed to "Production line"');
    expect((await admin.get('/api/apps/patrol/diff?from=1&to=99')).status).toBe(404);
  });

  test('rollback publishes a copy of the older version as the next version, with the stranded-field check', async () => {
    await insertRecord(V2_RECORD, 2, {
      line: 'L2',
      qty: 1,
      remarks: 'fine',
      items: [{ _id: 'r1', name: 'x', value: 'ok' }],
    });
    const refused = await admin.post('/api/apps/patrol/rollback', { to: 1 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('confirm-required');
    expect(refused.body.stranded.map((s: { field: string }) => s.field)).toEqual(['items.value', 'remarks']);

    const draftBefore = (await admin.get('/api/apps/patrol/draft')).body;
    const rolled = await admin.post('/api/apps/patrol/rollback', {
      to: 1,
      confirm: true,
      mapping: { 'check.remarks': 'note', 'check.items.value': 'items.value' },
    });
    expect(rolled.status).toBe(201);
    expect(rolled.body).toMatchObject({ version: 5, rollbackOf: 1, draftFollowed: false });
    const meta = (await admin.get('/api/apps/patrol')).body;
    expect(meta).toMatchObject({ latestVersion: 5, currentVersion: 5 });
    const copy = (await admin.get('/api/apps/patrol/versions/5')).body.definition;
    const original = (await admin.get('/api/apps/patrol/versions/1')).body.definition;
    expect({ ...copy, version: 1 }).toEqual(original);
    expect((await admin.get('/api/apps/patrol/diff?from=1&to=5')).body.changes).toEqual([]);
    // The draft had unpublished edits: it is kept, not overwritten by the rollback.
    expect((await admin.get('/api/apps/patrol/draft')).body.revision).toBe(draftBefore.revision);
    // Records stay on the version they were filled with.
    const pinned = await server.db.query<{ id: string; version: number }>(
      `select id, version from records where app_id = 'patrol' order by id`,
    );
    expect(pinned.map((r) => r.version)).toEqual([1, 2]);
    expect((await admin.post('/api/apps/patrol/rollback', { to: 5 })).body.code).toBe('already-current');
    expect((await admin.post('/api/apps/patrol/rollback', { to: 77 })).status).toBe(404);
  });

  test('a rollback with a clean draft moves the draft along; every step is audited', async () => {
    // Make the draft equal to the latest version, then roll back to 4.
    const latest = (await admin.get('/api/apps/patrol/versions/5')).body.definition;
    const draft = (await admin.get('/api/apps/patrol/draft')).body;
    await saveDraft(admin, 'patrol', latest, draft.revision);
    const rolled = await admin.post('/api/apps/patrol/rollback', {
      to: 4,
      confirm: true,
      mapping: { 'check.note': 'remarks', 'check.items.value': null, 'check.double_qty': null },
    });
    expect(rolled.status).toBe(201);
    expect(rolled.body).toMatchObject({ version: 6, rollbackOf: 4, draftFollowed: true });
    const followed = (await admin.get('/api/apps/patrol/draft')).body;
    expect(followed.revision).toBe(draft.revision + 2);
    expect(followed.definition).toMatchObject({ version: 6 });
    const actions = (await admin.get('/api/audit?entityId=patrol&limit=3')).body.entries.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(['app.draft.rollback', 'app.rollback', 'app.draft.save']);
    const versions = (await admin.get('/api/apps/patrol/versions')).body.versions;
    expect(versions.map((v: { version: number; rollbackOf: number | null }) => [v.version, v.rollbackOf])).toEqual([
      [6, 4],
      [5, 1],
      [4, null],
      [3, null],
      [2, null],
      [1, null],
    ]);
  });
});
