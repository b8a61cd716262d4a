import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from '../client.ts';
import { DB_KINDS } from '../harness.ts';
import { create, type FileRef, inspection, pushAll, type RecordInput, upload, uuidv7 } from '../syncHarness.ts';
import { type FaultServer, startFaultServer } from './faultServer.ts';
import { recordFigure } from './reliability.ts';

const BATCH = 200;
/** Kinds of mutation in the batch, in rotation: one valid create, then one of each fault. */
const KINDS = [
  'valid',
  'wrong-type',
  'valid',
  'unknown-field',
  'valid',
  'missing-required',
  'unknown-form',
  'unknown-app',
  'unknown-version',
  'stale-revision',
  'version-mismatch',
  'missing-attachment',
  'someone-else',
] as const;
type Kind = (typeof KINDS)[number];

/** What the server must answer for each kind. */
const EXPECTED: Record<Kind, { status: string; code?: string }> = {
  valid: { status: 'accepted' },
  'wrong-type': { status: 'rejected', code: 'invalid-record' },
  'unknown-field': { status: 'rejected', code: 'invalid-record' },
  'missing-required': { status: 'rejected', code: 'invalid-record' },
  'unknown-form': { status: 'rejected', code: 'unknown-form' },
  'unknown-app': { status: 'rejected', code: 'unknown-version' },
  'unknown-version': { status: 'rejected', code: 'unknown-version' },
  // A stale edit is neither applied nor dropped: both versions are kept and the user chooses.
  'stale-revision': { status: 'conflict' },
  'version-mismatch': { status: 'rejected', code: 'version-mismatch' },
  'missing-attachment': { status: 'rejected', code: 'missing-attachment' },
  'someone-else': { status: 'rejected', code: 'forbidden' },
};

const update = (
  record: RecordInput,
  baseRevision: number,
  data: Record<string, unknown>,
  version = record.version,
) => ({
  id: uuidv7(),
  kind: 'update',
  baseRevision,
  record: { ...record, version, revision: baseRevision + 1, data, updatedAt: record.createdAt },
});

