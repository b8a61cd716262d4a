import type { Workflow, WorkflowNode } from '@gongfang/schema';
import { describe, expect, it } from 'vitest';
import { act, approveAs, context, directory, open, start } from '../test/harness.ts';

const step = (id: string, ...users: string[]): WorkflowNode => ({
  id,
  type: 'approver',
  assignee: { kind: 'users', users: users as [string, ...string[]] },
});

const byAmount: Workflow = {
  nodes: [
    {
      id: 'route',
      type: 'condition',
      branches: [
        { id: 'big', when: 'qty > 100', nodes: [step('manager', 'boss')] },
        { id: 'mid', when: 'qty > 10', nodes: [step('lead', 'lin')] },
      ],
      default: { id: 'small', nodes: [] },
    },
    step('keeper', 'kai'),
  ],
};

describe('condition node (条件分支)', () => {
  it('runs the first branch whose condition is TRUE, then continues after the node', () => {
    const ctx = context(byAmount, { data: { qty: 500 } });
    const started = start(ctx);
    expect(open(started.instance)).toEqual(['manager:boss']);
    expect(started.instance.history.find((h) => h.kind === 'branch-taken')?.branchId).toBe('big');
    const after = approveAs(ctx, started.instance, 'boss');
    expect(open(after.instance)).toEqual(['keeper:kai']);
  });

  it('tries branches in order: a later TRUE branch runs only when earlier ones are FALSE', () => {
    const ctx = context(byAmount, { data: { qty: 50 } });
    expect(open(start(ctx).instance)).toEqual(['lead:lin']);
  });

  it('takes the default branch when no condition is TRUE', () => {
    const ctx = context(byAmount, { data: { qty: 3 } });
    const started = start(ctx);
    expect(open(started.instance)).toEqual(['keeper:kai']);
    expect(started.instance.history.find((h) => h.kind === 'branch-taken')?.branchId).toBe('small');
  });

  it('counts an erroring condition as FALSE and records the error in the history', () => {
    const ctx = context(byAmount, { data: { qty: 'lots' } });
    const started = start(ctx);
    const errors = started.instance.history.filter((h) => h.kind === 'condition-error');
    expect(errors.map((e) => e.branchId)).toEqual(['big', 'mid']);
    expect(errors[0]?.note?.en).toBe('qty is not a number');
    expect(started.instance.history.find((h) => h.kind === 'branch-taken')?.branchId).toBe('small');
    expect(open(started.instance)).toEqual(['keeper:kai']);
  });

  it('passes the initiator and the time to the condition evaluator', () => {
    const seen: unknown[] = [];
    const ctx = context(byAmount, {
      data: { qty: 1 },
      conditions: (expression, _data, env) => {
        seen.push([expression, env]);
        return { ok: true, value: false };
      },
    });
    start(ctx, 'ini');
    expect(seen[0]).toEqual(['qty > 100', { initiator: 'ini', now: ctx.now }]);
  });
});

const inspection: Workflow = {
  nodes: [
    {
      id: 'checks',
      type: 'parallel',
      branches: [
        { id: 'quality', nodes: [step('qc', 'qin')] },
        {
          id: 'safety',
          nodes: [
            {
              id: 'ng_route',
              type: 'condition',
              branches: [
                { id: 'ng', when: 'result = "NG"', nodes: [step('safety_lead', 'sun'), step('plant', 'pan')] },
              ],
              default: { id: 'ok', nodes: [] },
            },
          ],
        },
        { id: 'notify', nodes: [{ id: 'cc_office', type: 'cc', recipients: { kind: 'role', role: 'office' } }] },
      ],
    },
    step('archive', 'arc'),
  ],
};

