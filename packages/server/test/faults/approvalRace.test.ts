import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from '../client.ts';
import { DB_KINDS } from '../harness.ts';
import { create, type FileRef, inspection, pushAll, upload, uuidv7 } from '../syncHarness.ts';
import { type FaultServer, startFaultServer } from './faultServer.ts';
import { recordFigure } from './reliability.ts';

const ROUNDS = 20;

const act = (recordId: string, action: string, extra: Record<string, unknown>) => ({
  id: uuidv7(),
  kind: 'action',
  recordId,
  action,
  at: new Date().toISOString(),
  ...extra,
});

// biome-ignore lint/suspicious/noExplicitAny: push answers are arbitrary JSON
type Answer = any;

/** The loser of a race: refused, not failed, with a reason the tablet shows in both languages. */
function expectToldItLost(answer: Answer): void {
  expect(answer.status).toBe('rejected');
  expect(['task-closed', 'flow-finished']).toContain(answer.code);
  expect(answer.message['zh-CN']).toMatch(/\p{Script=Han}/u);
  expect(answer.message.en).toMatch(/^[\x20-\x7e]+$/);
}

describe.each(DB_KINDS)('two decisions on one approval task at once, on %s', (kind) => {
  let fault: FaultServer;
  let qc: Client;
  let tabletA: Client;
  let tabletB: Client;
  let signature: FileRef;
  let leadSignature: FileRef;

  beforeAll(async () => {
    fault = await startFaultServer(kind);
    qc = await fault.signIn('zhou.min');
    // The QC lead signed in on two tablets: two sessions deciding the same task.
    tabletA = await fault.signIn('huang.tao');
    tabletB = await fault.signIn('huang.tao');
    signature = await upload(qc, 'inspector signature for races');
    leadSignature = await upload(tabletA, 'qc lead signature for races');
  });
  afterAll(() => fault?.server.close());

  async function openTask(): Promise<{ recordId: string; taskId: string }> {
    const record = inspection(signature, { ng: true });
    const [answer] = await pushAll(qc, [create(record)]);
    expect(answer.workflow.status).toBe('running');
    fault.ledger.add('record.create');
    return { recordId: record.id, taskId: answer.workflow.tasks[0].id };
  }

  async function outcome(recordId: string) {
    const [row] = await fault.server.db.query<{ status: string; tasks: string[]; actions: string[] }>(
      `select r.workflow->>'status' as status,
              (select array_agg(t.status order by t.status) from tasks t where t.org_id = r.org_id and t.record_id = r.id) as tasks,
              (select array_agg(a.action order by a.seq) from audit_log a
                where a.org_id = r.org_id and a.entity_id = r.id::text and a.action <> 'record.create') as actions
         from records r where r.id = $1`,
      [recordId],
    );
    return row;
  }

  test(`approve and reject from two tablets at once, ${ROUNDS} times: exactly one wins, the other is told`, async () => {
    const winners: Record<string, number> = { approve: 0, reject: 0 };
    const loserCodes: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const { recordId, taskId } = await openTask();
      // Alternate which tablet sends which, so neither is always first on the wire.
      const [approver, rejecter] = round % 2 === 0 ? [tabletA, tabletB] : [tabletB, tabletA];
      const [[approve], [reject]] = await Promise.all([
        pushAll(approver, [act(recordId, 'approve', { taskId, signature: leadSignature.id })]),
        pushAll(rejecter, [act(recordId, 'reject', { taskId, comment: '尺寸超差 out of tolerance' })]),
      ]);
      const accepted = [approve, reject].filter((a) => a.status === 'accepted');
      expect(accepted).toHaveLength(1);
      const won = approve.status === 'accepted' ? 'approve' : 'reject';
      const lost = won === 'approve' ? reject : approve;
      expectToldItLost(lost);
      winners[won] = (winners[won] ?? 0) + 1;
      loserCodes[lost.code] = (loserCodes[lost.code] ?? 0) + 1;
      expect(await outcome(recordId)).toEqual({
        status: won === 'approve' ? 'approved' : 'rejected',
        tasks: [won === 'approve' ? 'approved' : 'rejected'],
        actions: [`record.${won}`],
      });
      fault.ledger.add(`record.${won}`);
    }
    recordFigure(
      'approve-reject-race',
      kind,
      `approve vs reject of one task at once, ${ROUNDS} times: ${ROUNDS} single winners (${winners.approve} approve, ${winners.reject} reject), ${ROUNDS} losers told why`,
      { rounds: ROUNDS, winners, loserCodes },
    );
  });

  test(`the same task approved from two sessions at once, ${ROUNDS} times: one approval, the other refused`, async () => {
    const loserCodes: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const { recordId, taskId } = await openTask();
      const answers = await Promise.all(
        [tabletA, tabletB].map(
          async (tablet) =>
            (await pushAll(tablet, [act(recordId, 'approve', { taskId, signature: leadSignature.id })]))[0],
        ),
      );
      expect(answers.filter((a) => a.status === 'accepted')).toHaveLength(1);
      const lost = answers.find((a) => a.status !== 'accepted');
      expectToldItLost(lost);
      loserCodes[lost.code] = (loserCodes[lost.code] ?? 0) + 1;
      expect(await outcome(recordId)).toEqual({ status: 'approved', tasks: ['approved'], actions: ['record.approve'] });
      const history = (await qc.get(`/api/records/${recordId}`)).body.workflow.history;
      expect(history.filter((h: { kind: string }) => h.kind === 'approved')).toHaveLength(1);
      fault.ledger.add('record.approve');
    }
    recordFigure(
      'double-approve-race',
      kind,
      `one task approved from two sessions at once, ${ROUNDS} times: ${ROUNDS} approvals recorded once, ${ROUNDS} refusals`,
      { rounds: ROUNDS, loserCodes },
    );
  });

  test('the audit chain verifies and holds one entry per change', async () => {
    await fault.ledger.check(fault.server.db, 'approval-race', kind);
  });
});
