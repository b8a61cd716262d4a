import type { ApproverNode, Workflow } from '@gongfang/schema';
import { describe, expect, it } from 'vitest';
import { act, approveAs, context, open, start } from '../test/harness.ts';
import { type Action, applyAction, type FlowErrorCode, type FlowResult, startFlow } from './index.ts';

function codeOf(result: FlowResult): FlowErrorCode | 'ok' {
  return result.ok ? 'ok' : result.error.code;
}

const twoSteps = (first: Partial<ApproverNode> = {}, onResubmit?: Workflow['onResubmit']): Workflow => ({
  nodes: [
    { id: 'lead', type: 'approver', assignee: { kind: 'users', users: ['lin'] }, ...first },
    { id: 'qc', type: 'approver', assignee: { kind: 'users', users: ['qin'] } },
  ],
  ...(onResubmit ? { onResubmit } : {}),
});

describe('return and resubmit', () => {
  it('return sends the record back to the initiator with status returned and no open task', () => {
    const ctx = context(twoSteps());
    const { instance } = start(ctx);
    const returned = act(ctx, instance, { type: 'return', taskId: '1:lead:lin', actor: 'lin', comment: 'fix qty' });
    expect(returned.instance.status).toBe('returned');
    expect(open(returned.instance)).toEqual([]);
    expect(returned.events).toContainEqual({ type: 'returned', round: 1, nodeId: 'lead', actor: 'lin' });
  });

  it('return is refused when the node does not allow it', () => {
    const ctx = context(twoSteps({ allowReturn: false }));
    const { instance } = start(ctx);
    const action: Action = { type: 'return', taskId: '1:lead:lin', actor: 'lin', comment: 'x' };
    expect(codeOf(applyAction(ctx, instance, action))).toBe('return-not-allowed');
    const bare: Action = { type: 'return', taskId: '1:lead:lin', actor: 'lin' };
    expect(codeOf(applyAction(ctx, instance, bare))).toBe('return-not-allowed');
  });

  it('restart: a resubmitted record runs every node again in a new round', () => {
    const ctx = context(twoSteps({}, 'restart'));
    let { instance } = start(ctx);
    instance = approveAs(ctx, instance, 'lin').instance;
    instance = act(ctx, instance, { type: 'return', taskId: '1:qc:qin', actor: 'qin', comment: 'photo' }).instance;
    const again = act(ctx, instance, { type: 'resubmit', actor: 'ini' });
    expect(again.instance.round).toBe(2);
    expect(again.instance.status).toBe('running');
    expect(again.instance.tasks.filter((t) => t.status === 'open').map((t) => t.id)).toEqual(['2:lead:lin']);
  });

  it('skipApproved: approver nodes approved in an earlier round are skipped and noted', () => {
    const ctx = context(twoSteps({}, 'skipApproved'));
    let { instance } = start(ctx);
    instance = approveAs(ctx, instance, 'lin').instance;
    instance = act(ctx, instance, { type: 'return', taskId: '1:qc:qin', actor: 'qin', comment: 'photo' }).instance;
    const again = act(ctx, instance, { type: 'resubmit', actor: 'ini' });
    expect(open(again.instance)).toEqual(['qc:qin']);
    expect(again.instance.history.find((h) => h.kind === 'skipped' && h.round === 2)?.nodeId).toBe('lead');
    expect(approveAs(ctx, again.instance, 'qin').instance.status).toBe('approved');
  });

  it('resubmit uses the data as it is now (the initiator fixed the record)', () => {
    const flow: Workflow = {
      nodes: [
        {
          id: 'route',
          type: 'condition',
          branches: [
            {
              id: 'big',
              when: 'qty > 100',
              nodes: [{ id: 'boss', type: 'approver', assignee: { kind: 'users', users: ['bo'] } }],
            },
          ],
          default: {
            id: 'small',
            nodes: [{ id: 'lead', type: 'approver', assignee: { kind: 'users', users: ['lin'] } }],
          },
        },
      ],
    };
    const first = context(flow, { data: { qty: 500 } });
    const { instance } = start(first);
    const returned = act(first, instance, { type: 'return', taskId: '1:boss:bo', actor: 'bo', comment: 'too many' });
    const fixed = context(flow, { data: { qty: 50 } });
    expect(open(act(fixed, returned.instance, { type: 'resubmit', actor: 'ini' }).instance)).toEqual(['lead:lin']);
  });

  it('only the initiator can resubmit, and only a returned record', () => {
    const ctx = context(twoSteps());
    const { instance } = start(ctx);
    expect(codeOf(applyAction(ctx, instance, { type: 'resubmit', actor: 'ini' }))).toBe('flow-not-returned');
    const returned = act(ctx, instance, { type: 'return', taskId: '1:lead:lin', actor: 'lin', comment: 'x' });
    expect(codeOf(applyAction(ctx, returned.instance, { type: 'resubmit', actor: 'lin' }))).toBe('not-initiator');
  });
});

