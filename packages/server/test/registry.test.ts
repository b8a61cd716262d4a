import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';
import { createAndPublish, edited, patrolApp, saveDraft } from './registryFixtures.ts';

describe.each(DB_KINDS)('app registry: drafts, publish, roles, isolation on %s', (kind) => {
  let server: TestServer;
  let admin: Client;
  let op: Client;
  beforeAll(async () => {
    server = await startServer(kind);
    admin = await signedInAs(server.base, 'admin');
    op = await signedInAs(server.base, 'op');
  });
  afterAll(() => server.close());

  test('operators cannot create, save, publish, diff or roll back (403); visitors get 401', async () => {
    expect((await admin.post('/api/apps', { id: 'guarded', definition: patrolApp('guarded') })).status).toBe(201);
    const attempts = [
      await op.post('/api/apps', { id: 'mine', name: { 'zh-CN': '我的' } }),
      await saveDraft(op, 'guarded', patrolApp('guarded'), 1),
      await op.post('/api/apps/guarded/publish', { note: 'sneaky' }),
      await op.get('/api/apps/guarded/draft'),
      await op.get('/api/apps/guarded/diff?from=1&to=draft'),
      await op.post('/api/apps/guarded/rollback', { to: 1 }),
    ];
    for (const answer of attempts) {
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('forbidden');
      expect(answer.body.message['zh-CN']).toBeTruthy();
    }
    expect((await new Client(server.base).get('/api/apps')).status).toBe(401);
    expect((await admin.get('/api/apps/guarded')).body.latestVersion).toBeNull();
  });

  test('drafts save with optimistic concurrency; a stale revision is 409 stale-draft with the current revision', async () => {
    const created = await admin.post('/api/apps', { id: 'drafty', name: { 'zh-CN': '草稿', en: 'Drafty' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'drafty', latestVersion: null, currentVersion: null, template: null });
    const first = await admin.get('/api/apps/drafty/draft');
    expect(first.body.revision).toBe(1);
    // The empty skeleton is saved although it is not publishable; the answer says why.
    expect(first.body.problems.length).toBeGreaterThan(0);

    const saved = await saveDraft(admin, 'drafty', patrolApp('drafty'), 1);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: 2, problems: [] });
    const stale = await saveDraft(admin, 'drafty', patrolApp('drafty'), 1);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale-draft', currentRevision: 2 });
    expect(stale.body.message.en).toMatch(/latest revision/);

    const broken = edited(patrolApp('drafty'), (d) => {
      d.forms[0].fields[1].type = 'no-such-type';
    });
    const invalid = await saveDraft(admin, 'drafty', broken, 2);
    expect(invalid.status).toBe(200);
    expect(invalid.body.revision).toBe(3);
    expect(invalid.body.problems.some((p: { pointer: string }) => p.pointer.startsWith('/forms/0/fields/1'))).toBe(
      true,
    );
    expect((await admin.get('/api/apps/drafty/draft')).body.definition.forms[0].fields[1].type).toBe('no-such-type');
  });

  test('publishing an invalid draft answers 422 invalid-definition with every error and publishes nothing', async () => {
    const broken = edited(patrolApp('broken'), (d) => {
      d.forms[0].fields[1].id = 'line'; // duplicate id
      d.forms[0].fields[4].expression = 'nope +';
    });
    expect((await admin.post('/api/apps', { id: 'broken', definition: broken })).status).toBe(201);
    const answer = await admin.post('/api/apps/broken/publish', { note: 'try' });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('invalid-definition');
    const pointers = answer.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toContain('/forms/0/fields/1/id');
    expect(pointers.some((p: string) => p.startsWith('/forms/0/fields/4'))).toBe(true);
    for (const e of answer.body.errors)
      expect(e).toMatchObject({ code: expect.any(String), message: { en: expect.any(String) } });
    expect((await admin.get('/api/apps/broken')).body.latestVersion).toBeNull();
    expect((await admin.get('/api/apps/broken/versions')).body.versions).toEqual([]);
  });

  test('publishing stores an immutable version with the app id, the version number and a change seq', async () => {
    const draft = { ...patrolApp('whatever_id'), version: 42 };
    expect((await admin.post('/api/apps', { id: 'patrol', definition: draft })).status).toBe(201);
    const published = await admin.post('/api/apps/patrol/publish', { note: '首版' });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      app: 'patrol',
      version: 1,
      note: '首版',
      publishedBy: 'admin',
      fieldMapping: {},
    });
    expect(published.body.seq).toBeGreaterThan(0);
    const v1 = await admin.get('/api/apps/patrol/versions/1');
    expect(v1.body.definition).toMatchObject({ id: 'patrol', version: 1 });
    const meta = (await admin.get('/api/apps/patrol')).body;
    expect(meta).toMatchObject({ latestVersion: 1, currentVersion: 1 });

    const second = await admin.post('/api/apps/patrol/publish', { note: 'again' });
    expect(second.body.version).toBe(2);
    expect(second.body.seq).toBeGreaterThan(published.body.seq);

    await expect(
      server.db.query(`update app_versions set note = 'changed' where app_id = 'patrol' and version = 1`),
    ).rejects.toThrow(/immutable/);
    await expect(server.db.query(`delete from app_versions where app_id = 'patrol'`)).rejects.toThrow(/immutable/);
    expect((await admin.get('/api/apps/patrol/versions/1')).body.note).toBe('首版');
    expect((await admin.get('/api/apps/patrol/versions/9')).status).toBe(404);
  });

  test('GET /api/apps: users see published apps that name one of their roles; designers see every app', async () => {
    const ids = async (c: Client) => (await c.get('/api/apps')).body.apps.map((a: { id: string }) => a.id);
    expect(await ids(op)).toEqual(['patrol']);
    const lead = await signedInAs(server.base, 'lead');
    expect(await ids(lead)).toEqual(['patrol']); // viewAll names shift_lead
    expect(await ids(admin)).toEqual(['broken', 'drafty', 'guarded', 'patrol']);
    expect((await op.get('/api/apps')).body.apps[0].canDesign).toBe(false);
    // An app that names none of the user's roles, or is not published, is a 404 to them.
    const hidden = edited(patrolApp('hidden'), (d) => {
      d.forms[0].permissions = { submit: ['shift_lead'] };
      d.views = [];
    });
    await createAndPublish(admin, hidden);
    expect((await op.get('/api/apps/hidden')).status).toBe(404);
    expect((await op.get('/api/apps/hidden/versions/1')).status).toBe(404);
    expect((await op.get('/api/apps/drafty')).status).toBe(404);
    expect((await op.get('/api/apps/patrol/versions/1')).body.definition.id).toBe('patrol');
  });

  test('another organization’s app ids answer 404 on every route, never 403 and never data', async () => {
    const beta = await signedInAs(server.base, 'admin', 'beta');
    expect((await beta.get('/api/apps')).body.apps).toEqual([]);
    const answers = [
      await beta.get('/api/apps/patrol'),
      await beta.get('/api/apps/patrol/draft'),
      await beta.get('/api/apps/patrol/versions'),
      await beta.get('/api/apps/patrol/versions/1'),
      await beta.get('/api/apps/patrol/diff?from=1&to=2'),
      await saveDraft(beta, 'patrol', patrolApp(), 1),
      await beta.post('/api/apps/patrol/publish', { note: 'x' }),
      await beta.post('/api/apps/patrol/rollback', { to: 1 }),
      await beta.post('/api/apps/patrol/upgrade-template', {}),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('app-not-found');
      expect(JSON.stringify(answer.body)).not.toContain('巡检');
    }
    // Beta may create its own app with the same id: ids are per organization.
    expect((await beta.post('/api/apps', { id: 'patrol', definition: patrolApp() })).status).toBe(201);
    expect((await admin.get('/api/apps/patrol')).body.latestVersion).toBe(2);
  });

  test('bad input: unknown app 404, bad ids and bodies 400, a second app with the same id 409', async () => {
    expect((await admin.get('/api/apps/nope')).status).toBe(404);
    expect((await admin.get('/api/apps/Bad-Id')).body.code).toBe('invalid-request');
    expect((await admin.post('/api/apps', { id: 'patrol' })).body.code).toBe('app-exists');
    expect((await saveDraft(admin, 'patrol', 'not an object', 1)).status).toBe(400);
    expect((await admin.post('/api/apps/patrol/publish', { confirm: 'yes' })).status).toBe(400);
    expect((await admin.get('/api/apps/patrol/diff?from=0&to=1')).status).toBe(400);
  });

  test('every create, draft save and publish is in the audit log with before and after', async () => {
    const entries = (await admin.get('/api/audit?entityType=app&entityId=drafty&limit=50')).body.entries as {
      action: string;
      before: { revision: number } | null;
      after: { revision: number; changes?: { kind: string }[] };
    }[];
    const saves = entries.filter((e) => e.action === 'app.draft.save');
    expect(saves).toHaveLength(2);
    expect(saves.map((e) => [e.before?.revision, e.after.revision])).toEqual([
      [2, 3],
      [1, 2],
    ]);
    expect(saves[0]?.after.changes?.[0]?.kind).toBe('field.retyped');
    const publishes = (await admin.get('/api/audit?entityType=app&entityId=patrol&action=app.publish')).body.entries;
    expect(publishes.map((e: { after: { version: number } }) => e.after.version)).toEqual([2, 1]);
    expect(publishes[1].before).toEqual({ latestVersion: null, currentVersion: null });
    expect((await admin.get('/api/audit/verify')).body.ok).toBe(true);
  });
});