describe.each(DB_KINDS)('a batch with invalid records, on %s', (kind) => {
  let fault: FaultServer;
  let qc: Client;
  let signature: FileRef;
  const count = async (sql: string, params: unknown[]) =>
    Number((await fault.server.db.query<{ n: number }>(sql, params))[0]?.n);

  beforeAll(async () => {
    fault = await startFaultServer(kind);
    qc = await fault.signIn('zhou.min');
    signature = await upload(qc, 'signature for invalid batches');
  });
  afterAll(() => fault?.server.close());

  test(`${BATCH} mutations, most of them invalid in one way or another: every one answered, none dropped`, async () => {
    // Records already edited on the server (revision 2), for the stale edits to collide with.
    const edited: RecordInput[] = [];
    const staleCount = Array.from({ length: BATCH }, (_, i) => KINDS[i % KINDS.length]).filter(
      (k) => k === 'stale-revision' || k === 'version-mismatch',
    ).length;
    const setup = Array.from({ length: staleCount }, () => inspection(signature, { ng: true }));
    expect(
      (
        await pushAll(
          qc,
          setup.map((r) => create(r)),
        )
      ).every((a) => a.status === 'accepted'),
    ).toBe(true);
    const edits = await pushAll(
      qc,
      setup.map((r) => update(r, 1, { ...r.data, batch: 'B-SERVER-EDIT' })),
    );
    expect(edits.every((a) => a.status === 'accepted')).toBe(true);
    edited.push(...setup);
    fault.ledger.add('record.create', setup.length);
    fault.ledger.add('record.update', setup.length);

    const kinds: Kind[] = [];
    const faulty = (k: Kind) => {
      const record = inspection(signature);
      switch (k) {
        case 'valid':
          return create(record);
        case 'wrong-type':
          return create({ ...record, data: { ...record.data, sample_size: 'five' } });
        case 'unknown-field':
          return create({ ...record, data: { ...record.data, smuggled: '<script>alert(1)</script>' } });
        case 'missing-required': {
          const { product: _product, ...data } = record.data;
          return create({ ...record, data });
        }
        case 'unknown-form':
          return create({ ...record, form: 'no_such_form' });
        case 'unknown-app':
          return create({ ...record, app: 'no_such_app' });
        case 'unknown-version':
          return create({ ...record, version: 42 });
        case 'stale-revision': {
          const target = edited.pop() as RecordInput;
          return update(target, 1, { ...target.data, batch: 'B-STALE-DEVICE-EDIT' });
        }
        case 'version-mismatch': {
          const target = edited.pop() as RecordInput;
          return update(target, 2, { ...target.data, batch: 'B-OTHER-VERSION' }, 42);
        }
        case 'missing-attachment':
          return create(inspection({ ...signature, id: 'a'.repeat(64) }));
        case 'someone-else':
          return create(inspection(signature, { by: 'huang.tao' }));
      }
    };
    const mutations = Array.from({ length: BATCH }, (_, i) => {
      const k = KINDS[i % KINDS.length] as Kind;
      kinds.push(k);
      return faulty(k);
    });
    const answers = await pushAll(qc, mutations);
    expect(answers.map((a) => a.id)).toEqual(mutations.map((m) => m.id));
    answers.forEach((answer, i) => {
      const want = EXPECTED[kinds[i] as Kind];
      expect({ kind: kinds[i], status: answer.status, code: answer.code }).toEqual({
        kind: kinds[i],
        status: want.status,
        code: want.code,
      });
      if (answer.status === 'rejected') {
        // The reason, in both languages, for the device to show beside the record it keeps.
        expect(answer.message['zh-CN']).toMatch(/\p{Script=Han}/u);
        expect(answer.message.en).toMatch(/^[\x20-\x7e]+$/);
        expect(answer.message.en).not.toBe(answer.message['zh-CN']);
      }
      if (answer.code === 'invalid-record') expect(answer.problems.length).toBeGreaterThan(0);
      if (answer.status === 'conflict') expect(answer.conflictCopy).toEqual(expect.any(String));
    });
    const tally = (status: string) => answers.filter((a) => a.status === status).length;
    const accepted = tally('accepted');
    const rejected = tally('rejected');
    const conflicts = tally('conflict');
    const createdIds = mutations.filter((m) => m.kind === 'create').map((m) => (m.record as RecordInput).id);
    const acceptedIds = mutations
      .filter((m, i) => m.kind === 'create' && answers[i].status === 'accepted')
      .map((m) => (m.record as RecordInput).id);
    const stored = {
      created: await count('select count(*)::int as n from records where id = any($1)', [createdIds]),
      acceptedStored: await count('select count(*)::int as n from records where id = any($1)', [acceptedIds]),
      conflictCopies: await count('select count(*)::int as n from records where conflict_of = any($1)', [
        setup.map((r) => r.id),
      ]),
      untouched: await count(
        "select count(*)::int as n from records where id = any($1) and revision = 2 and data->>'batch' = 'B-SERVER-EDIT'",
        [setup.map((r) => r.id)],
      ),
      answersStored: await count('select count(*)::int as n from mutations where id = any($1)', [
        mutations.map((m) => m.id),
      ]),
    };
    expect(accepted + rejected + conflicts).toBe(BATCH);
    expect(stored).toEqual({
      created: accepted,
      acceptedStored: accepted,
      conflictCopies: conflicts,
      untouched: setup.length,
      answersStored: BATCH,
    });
    // The answers are kept: a retry of the whole batch gets the same ones and changes nothing.
    expect(await pushAll(qc, mutations)).toEqual(answers);
    expect(
      await count('select count(*)::int as n from records where conflict_of = any($1)', [setup.map((r) => r.id)]),
    ).toBe(conflicts);
    fault.ledger.add('record.create', accepted);
    fault.ledger.add('record.conflict', conflicts);
    const byCode: Record<string, number> = {};
    for (const a of answers) if (a.code) byCode[a.code] = (byCode[a.code] ?? 0) + 1;
    recordFigure(
      'invalid-batch',
      kind,
      `${BATCH} mutations in, ${accepted} accepted + ${rejected} rejected with a zh-CN/en reason + ${conflicts} conflicts kept as copies; 0 dropped`,
      { in: BATCH, accepted, rejected, conflicts, dropped: BATCH - accepted - rejected - conflicts, byCode },
    );
  });

  test('the audit chain verifies and holds one entry per change', async () => {
    await fault.ledger.check(fault.server.db, 'invalid-batch', kind);
  });
});
