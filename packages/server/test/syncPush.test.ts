import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from './client.ts';
import { DB_KINDS, type TestServer } from './harness.ts';
import {
  create,
  demo,
  exampleApp,
  type FileRef,
  inspection,
  publish,
  pushAll,
  startSyncServer,
  upload,
  uuidv7,
} from './syncHarness.ts';

describe.each(DB_KINDS)('sync push on %s', (kind) => {
  let server: TestServer;
  let qc: Client;
  let signature: FileRef;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await server.db.query<{ n: number }>(sql, params))[0]?.n);

  beforeAll(async () => {
    server = await startSyncServer(kind);
    qc = await demo(server.base, 'zhou.min');
    signature = await upload(qc, 'signature of zhou.min');
  });
  afterAll(() => server.close());

  test('500 records pushed in batches of 200 give 500 rows, none twice; the replay answers the same and adds nothing', async () => {
    const mutations = Array.from({ length: 500 }, () => create(inspection(signature)));
    const answers = [];
    for (let i = 0; i < mutations.length; i += 200) answers.push(...(await pushAll(qc, mutations.slice(i, i + 200))));
    expect(answers.map((a) => a.status)).toEqual(Array(500).fill('accepted'));
    expect(answers.map((a) => a.id)).toEqual(mutations.map((m) => m.id));
    const ids = mutations.map((m) => m.record.id);
    expect(await count('select count(*)::int as n from records where id = any($1)', [ids])).toBe(500);
    expect(await count('select count(distinct id)::int as n from records where id = any($1)', [ids])).toBe(500);
    expect(await count('select count(*)::int as n from record_revisions where record_id = any($1)', [ids])).toBe(500);

    const replay = [];
    for (let i = 0; i < mutations.length; i += 200) replay.push(...(await pushAll(qc, mutations.slice(i, i + 200))));
    expect(replay).toEqual(answers);
    expect(await count('select count(*)::int as n from records where id = any($1)', [ids])).toBe(500);
  });

  test('the server recomputes formulas and never keeps device-computed values', async () => {
    const record = inspection(signature);
    const [answer] = await pushAll(qc, [create(record)]);
    expect(answer.status).toBe('accepted');
    const [row] = await server.db.query<{ data: Record<string, unknown> }>('select data from records where id = $1', [
      record.id,
    ]);
    expect(row?.data.result).toBe('OK');
    expect((row?.data.items as { judgement: string }[] | undefined)?.[0]?.judgement).toBe('OK');
    expect(answer.revision).toBe(1);
    expect(answer.seq).toEqual(expect.any(Number));
    expect(answer.workflow.status).toBe('approved');
  });

  test('20 identical pushes at once give exactly one record and twenty identical answers', async () => {
    const mutation = create(inspection(signature));
    const answers = await Promise.all(Array.from({ length: 20 }, () => pushAll(qc, [mutation])));
    // Equal answers (the stored copy comes back from jsonb, whose key order differs from ours).
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]?.[0].status).toBe('accepted');
    expect(await count('select count(*)::int as n from records where id = $1', [mutation.record.id])).toBe(1);
    expect(await count('select count(*)::int as n from mutations where id = $1', [mutation.id])).toBe(1);
  });

  test('in a batch with invalid records the valid ones are accepted and the invalid ones rejected with pointers', async () => {
    const good = create(inspection(signature));
    const badRecord = inspection(signature);
    badRecord.data.batch = 'lower-case';
    badRecord.data.unknown_field = 1;
    const bad = create(badRecord);
    const good2 = create(inspection(signature));
    const answers = await pushAll(qc, [good, bad, good2]);
    expect(answers.map((a) => a.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(answers[1].code).toBe('invalid-record');
    expect(answers[1].message.en).toEqual(expect.any(String));
    expect(answers[1].problems.map((p: { pointer: string }) => p.pointer).sort()).toEqual(['/batch', '/unknown_field']);
    expect(await count('select count(*)::int as n from records where id = $1', [badRecord.id])).toBe(0);
    // The refusal is the stored answer: a retry gets it again.
    expect((await pushAll(qc, [bad]))[0]).toEqual(answers[1]);
  });

  test('a record naming an attachment never uploaded is rejected missing-attachment', async () => {
    const ghost = { ...signature, id: 'f'.repeat(64) };
    const record = inspection(ghost);
    const [answer] = await pushAll(qc, [create(record)]);
    expect(answer.status).toBe('rejected');
    expect(answer.code).toBe('missing-attachment');
    expect(answer.problems[0].pointer).toBe('/inspector_signature');
  });

  test('unknown app or version is rejected unknown-version; a wrong role is rejected forbidden — not a failed push', async () => {
    const unknownApp = { ...inspection(signature), app: 'no_such_app' };
    const unknownVersion = { ...inspection(signature), version: 99 };
    const keeper = await demo(server.base, 'sun.li');
    const answers = await pushAll(qc, [create(unknownApp), create(unknownVersion)]);
    expect(answers.map((a) => a.code)).toEqual(['unknown-version', 'unknown-version']);
    const [forbidden] = await pushAll(keeper, [create(inspection(signature, { by: 'sun.li' }))]);
    expect(forbidden.status).toBe('rejected');
    expect(forbidden.code).toBe('forbidden');
  });

  test('a record filled on an older version is accepted after a newer one is published, and stays pinned', async () => {
    const v2 = exampleApp('quality-inspection');
    await publish(server.db, 'demo', v2, 2);
    const old = inspection(signature, { version: 1 });
    const fresh = inspection(signature, { version: 2 });
    const answers = await pushAll(qc, [create(old), create(fresh)]);
    expect(answers.map((a) => a.status)).toEqual(['accepted', 'accepted']);
    const rows = await server.db.query<{ id: string; version: number }>(
      'select id, version from records where id = any($1) order by version',
      [[old.id, fresh.id]],
    );
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    const detail = await qc.get(`/api/records/${old.id}`);
    expect(detail.body.definition.version).toBe(1);
    expect(detail.body.record.version).toBe(1);
  });

  test('createdBy or actor naming someone else is refused forbidden unless they signed in on this enrolled device', async () => {
    // zhou.min's own session, no device: cannot push huang.tao's work.
    const [claimed] = await pushAll(qc, [create(inspection(signature, { by: 'huang.tao' }))]);
    expect(claimed.code).toBe('forbidden');
    // A shared tablet: enrolled by zhang.wei, then huang.tao switches in by password and out by PIN.
    const tablet = await demo(server.base, 'zhou.min');
    expect((await tablet.post('/api/devices', { name: 'QC tablet' })).status).toBe(201);
    expect((await tablet.post('/api/auth/pin', { user: 'zhang.wei', pin: '2580' })).status).toBe(200);
    // zhou.min used this tablet: her queued work goes through zhang.wei's session…
    const hers = inspection(signature, { by: 'zhou.min' });
    const [accepted] = await pushAll(tablet, [create(hers, { actor: 'zhou.min' })]);
    expect(accepted.status).toBe('accepted');
    const [row] = await server.db.query<{ name: string }>(
      'select u.name from records r join users u on u.org_id = r.org_id and u.id = r.created_by where r.id = $1',
      [hers.id],
    );
    expect(row?.name).toBe('zhou.min');
    // …but huang.tao never signed in on it.
    const [refused] = await pushAll(tablet, [
      create(inspection(signature, { by: 'huang.tao' }), { actor: 'huang.tao' }),
    ]);
    expect(refused.status).toBe('rejected');
    expect(refused.code).toBe('forbidden');
    // An actor that does not match createdBy is refused too.
    const [mismatch] = await pushAll(tablet, [
      create(inspection(signature, { by: 'huang.tao' }), { actor: 'zhou.min' }),
    ]);
    expect(mismatch.code).toBe('forbidden');
  });

  test('a malformed push is a 400 for the whole request; more than 200 mutations too', async () => {
    const noMutations = await qc.post('/api/sync/push', { deviceId: 't', mutations: [] });
    expect(noMutations.status).toBe(400);
    expect(noMutations.body.code).toBe('invalid-request');
    const badKind = await qc.post('/api/sync/push', { deviceId: 't', mutations: [{ id: uuidv7(), kind: 'delete' }] });
    expect(badKind.status).toBe(400);
    const tooMany = Array.from({ length: 201 }, () => create(inspection(signature)));
    expect((await qc.post('/api/sync/push', { deviceId: 't', mutations: tooMany })).status).toBe(400);
    expect((await qc.post('/api/sync/push', '{"deviceId":')).body.code).toBe('malformed-json');
    const anonymous = new Client(server.base);
    await anonymous.get('/api/auth/csrf');
    expect(
      (await anonymous.post('/api/sync/push', { deviceId: 't', mutations: [create(inspection(signature))] })).status,
    ).toBe(401);
  });

  test('every accepted create is in the audit log and the chain still verifies', async () => {
    const record = inspection(signature);
    await pushAll(qc, [create(record)]);
    const [entry] = await server.db.query<{ action: string; actor_name: string }>(
      "select action, actor_name from audit_log where entity_type = 'record' and entity_id = $1",
      [record.id],
    );
    expect(entry).toEqual({ action: 'record.create', actor_name: 'zhou.min' });
    const admin = await demo(server.base, 'wang.fang');
    expect((await admin.get('/api/audit/verify')).body.ok).toBe(true);
  });
});
