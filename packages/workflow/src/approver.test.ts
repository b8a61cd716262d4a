import type { ApproverNode, Assignee, Workflow } from '@gongfang/schema';
import { describe, expect, it } from 'vitest';
import { act, approveAs, context, directory, eventTypes, open, start } from '../test/harness.ts';
import { applyAction } from './index.ts';

function oneStep(assignee: Assignee, extra: Partial<ApproverNode> = {}): Workflow {
  return { nodes: [{ id: 'qc', type: 'approver', assignee, ...extra }] };
}

const threeUsers: Assignee = { kind: 'users', users: ['ann', 'bob', 'cai'] };

describe('approver modes', () => {
  it('any (或签): the first approval passes the node and cancels the other tasks', () => {
    const ctx = context(oneStep(threeUsers, { mode: 'any' }));
    const started = start(ctx);
    expect(open(started.instance)).toEqual(['qc:ann', 'qc:bob', 'qc:cai']);
    const done = approveAs(ctx, started.instance, 'bob');
    expect(done.instance.status).toBe('approved');
    expect(done.instance.tasks.map((t) => [t.assignee, t.status])).toEqual([
      ['ann', 'cancelled'],
      ['bob', 'approved'],
      ['cai', 'cancelled'],
    ]);
    expect(done.events.at(-1)).toEqual({ type: 'completed', outcome: 'approved' });
  });

  it('any: the other tasks are cancelled even when the flow goes on to a next node', () => {
    const ctx = context({
      nodes: [
        { id: 'qc', type: 'approver', assignee: threeUsers, mode: 'any' },
        { id: 'store', type: 'approver', assignee: { kind: 'users', users: ['kai'] } },
      ],
    });
    const next = approveAs(ctx, start(ctx).instance, 'ann');
    expect(open(next.instance)).toEqual(['store:kai']);
    expect(
      next.events.filter((e) => e.type === 'task-closed').map((e) => `${e.task.assignee}:${e.task.status}`),
    ).toEqual(['ann:approved', 'bob:cancelled', 'cai:cancelled']);
  });

  it('defaults to any when no mode is given', () => {
    const ctx = context(oneStep(threeUsers));
    expect(approveAs(ctx, start(ctx).instance, 'cai').instance.status).toBe('approved');
  });

  it('any: a rejection by the first to decide rejects the record', () => {
    const ctx = context(oneStep(threeUsers, { mode: 'any' }));
    const started = start(ctx);
    const rejected = act(ctx, started.instance, { type: 'reject', taskId: '1:qc:ann', actor: 'ann', comment: 'NG' });
    expect(rejected.instance.status).toBe('rejected');
    expect(open(rejected.instance)).toEqual([]);
  });

  it('all (会签): waits for every assignee, then passes', () => {
    const ctx = context(oneStep(threeUsers, { mode: 'all' }));
    let instance = start(ctx).instance;
    instance = approveAs(ctx, instance, 'ann').instance;
    instance = approveAs(ctx, instance, 'cai').instance;
    expect(instance.status).toBe('running');
    expect(open(instance)).toEqual(['qc:bob']);
    expect(approveAs(ctx, instance, 'bob').instance.status).toBe('approved');
  });

  it('all: one rejection rejects the record and cancels the remaining tasks', () => {
    const ctx = context(oneStep(threeUsers, { mode: 'all' }));
    const first = approveAs(ctx, start(ctx).instance, 'ann').instance;
    const rejected = act(ctx, first, { type: 'reject', taskId: '1:qc:bob', actor: 'bob', comment: 'no' });
    expect(rejected.instance.status).toBe('rejected');
    expect(rejected.instance.tasks.find((t) => t.assignee === 'cai')?.status).toBe('cancelled');
  });

  it('sequential (依次): one task at a time, in assignee order', () => {
    const ctx = context(oneStep(threeUsers, { mode: 'sequential' }));
    const started = start(ctx);
    expect(open(started.instance)).toEqual(['qc:ann']);
    const second = approveAs(ctx, started.instance, 'ann');
    expect(open(second.instance)).toEqual(['qc:bob']);
    expect(eventTypes(second.events)).toEqual(['task-closed', 'task-created']);
    const third = approveAs(ctx, second.instance, 'bob');
    expect(open(third.instance)).toEqual(['qc:cai']);
    expect(approveAs(ctx, third.instance, 'cai').instance.status).toBe('approved');
  });

  it('sequential: a later assignee cannot act before their turn (they have no task yet)', () => {
    const ctx = context(oneStep(threeUsers, { mode: 'sequential' }));
    const result = applyAction(ctx, start(ctx).instance, { type: 'approve', taskId: '1:qc:bob', actor: 'bob' });
    expect(result.ok || result.error.code).toBe('task-not-found');
  });
});

