import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from './client.ts';
import { signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';
import { createAndPublish, edited, patrolApp, saveDraft } from './registryFixtures.ts';

describe.each(DB_KINDS)('templates: publish, make apps, upgrade with a three-way merge on %s', (kind) => {
  let server: TestServer;
  let admin: Client;
  let workshop: Client;
  const source = patrolApp('patrol_source');

  /** Publishes a new template version from the source app changed by `edit`. */
  async function nextTemplateVersion(edit: Parameters<typeof edited>[1], note: string): Promise<number> {
    const draft = (await admin.get('/api/apps/patrol_source/draft')).body;
    await saveDraft(admin, 'patrol_source', edited(draft.definition, edit), draft.revision);
    const published = await admin.post('/api/apps/patrol_source/publish', { note });
    if (published.status !== 201) throw new Error(JSON.stringify(published.body));
    const template = await admin.post('/api/templates', { app: 'patrol_source', template: 'patrol', note });
    expect(template.status).toBe(201);
    return template.body.version;
  }

  beforeAll(async () => {
    server = await startServer(kind);
    admin = await signedInAs(server.base, 'admin');
    // A workshop lead designs apps but does not publish templates.
    await admin.post('/api/admin/roles', { id: 'workshop_lead', name: { 'zh-CN': '车间主任', en: 'Workshop lead' } });
    const users = (await admin.get('/api/admin/users')).body.users as { id: string; name: string }[];
    const lead = users.find((u) => u.name === 'lead');
    await admin.patch(`/api/admin/users/${lead?.id}`, { roles: ['shift_lead', 'workshop_lead'] });
    workshop = await signedInAs(server.base, 'lead');
    await createAndPublish(admin, source);
  });
  afterAll(() => server.close());

  test('only the IT admin publishes templates: a workshop lead and an operator get 403', async () => {
    const body = { app: 'patrol_source', template: 'patrol', note: 'v1' };
    expect((await workshop.post('/api/templates', body)).status).toBe(403);
    const op = await signedInAs(server.base, 'op');
    expect((await op.post('/api/templates', body)).status).toBe(403);
    expect((await op.get('/api/templates')).status).toBe(403);
    const published = await admin.post('/api/templates', body);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      template: 'patrol',
      version: 1,
      note: 'v1',
      publishedBy: 'admin',
      source: { app: 'patrol_source', version: 1 },
    });
    const list = (await workshop.get('/api/templates')).body.templates;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'patrol', latestVersion: 1, name: { en: 'Patrol' } });
    const v1 = (await workshop.get('/api/templates/patrol/versions/1')).body;
    expect(v1.definition).toMatchObject({ id: 'patrol', version: 1 });
    expect(v1.definition.template).toBeUndefined();
    expect((await workshop.get('/api/templates/patrol/versions/2')).body.code).toBe('template-not-found');
    expect((await admin.post('/api/templates', { app: 'nope', note: 'x' })).status).toBe(404);
    const beta = await signedInAs(server.base, 'admin', 'beta');
    expect((await beta.get('/api/templates')).body.templates).toEqual([]);
    expect((await beta.get('/api/templates/patrol/versions/1')).status).toBe(404);
    expect((await beta.post('/api/apps', { id: 'x', fromTemplate: { id: 'patrol', version: 1 } })).status).toBe(404);
    const both = await admin.post('/api/apps', {
      id: 'x',
      definition: patrolApp('x'),
      fromTemplate: { id: 'patrol', version: 1 },
    });
    expect(both.body.code).toBe('ambiguous-source');
  });

  test('an app made from a template remembers the template and its version', async () => {
    const created = await workshop.post('/api/apps', {
      id: 'line3_patrol',
      name: { 'zh-CN': '三线巡检', en: 'Line 3 patrol' },
      fromTemplate: { id: 'patrol', version: 1 },
    });
    expect(created.status).toBe(201);
    expect(created.body.template).toEqual({ id: 'patrol', version: 1 });
    const draft = (await workshop.get('/api/apps/line3_patrol/draft')).body;
    expect(draft.definition).toMatchObject({ id: 'line3_patrol', template: { id: 'patrol', version: 1 } });
    expect(draft.definition.name.en).toBe('Line 3 patrol');
    expect(draft.problems).toEqual([]);
    const published = await workshop.post('/api/apps/line3_patrol/publish', { note: 'from template' });
    expect(published.status).toBe(201);
    const meta = (await workshop.get('/api/apps/line3_patrol')).body;
    expect(meta).toMatchObject({ latestVersion: 1, template: { id: 'patrol', version: 1 } });
    expect((await workshop.get('/api/apps/line3_patrol/versions/1')).body.definition.template).toEqual({
      id: 'patrol',
      version: 1,
    });
  });

  test('upgrade with a clean merge: theirs adds a field and an option, ours relabelled another field', async () => {
    const v2 = await nextTemplateVersion((d) => {
      d.forms[0].fields.push({ id: 'photo', type: 'photo', label: { 'zh-CN': '照片', en: 'Photo' } });
      d.forms[0].fields[0].options.push({ value: 'L3', label: { 'zh-CN': '三线', en: 'Line 3' } });
    }, 'adds photo and line 3');
    expect(v2).toBe(2);
    const draft = (await workshop.get('/api/apps/line3_patrol/draft')).body;
    await saveDraft(
      workshop,
      'line3_patrol',
      edited(draft.definition, (d) => {
        d.forms[0].fields[2].label = { 'zh-CN': '异常说明', en: 'Findings' };
      }),
      draft.revision,
    );
    const preview = await workshop.post('/api/apps/line3_patrol/upgrade-template', {});
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ template: 'patrol', from: 1, to: 2, applied: false, conflicts: [] });
    expect(preview.body.changes.map((c: { kind: string; path: string }) => `${c.kind} ${c.path}`)).toEqual([
      'option.added check.line.options.L3',
      'field.added check.photo',
    ]);
    // A preview changes nothing.
    expect((await workshop.get('/api/apps/line3_patrol/draft')).body.revision).toBe(draft.revision + 1);

    const applied = await workshop.post('/api/apps/line3_patrol/upgrade-template', { apply: true });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, revision: draft.revision + 2, problems: [] });
    const merged = (await workshop.get('/api/apps/line3_patrol/draft')).body.definition;
    expect(merged.template).toEqual({ id: 'patrol', version: 2 });
    expect(merged.forms[0].fields[2].label.en).toBe('Findings');
    expect(merged.forms[0].fields.map((f: { id: string }) => f.id)).toContain('photo');
    expect(merged.id).toBe('line3_patrol');
    expect((await workshop.post('/api/apps/line3_patrol/publish', { note: 'template v2' })).status).toBe(201);
    expect((await workshop.get('/api/apps/line3_patrol')).body.template).toEqual({ id: 'patrol', version: 2 });
    const audit = (await admin.get('/api/audit?entityId=line3_patrol&action=app.template.upgrade')).body.entries;
    expect(audit).toHaveLength(1);
    expect(audit[0].after.template).toEqual({ id: 'patrol', from: 1, to: 2 });
    expect(audit[0].after.changes.map((c: { kind: string }) => c.kind)).toEqual(['option.added', 'field.added']);
  });

  test('upgrade with a conflict: not applied until each conflict is resolved, then the chosen side wins', async () => {
    await nextTemplateVersion((d) => {
      d.forms[0].fields[1].label.en = 'Count';
      d.forms[0].fields[1].max = 500;
    }, 'qty label and max');
    const draft = (await workshop.get('/api/apps/line3_patrol/draft')).body;
    await saveDraft(
      workshop,
      'line3_patrol',
      edited(draft.definition, (d) => {
        d.forms[0].fields[1].label.en = 'Pieces';
      }),
      draft.revision,
    );
    const preview = await workshop.post('/api/apps/line3_patrol/upgrade-template', {});
    expect(preview.body).toMatchObject({ from: 2, to: 3, applied: false });
    expect(preview.body.conflicts).toEqual([
      {
        path: '/forms/check/fields/qty/label/en',
        pointer: '/forms/0/fields/1/label/en',
        base: 'Quantity',
        ours: 'Pieces',
        theirs: 'Count',
      },
    ]);
    const refused = await workshop.post('/api/apps/line3_patrol/upgrade-template', { apply: true });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('merge-conflicts');
    expect(refused.body.conflicts).toHaveLength(1);
    expect((await workshop.get('/api/apps/line3_patrol/draft')).body.revision).toBe(draft.revision + 1);

    const stale = await workshop.post('/api/apps/line3_patrol/upgrade-template', {
      apply: true,
      revision: draft.revision,
      resolutions: { '/forms/0/fields/1/label/en': 'theirs' },
    });
    expect(stale.body.code).toBe('stale-draft');
    const resolved = await workshop.post('/api/apps/line3_patrol/upgrade-template', {
      apply: true,
      revision: draft.revision + 1,
      resolutions: { '/forms/0/fields/1/label/en': 'theirs' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ applied: true, conflicts: [] });
    expect(resolved.body.resolved[0]).toMatchObject({ side: 'theirs', theirs: 'Count' });
    const merged = (await workshop.get('/api/apps/line3_patrol/draft')).body.definition;
    expect(merged.forms[0].fields[1]).toMatchObject({ label: { en: 'Count' }, max: 500 });
    expect(merged.template).toEqual({ id: 'patrol', version: 3 });
    expect((await workshop.post('/api/apps/line3_patrol/upgrade-template', {})).body.code).toBe('template-not-found');
    expect((await workshop.post('/api/apps/line3_patrol/upgrade-template', { version: 2 })).body.code).toBe(
      'not-newer',
    );
    expect((await admin.post('/api/apps/patrol_source/upgrade-template', {})).body.code).toBe('no-template');
  });
});