describe('parallel node (并行分支)', () => {
  const dir = directory({ office: ['ofa', 'ofb'] });

  it('opens every branch at once, runs a nested condition, and joins when every branch has finished', () => {
    const ctx = context(inspection, { data: { result: 'NG' }, directory: dir });
    let { instance } = start(ctx);
    expect(open(instance)).toEqual(['qc:qin', 'safety_lead:sun']);
    instance = approveAs(ctx, instance, 'sun').instance;
    expect(open(instance)).toEqual(['plant:pan', 'qc:qin']);
    instance = approveAs(ctx, instance, 'qin').instance;
    expect(open(instance)).toEqual(['plant:pan']);
    const joined = approveAs(ctx, instance, 'pan');
    expect(open(joined.instance)).toEqual(['archive:arc']);
    expect(approveAs(ctx, joined.instance, 'arc').instance.status).toBe('approved');
  });

  it('takes the nested default branch when its condition is FALSE', () => {
    const ctx = context(inspection, { data: { result: 'OK' }, directory: dir });
    const { instance } = start(ctx);
    expect(open(instance)).toEqual(['qc:qin']);
    expect(open(approveAs(ctx, instance, 'qin').instance)).toEqual(['archive:arc']);
  });

  it('a rejection in one branch rejects the record and cancels the open tasks of the other branches', () => {
    const ctx = context(inspection, { data: { result: 'NG' }, directory: dir });
    const { instance } = start(ctx);
    const rejected = act(ctx, instance, { type: 'reject', taskId: '1:qc:qin', actor: 'qin', comment: 'bad weld' });
    expect(rejected.instance.status).toBe('rejected');
    expect(rejected.instance.tasks.find((t) => t.assignee === 'sun')?.status).toBe('cancelled');
    expect(rejected.events.filter((e) => e.type === 'task-closed').map((e) => e.task.status)).toEqual([
      'rejected',
      'cancelled',
    ]);
  });

  it('sends CC notices in a branch without waiting for them', () => {
    const ctx = context(inspection, { data: { result: 'OK' }, directory: dir });
    const started = start(ctx);
    expect(started.instance.notices.map((n) => n.recipient)).toEqual(['ofa', 'ofb']);
    expect(started.events).toContainEqual({ type: 'cc', round: 1, nodeId: 'cc_office', recipients: ['ofa', 'ofb'] });
    expect(started.instance.tasks.some((t) => t.assignee.startsWith('of'))).toBe(false);
  });
});

describe('cc and end nodes', () => {
  it('a CC node creates notices (not tasks) and the flow moves straight on', () => {
    const flow: Workflow = {
      nodes: [{ id: 'tell', type: 'cc', recipients: { kind: 'users', users: ['ini', 'ops'] } }, step('ok', 'ann')],
    };
    const started = start(context(flow), 'ini');
    expect(started.instance.notices.map((n) => n.id)).toEqual(['1:tell:ini', '1:tell:ops']);
    expect(open(started.instance)).toEqual(['ok:ann']);
  });

  it('an end node finishes the flow with its outcome; later nodes never run', () => {
    const flow: Workflow = {
      nodes: [
        {
          id: 'route',
          type: 'condition',
          branches: [
            { id: 'scrap', when: 'result = "SCRAP"', nodes: [{ id: 'stop', type: 'end', outcome: 'rejected' }] },
          ],
          default: { id: 'keep', nodes: [] },
        },
        step('ok', 'ann'),
      ],
    };
    const ended = start(context(flow, { data: { result: 'SCRAP' } }));
    expect(ended.instance.status).toBe('rejected');
    expect(ended.instance.tasks).toEqual([]);
    const kept = start(context(flow, { data: { result: 'FINE' } }));
    expect(open(kept.instance)).toEqual(['ok:ann']);
  });

  it('an end node without outcome approves', () => {
    const flow: Workflow = { nodes: [{ id: 'done', type: 'end' }, step('never', 'ann')] };
    expect(start(context(flow)).instance.status).toBe('approved');
  });

  it('an end node inside a parallel branch ends the whole flow and cancels the other branches', () => {
    const flow: Workflow = {
      nodes: [
        {
          id: 'both',
          type: 'parallel',
          branches: [
            { id: 'a', nodes: [step('first', 'ann')] },
            { id: 'b', nodes: [step('second', 'bob'), { id: 'stop', type: 'end' }] },
          ],
        },
        step('after', 'cai'),
      ],
    };
    const ctx = context(flow);
    const { instance } = start(ctx);
    const ended = approveAs(ctx, instance, 'bob');
    expect(ended.instance.status).toBe('approved');
    expect(ended.instance.tasks.find((t) => t.assignee === 'ann')?.status).toBe('cancelled');
    expect(ended.instance.tasks.some((t) => t.assignee === 'cai')).toBe(false);
  });

  it('an empty workflow approves on submit', () => {
    const started = start(context({ nodes: [] }));
    expect(started.instance.status).toBe('approved');
    expect(started.events.map((e) => e.type)).toEqual(['started', 'completed']);
  });
});