describe('withdraw', () => {
  it('the initiator can withdraw while nobody has acted in this round', () => {
    const ctx = context(twoSteps());
    const { instance } = start(ctx);
    const withdrawn = act(ctx, instance, { type: 'withdraw', actor: 'ini' });
    expect(withdrawn.instance.status).toBe('withdrawn');
    expect(withdrawn.instance.tasks[0]?.status).toBe('cancelled');
    expect(withdrawn.events.at(-1)).toEqual({ type: 'withdrawn', round: 1 });
  });

  it('is refused once an approver has acted, and for anyone but the initiator', () => {
    const ctx = context(twoSteps());
    const { instance } = start(ctx);
    expect(codeOf(applyAction(ctx, instance, { type: 'withdraw', actor: 'lin' }))).toBe('not-initiator');
    const acted = approveAs(ctx, instance, 'lin').instance;
    expect(codeOf(applyAction(ctx, acted, { type: 'withdraw', actor: 'ini' }))).toBe('already-acted');
  });
});

describe('who may act', () => {
  const ctx = context(twoSteps({ signature: true }));
  const { instance } = start(ctx);
  type Approve = Extract<Action, { type: 'approve' }>;
  const approve = (actor: string, extra: Partial<Approve> = {}): Approve => ({
    type: 'approve',
    taskId: '1:lead:lin',
    actor,
    ...extra,
  });

  it('refuses a user who is not the assignee of the task', () => {
    const result = applyAction(ctx, instance, approve('mallory', { signature: 'sig-1' }));
    expect(codeOf(result)).toBe('not-assignee');
    expect(result.ok || result.error.message['zh-CN']).toBe('您不是该任务的当前审批人');
  });

  it('refuses an unknown task id', () => {
    expect(codeOf(applyAction(ctx, instance, { ...approve('lin'), taskId: '1:lead:nobody' }))).toBe('task-not-found');
  });

  it('refuses approval without the signature the node requires, and keeps the signature when given', () => {
    expect(codeOf(applyAction(ctx, instance, approve('lin')))).toBe('signature-required');
    expect(codeOf(applyAction(ctx, instance, approve('lin', { signature: '  ' })))).toBe('signature-required');
    const signed = act(ctx, instance, approve('lin', { signature: 'att-42' }));
    expect(signed.instance.tasks[0]?.signature).toBe('att-42');
  });

  it('refuses acting twice on the same task', () => {
    const once = act(ctx, instance, approve('lin', { signature: 'att-42' }));
    expect(codeOf(applyAction(ctx, once.instance, approve('lin', { signature: 'att-42' })))).toBe('task-closed');
  });

  it('refuses any action on a finished flow', () => {
    const rejected = act(ctx, instance, { type: 'reject', taskId: '1:lead:lin', actor: 'lin', comment: 'no' });
    const actions: Action[] = [
      approve('lin', { signature: 's' }),
      { type: 'comment', actor: 'ini', comment: 'why?' },
      { type: 'resubmit', actor: 'ini' },
      { type: 'withdraw', actor: 'ini' },
    ];
    for (const action of actions) expect(codeOf(applyAction(ctx, rejected.instance, action))).toBe('flow-finished');
  });
});

