import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from '../client.ts';
import { DB_KINDS } from '../harness.ts';
import { create, type FileRef, inspection, pushAll, type RecordInput, upload, uuidv7 } from '../syncHarness.ts';
import { type FaultServer, type LossyProxy, lossyProxy, sameSession, startFaultServer } from './faultServer.ts';
import { recordFigure } from './reliability.ts';

const ROUNDS = 200;
const PARALLEL = 20;

const update = (record: RecordInput, baseRevision: number, batch: string) => ({
  id: uuidv7(),
  kind: 'update',
  baseRevision,
  record: { ...record, revision: baseRevision + 1, data: { ...record.data, batch }, updatedAt: record.createdAt },
});

describe.each(DB_KINDS)('a push whose response is lost, on %s', (kind) => {
  let fault: FaultServer;
  let proxy: LossyProxy;
  let qc: Client;
  let signature: FileRef;
  const count = async (sql: string, params: unknown[]) =>
    Number((await fault.server.db.query<{ n: number }>(sql, params))[0]?.n);

  beforeAll(async () => {
    fault = await startFaultServer(kind);
    qc = await fault.signIn('zhou.min');
    signature = await upload(qc, 'signature for lost responses');
    proxy = await lossyProxy(fault.server.base);
  });
  afterAll(async () => {
    await proxy?.close();
    await fault?.server.close();
  });

  test(`${ROUNDS} pushes committed but unanswered, each retried: every change exactly once`, async () => {
    const viaProxy = sameSession(qc, proxy.base);
    const records: RecordInput[] = [];
    let lost = 0;
    let retriedAccepted = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // A new NG inspection, and an edit of the one before (still open for edits: its flow runs).
      const record = inspection(signature, { ng: true });
      const previous = records.at(-1);
      const mutations = previous ? [create(record), update(previous, 1, `B-EDIT-${round}`)] : [create(record)];
      records.push(record);
      proxy.dropNext(1);
      const outcome = await viaProxy
        .post('/api/sync/push', { deviceId: 'tablet-qc-01', mutations })
        .then(() => 'answered' as const)
        .catch(() => 'lost' as const);
      expect(outcome).toBe('lost');
      lost++;
      // The device never saw an answer: it keeps the mutations and sends them again.
      const retry = await pushAll(viaProxy, mutations);
      expect(retry.map((r) => r.status)).toEqual(mutations.map(() => 'accepted'));
      expect(retry.map((r) => r.id)).toEqual(mutations.map((m) => m.id));
      retriedAccepted += retry.length;
    }
    const ids = records.map((r) => r.id);
    const figures = {
      rounds: ROUNDS,
      lost,
      dropsAtProxy: proxy.dropped,
      retriedAccepted,
      records: await count('select count(*)::int as n from records where id = any($1)', [ids]),
      distinctRecords: await count('select count(distinct id)::int as n from records where id = any($1)', [ids]),
      conflictCopies: await count('select count(*)::int as n from records where conflict_of = any($1)', [ids]),
      revisions: await count('select count(*)::int as n from record_revisions where record_id = any($1)', [ids]),
      edited: await count('select count(*)::int as n from records where id = any($1) and revision = 2', [ids]),
      openTasks: await count("select count(*)::int as n from tasks where record_id = any($1) and status = 'open'", [
        ids,
      ]),
    };
    expect(figures).toEqual({
      rounds: ROUNDS,
      lost: ROUNDS,
      dropsAtProxy: ROUNDS,
      retriedAccepted: 2 * ROUNDS - 1,
      records: ROUNDS,
      distinctRecords: ROUNDS,
      conflictCopies: 0,
      revisions: 2 * ROUNDS - 1,
      edited: ROUNDS - 1,
      openTasks: ROUNDS,
    });
    fault.ledger.add('record.create', ROUNDS);
    fault.ledger.add('record.update', ROUNDS - 1);
    const duplicates = figures.records - figures.distinctRecords + figures.conflictCopies;
    recordFigure(
      'lost-response',
      kind,
      `${lost} pushes committed with the response lost, each retried: ${duplicates} duplicates, ${figures.records} records, ${figures.revisions} revisions`,
      { ...figures, duplicates },
    );
  });

  test(`${PARALLEL} identical pushes at once: exactly one record, ${PARALLEL} consistent answers`, async () => {
    const record = inspection(signature, { ng: true });
    const mutation = create(record);
    const answers = await Promise.all(Array.from({ length: PARALLEL }, () => pushAll(qc, [mutation])));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]?.[0]).toMatchObject({ status: 'accepted', recordId: record.id, revision: 1 });
    const figures = {
      pushes: PARALLEL,
      accepted: answers.filter((a) => a[0].status === 'accepted').length,
      distinctAnswers: new Set(answers.map((a) => JSON.stringify(a[0], Object.keys(a[0]).sort()))).size,
      records: await count('select count(*)::int as n from records where id = $1', [record.id]),
      mutations: await count('select count(*)::int as n from mutations where id = $1', [mutation.id]),
      tasks: await count('select count(*)::int as n from tasks where record_id = $1', [record.id]),
    };
    expect(figures).toEqual({
      pushes: PARALLEL,
      accepted: PARALLEL,
      distinctAnswers: 1,
      records: 1,
      mutations: 1,
      tasks: 1,
    });
    fault.ledger.add('record.create');
    recordFigure(
      'parallel-identical-push',
      kind,
      `${PARALLEL} identical pushes in parallel: ${figures.records} record, ${figures.accepted}/${PARALLEL} answered the same`,
      figures,
    );
  });

  test('the audit chain verifies and holds one entry per change', async () => {
    await fault.ledger.check(fault.server.db, 'lost-response', kind);
  });
});
