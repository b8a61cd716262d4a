import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from './client.ts';
import { DB_KINDS, type TestServer } from './harness.ts';
import {
  create,
  demo,
  type FileRef,
  inspection,
  pushAll,
  type RecordInput,
  startSyncServer,
  upload,
  uuidv7,
} from './syncHarness.ts';

const update = (record: RecordInput, baseRevision: number, data: Record<string, unknown>, extra = {}) => ({
  id: uuidv7(),
  kind: 'update',
  baseRevision,
  record: { ...record, revision: baseRevision + 1, data, updatedAt: new Date().toISOString() },
  ...extra,
});

describe.each(DB_KINDS)('record edits and conflicts on %s', (kind) => {
  let server: TestServer;
  let qc: Client;
  let lead: Client;
  let signature: FileRef;

  beforeAll(async () => {
    server = await startSyncServer(kind);
    qc = await demo(server.base, 'zhou.min');
    lead = await demo(server.base, 'huang.tao');
    signature = await upload(qc, 'zhou.min signs edits');
  });
  afterAll(() => server.close());

  async function ngRecord() {
    const record = inspection(signature, { ng: true });
    const [answer] = await pushAll(qc, [create(record)]);
    expect(answer.status).toBe('accepted');
    return { record, taskId: answer.workflow.tasks[0].id as string };
  }

  test('an edit on the current revision is accepted: revision 2, the old one kept, audited with before and after', async () => {
    const { record } = await ngRecord();
    const [edited] = await pushAll(qc, [update(record, 1, { ...record.data, batch: 'B250304-02' })]);
    expect(edited).toMatchObject({ status: 'accepted', revision: 2 });
    const revisions = await server.db.query<{ revision: number; data: { batch: string } }>(
      'select revision, data from record_revisions where record_id = $1 order by revision',
      [record.id],
    );
    expect(revisions.map((r) => [r.revision, r.data.batch])).toEqual([
      [1, 'B250304-01'],
      [2, 'B250304-02'],
    ]);
    const [audit] = await server.db.query<{ before: { revision: number }; after: { revision: number } }>(
      "select before, after from audit_log where entity_id = $1 and action = 'record.update'",
      [record.id],
    );
    expect([audit?.before.revision, audit?.after.revision]).toEqual([1, 2]);
  });

  test('a stale edit is a conflict: the server version stays, the device version is kept as a conflict copy', async () => {
    const { record } = await ngRecord();
    const [first] = await pushAll(qc, [update(record, 1, { ...record.data, batch: 'FIRST-EDIT' })]);
    expect(first.status).toBe('accepted');
    const stale = update(record, 1, { ...record.data, batch: 'STALE-EDIT' });
    const [conflict] = await pushAll(qc, [stale]);
    expect(conflict).toMatchObject({ status: 'conflict', recordId: record.id, revision: 2 });
    expect(conflict.server.data.batch).toBe('FIRST-EDIT');
    expect(conflict.conflictCopy).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await server.db.query<{ id: string; data: { batch: string }; conflict_of: string | null }>(
      'select id, data, conflict_of from records where id = $1 or conflict_of = $1 order by conflict_of nulls first',
      [record.id],
    );
    expect(rows.map((r) => [r.data.batch, r.conflict_of])).toEqual([
      ['FIRST-EDIT', null],
      ['STALE-EDIT', record.id],
    ]);
    expect((await pushAll(qc, [stale]))[0]).toEqual(conflict);
    const detail = (await qc.get(`/api/records/${record.id}`)).body;
    expect(detail.conflictCopies).toEqual([conflict.conflictCopy]);
  });

  test('only the creator edits; the current assignee may change only the fields the node makes editable', async () => {
    const { record } = await ngRecord();
    const [disposition] = await pushAll(lead, [update(record, 1, { ...record.data, disposition: 'rework' })]);
    expect(disposition).toMatchObject({ status: 'accepted', revision: 2 });
    const [batch] = await pushAll(lead, [
      update(record, 2, { ...record.data, disposition: 'rework', batch: 'LEAD-EDIT' }),
    ]);
    expect(batch).toMatchObject({ status: 'rejected', code: 'field-not-editable' });
    expect(batch.problems.map((p: { pointer: string }) => p.pointer)).toEqual(['/batch']);
    const shiftLead = await demo(server.base, 'zhang.wei');
    const [viewer] = await pushAll(shiftLead, [update(record, 2, record.data)]);
    expect(viewer).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });

  test('an approved record is no longer editable (edit: untilApproved); an invalid edit is rejected with pointers', async () => {
    const ok = inspection(signature);
    expect((await pushAll(qc, [create(ok)]))[0].workflow.status).toBe('approved');
    const [late] = await pushAll(qc, [update(ok, 1, { ...ok.data, batch: 'B250304-09' })]);
    expect(late).toMatchObject({ status: 'rejected', code: 'edit-not-allowed' });
    const { record } = await ngRecord();
    const [invalid] = await pushAll(qc, [update(record, 1, { ...record.data, sample_size: 0 })]);
    expect(invalid).toMatchObject({ status: 'rejected', code: 'invalid-record' });
    expect(invalid.problems[0].pointer).toBe('/sample_size');
  });

  test('an edit must keep the version the record was filled with; an unknown record is not-found', async () => {
    const { record } = await ngRecord();
    const [moved] = await pushAll(qc, [update({ ...record, version: 2 }, 1, record.data)]);
    expect(moved.code).toBe('version-mismatch');
    const [ghost] = await pushAll(qc, [update({ ...record, id: uuidv7() }, 1, record.data)]);
    expect(ghost.code).toBe('not-found');
  });
});