describe('comments', () => {
  it('reject and return need a comment by default; approve does not', () => {
    const ctx = context(twoSteps());
    const { instance } = start(ctx);
    expect(codeOf(applyAction(ctx, instance, { type: 'reject', taskId: '1:lead:lin', actor: 'lin' }))).toBe(
      'comment-required',
    );
    expect(
      codeOf(applyAction(ctx, instance, { type: 'return', taskId: '1:lead:lin', actor: 'lin', comment: ' ' })),
    ).toBe('comment-required');
    expect(codeOf(applyAction(ctx, instance, { type: 'approve', taskId: '1:lead:lin', actor: 'lin' }))).toBe('ok');
  });

  it("commentRequired 'never' allows a bare reject; 'always' needs a comment to approve", () => {
    const never = context(twoSteps({ commentRequired: 'never' }));
    const bare: Action = { type: 'reject', taskId: '1:lead:lin', actor: 'lin' };
    expect(codeOf(applyAction(never, start(never).instance, bare))).toBe('ok');
    const always = context(twoSteps({ commentRequired: 'always' }));
    const approve: Action = { type: 'approve', taskId: '1:lead:lin', actor: 'lin' };
    expect(codeOf(applyAction(always, start(always).instance, approve))).toBe('comment-required');
  });

  it('the initiator and task holders can comment without changing the state; others cannot', () => {
    const ctx = context(twoSteps());
    const { instance } = start(ctx);
    const commented = act(ctx, instance, { type: 'comment', actor: 'lin', comment: 'checking stock' });
    expect(commented.instance.tasks).toEqual(instance.tasks);
    expect(commented.instance.status).toBe('running');
    expect(commented.instance.history.at(-1)).toMatchObject({
      kind: 'commented',
      actor: 'lin',
      comment: 'checking stock',
    });
    expect(codeOf(applyAction(ctx, instance, { type: 'comment', actor: 'ini', comment: 'thanks' }))).toBe('ok');
    expect(codeOf(applyAction(ctx, instance, { type: 'comment', actor: 'eve', comment: 'hi' }))).toBe(
      'not-participant',
    );
  });
});

describe('purity and storage', () => {
  it('an instance survives a JSON round trip and behaves the same afterwards', () => {
    const ctx = context(twoSteps({ mode: 'sequential' }));
    const { instance } = start(ctx);
    const stored = JSON.parse(JSON.stringify(instance));
    expect(stored).toStrictEqual(instance);
    const fromMemory = approveAs(ctx, instance, 'lin');
    const fromStorage = approveAs(ctx, stored, 'lin');
    expect(fromStorage).toStrictEqual(fromMemory);
    expect(JSON.parse(JSON.stringify(fromStorage.instance))).toStrictEqual(fromStorage.instance);
  });

  it('never changes the instance it is given, and gives the same result for the same input', () => {
    const ctx = context(twoSteps());
    const { instance } = start(ctx);
    const before = JSON.stringify(instance);
    const a = approveAs(ctx, instance, 'lin');
    const b = approveAs(ctx, instance, 'lin');
    expect(JSON.stringify(instance)).toBe(before);
    expect(a).toStrictEqual(b);
  });

  it('refuses an instance started on another definition version, and an unknown instance format', () => {
    const ctx = context(twoSteps());
    const { instance } = start(ctx);
    const renamed = context({ nodes: [{ ...twoSteps().nodes[1]!, id: 'lead2' }] });
    const approve: Action = { type: 'approve', taskId: '1:lead:lin', actor: 'lin' };
    expect(codeOf(applyAction(renamed, instance, approve))).toBe('definition-mismatch');
    const future = { ...instance, format: 2 } as unknown as typeof instance;
    expect(codeOf(applyAction(ctx, future, approve))).toBe('instance-invalid');
  });

  it('refuses a workflow with duplicate node ids', () => {
    const flow: Workflow = { nodes: [...twoSteps().nodes, ...twoSteps().nodes] };
    const result = startFlow(context(flow), 'ini');
    expect(codeOf(result)).toBe('definition-invalid');
    expect(result.ok || result.error.message.en).toMatch(/Duplicate node or branch id: lead/);
  });
});