describe('assignee rules', () => {
  it('role: everyone holding the role gets a task', () => {
    const ctx = context(oneStep({ kind: 'role', role: 'qc_lead' }), {
      directory: directory({ qc_lead: ['lin', 'mei'] }),
    });
    expect(open(start(ctx).instance)).toEqual(['qc:lin', 'qc:mei']);
  });

  it('initiatorLead: level 1 is the direct lead, level 2 the lead of the lead', () => {
    const dir = directory({}, { ini: 'lead1', lead1: 'lead2' });
    const direct = context(oneStep({ kind: 'initiatorLead' }), { directory: dir });
    expect(open(start(direct).instance)).toEqual(['qc:lead1']);
    const twoUp = context(oneStep({ kind: 'initiatorLead', level: 2 }), { directory: dir });
    expect(open(start(twoUp).instance)).toEqual(['qc:lead2']);
  });

  it('field: the users picked in a member field of the record (single or multiple)', () => {
    const single = context(oneStep({ kind: 'field', field: 'incoming_lead' }), { data: { incoming_lead: 'zhou' } });
    expect(open(start(single).instance)).toEqual(['qc:zhou']);
    const many = context(oneStep({ kind: 'field', field: 'checkers' }), { data: { checkers: ['wu', 'xu', 'wu'] } });
    expect(open(start(many).instance)).toEqual(['qc:wu', 'qc:xu']);
  });

  it('task ids are derived from round, node and user', () => {
    const ctx = context(oneStep({ kind: 'users', users: ['ann'] }));
    expect(start(ctx).instance.tasks.map((t) => t.id)).toEqual(['1:qc:ann']);
  });
});

describe('the initiator never approves their own record', () => {
  it('removes the initiator from the assignees', () => {
    const ctx = context(oneStep({ kind: 'users', users: ['ini', 'ann'] }, { mode: 'all' }));
    expect(open(start(ctx, 'ini').instance)).toEqual(['qc:ann']);
  });

  it('uses the fallback role when nobody else is left, and notes it', () => {
    const ctx = context(oneStep({ kind: 'role', role: 'lead' }, { fallbackRole: 'manager' }), {
      directory: directory({ lead: ['ini'], manager: ['ini', 'boss'] }),
    });
    const started = start(ctx, 'ini');
    expect(open(started.instance)).toEqual(['qc:boss']);
    expect(started.instance.history.find((h) => h.kind === 'fallback-assigned')?.users).toEqual(['boss']);
  });

  it('auto-approves the node when even the fallback finds nobody, and says so in the history', () => {
    const ctx = context(oneStep({ kind: 'initiatorLead' }, { fallbackRole: 'manager' }), {
      directory: directory({ manager: ['ini'] }),
    });
    const started = start(ctx, 'ini');
    expect(started.instance.status).toBe('approved');
    const auto = started.instance.history.find((h) => h.kind === 'auto-approved');
    expect(auto?.nodeId).toBe('qc');
    expect(auto?.note?.en).toMatch(/approved automatically/);
    expect(auto?.note?.['zh-CN']).toMatch(/自动通过/);
    expect(started.events).toContainEqual({ type: 'auto-passed', round: 1, nodeId: 'qc', reason: 'auto-approved' });
  });
});
