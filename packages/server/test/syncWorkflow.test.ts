import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { onAfterWorkflowEvent, type WorkflowEvent } from '../src/records/hooks.ts';
import type { Client } from './client.ts';
import { DB_KINDS, type TestServer } from './harness.ts';
import { create, demo, type FileRef, inspection, pushAll, startSyncServer, upload, uuidv7 } from './syncHarness.ts';

const act = (recordId: string, action: string, extra: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  kind: 'action',
  recordId,
  action,
  at: new Date().toISOString(),
  ...extra,
});

describe.each(DB_KINDS)('workflow authority on %s', (kind) => {
  let server: TestServer;
  let qc: Client;
  let lead: Client;
  let signature: FileRef;
  let leadSignature: FileRef;
  const events: WorkflowEvent['event'][] = [];
  let removeHook: () => void;

  beforeAll(async () => {
    server = await startSyncServer(kind);
    qc = await demo(server.base, 'zhou.min');
    lead = await demo(server.base, 'huang.tao');
    signature = await upload(qc, 'zhou.min signs');
    leadSignature = await upload(lead, 'huang.tao signs');
    removeHook = onAfterWorkflowEvent(async (e) => {
      events.push(e.event);
      return undefined;
    });
  });
  afterAll(async () => {
    removeHook();
    await server.close();
  });

  async function submitNg(by: Client = qc, name = 'zhou.min', sig = signature) {
    const record = inspection(sig, { ng: true, by: name });
    const [answer] = await pushAll(by, [create(record)]);
    expect(answer.status).toBe('accepted');
    return { record, answer };
  }

  test('an NG inspection opens a task for the QC lead, who sees it in the inbox and approves it with a signature', async () => {
    const { record, answer } = await submitNg();
    expect(answer.workflow.status).toBe('running');
    expect(answer.workflow.tasks).toEqual([
      expect.objectContaining({ assignee: 'huang.tao', node: 'qc_lead_review', status: 'open', signature: true }),
    ]);
    const taskId = answer.workflow.tasks[0].id as string;
    expect((await lead.get('/api/inbox/count')).body.open).toBeGreaterThanOrEqual(1);
    const inbox = (await lead.get('/api/tasks?status=open')).body.tasks;
    expect(inbox.find((t: { task: { id: string; recordId: string } }) => t.task.recordId === record.id)).toMatchObject({
      task: { id: taskId, nodeName: { en: 'QC lead review' } },
      record: { createdBy: 'zhou.min', status: 'running' },
    });

    const unsigned = await pushAll(lead, [act(record.id, 'approve', { taskId })]);
    expect(unsigned[0]).toMatchObject({ status: 'rejected', code: 'signature-required' });
    const ghost = await pushAll(lead, [act(record.id, 'approve', { taskId, signature: 'e'.repeat(64) })]);
    expect(ghost[0]).toMatchObject({ status: 'rejected', code: 'missing-attachment' });

    const before = events.length;
    const [approved] = await pushAll(lead, [act(record.id, 'approve', { taskId, signature: leadSignature.id })]);
    expect(approved.status).toBe('accepted');
    expect(approved.workflow.status).toBe('approved');
    expect(approved.workflow.tasks).toEqual([]);
    expect(events.slice(before)).toEqual(['approved']);
    const [task] = await server.db.query<{ status: string }>('select status from tasks where record_id = $1', [
      record.id,
    ]);
    expect(task?.status).toBe('approved');

    const detail = (await qc.get(`/api/records/${record.id}`)).body;
    const kinds = detail.workflow.history.map((h: { kind: string }) => h.kind);
    expect(kinds).toEqual(expect.arrayContaining(['submitted', 'branch-taken', 'approved', 'cc', 'completed']));
    expect(detail.workflow.history.find((h: { kind: string }) => h.kind === 'approved')).toMatchObject({
      actor: 'huang.tao',
      signature: leadSignature.id,
    });
    // The lead's signature is now downloadable by whoever sees the record.
    expect((await qc.get(`/api/attachments/${leadSignature.id}`)).status).toBe(200);
  });

  test('someone who is not the assignee is refused not-assignee, the initiator included (no self-approval)', async () => {
    const { record, answer } = await submitNg();
    const taskId = answer.workflow.tasks[0].id as string;
    const shiftLead = await demo(server.base, 'zhang.wei');
    const [other] = await pushAll(shiftLead, [act(record.id, 'approve', { taskId, signature: signature.id })]);
    expect(other).toMatchObject({ status: 'rejected', code: 'not-assignee' });
    expect(other.message['zh-CN']).toEqual(expect.any(String));
    const [self] = await pushAll(qc, [act(record.id, 'approve', { taskId, signature: signature.id })]);
    expect(self).toMatchObject({ status: 'rejected', code: 'not-assignee' });
    // Someone who may not even see the record learns nothing about it.
    const keeper = await demo(server.base, 'sun.li');
    const [hidden] = await pushAll(keeper, [act(record.id, 'approve', { taskId })]);
    expect(hidden).toMatchObject({ status: 'rejected', code: 'not-found' });
  });

  test('a QC lead who submits an NG inspection never gets the task: it falls back to the workshop lead', async () => {
    const { answer } = await submitNg(lead, 'huang.tao', leadSignature);
    expect(answer.workflow.tasks.map((t: { assignee: string }) => t.assignee)).toEqual(['li.qiang']);
  });

  test('approve and reject of the same task at once: exactly one wins, the other is refused', async () => {
    for (let round = 0; round < 3; round++) {
      const { record, answer } = await submitNg();
      const taskId = answer.workflow.tasks[0].id as string;
      const [a, b] = await Promise.all([
        pushAll(lead, [act(record.id, 'approve', { taskId, signature: leadSignature.id })]),
        pushAll(lead, [act(record.id, 'reject', { taskId, comment: 'out of tolerance' })]),
      ]);
      const results = [a[0], b[0]];
      expect(results.filter((r) => r.status === 'accepted')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(['task-closed', 'flow-finished']).toContain(refused.code);
      const [row] = await server.db.query<{ status: string }>('select status from records where id = $1', [record.id]);
      expect(['approved', 'rejected']).toContain(row?.status);
      const closed = await server.db.query('select 1 from tasks where record_id = $1 and status <> $2', [
        record.id,
        'open',
      ]);
      expect(closed).toHaveLength(1);
    }
  });

  test('return, resubmit and withdraw go through the state machine and each lands in the history', async () => {
    const { record, answer } = await submitNg();
    const taskId = answer.workflow.tasks[0].id as string;
    const [noReason] = await pushAll(lead, [act(record.id, 'return', { taskId })]);
    expect(noReason.code).toBe('comment-required');
    const [returned] = await pushAll(lead, [act(record.id, 'return', { taskId, comment: 'photo is blurred' })]);
    expect(returned.workflow.status).toBe('returned');
    const [notMine] = await pushAll(lead, [act(record.id, 'resubmit')]);
    expect(notMine.code).toBe('not-initiator');
    const [again] = await pushAll(qc, [act(record.id, 'resubmit')]);
    expect(again.workflow.status).toBe('running');
    expect(again.workflow.tasks[0].id).toMatch(/^2:qc_lead_review:huang\.tao$/);
    const [comment] = await pushAll(qc, [act(record.id, 'comment', { comment: 'new photo attached' })]);
    expect(comment.status).toBe('accepted');
    const [withdrawn] = await pushAll(qc, [act(record.id, 'withdraw')]);
    expect(withdrawn.workflow.status).toBe('withdrawn');
    const [late] = await pushAll(lead, [
      act(record.id, 'approve', { taskId: again.workflow.tasks[0].id, signature: leadSignature.id }),
    ]);
    expect(late.code).toBe('flow-finished');
    const kinds = (await qc.get(`/api/records/${record.id}`)).body.workflow.history.map(
      (h: { kind: string }) => h.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(['returned', 'resubmitted', 'commented', 'withdrawn']));
    expect((await lead.get('/api/tasks?status=closed')).body.tasks.length).toBeGreaterThan(0);
  });
});
