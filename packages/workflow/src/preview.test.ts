import type { Workflow } from '@gongfang/schema';
import { describe, expect, it } from 'vitest';
import { act, approveAs, context, directory, start } from '../test/harness.ts';
import { expectedNextSteps } from './index.ts';

const stockOut: Workflow = {
  nodes: [
    { id: 'lead', type: 'approver', assignee: { kind: 'initiatorLead' } },
    {
      id: 'route',
      type: 'condition',
      branches: [
        {
          id: 'big',
          when: 'qty > 100',
          nodes: [
            { id: 'managers', type: 'approver', assignee: { kind: 'role', role: 'manager' }, mode: 'sequential' },
          ],
        },
      ],
      default: { id: 'small', nodes: [] },
    },
    { id: 'tell', type: 'cc', recipients: { kind: 'role', role: 'keeper' } },
    { id: 'self', type: 'approver', assignee: { kind: 'users', users: ['ini'] } },
  ],
};

const dir = directory({ manager: ['m1', 'm2'], keeper: ['k1'] }, { ini: 'boss' });

describe('expectedNextSteps', () => {
  it('lists the current step, then what follows if everyone approves, with conditions resolved', () => {
    const ctx = context(stockOut, { data: { qty: 500 }, directory: dir });
    const { instance } = start(ctx);
    expect(expectedNextSteps(ctx, instance)).toEqual([
      { kind: 'approver', current: true, nodeId: 'lead', users: ['boss'], mode: 'any' },
      { kind: 'approver', current: false, nodeId: 'managers', users: ['m1', 'm2'], mode: 'sequential' },
      { kind: 'cc', current: false, nodeId: 'tell', users: ['k1'] },
      { kind: 'auto-approved', current: false, nodeId: 'self', users: [] },
      { kind: 'end', current: false, users: [], outcome: 'approved' },
    ]);
  });

  it('follows the data: a small quantity skips the managers', () => {
    const ctx = context(stockOut, { data: { qty: 5 }, directory: dir });
    const steps = expectedNextSteps(ctx, start(ctx).instance);
    expect(steps.map((s) => s.nodeId ?? s.kind)).toEqual(['lead', 'tell', 'self', 'end']);
  });

  it('shows the whole sequential list as current while it is under way', () => {
    const ctx = context(stockOut, { data: { qty: 500 }, directory: dir });
    const atManagers = approveAs(ctx, start(ctx).instance, 'boss').instance;
    expect(expectedNextSteps(ctx, atManagers)[0]).toEqual({
      kind: 'approver',
      current: true,
      nodeId: 'managers',
      users: ['m1', 'm2'],
      mode: 'sequential',
    });
  });

  it('starts with the initiator resubmitting when the record was returned', () => {
    const ctx = context(stockOut, { data: { qty: 5 }, directory: dir });
    const { instance } = start(ctx);
    const returned = act(ctx, instance, { type: 'return', taskId: '1:lead:boss', actor: 'boss', comment: 'qty?' });
    const steps = expectedNextSteps(ctx, returned.instance);
    expect(steps[0]).toEqual({ kind: 'resubmit', current: true, users: ['ini'] });
    expect(steps[1]).toMatchObject({ kind: 'approver', nodeId: 'lead', users: ['boss'] });
  });

  it('is empty for a finished flow and never changes the instance', () => {
    const ctx = context(stockOut, { data: { qty: 5 }, directory: dir });
    const { instance } = start(ctx);
    const before = JSON.stringify(instance);
    expectedNextSteps(ctx, instance);
    expect(JSON.stringify(instance)).toBe(before);
    const rejected = act(ctx, instance, { type: 'reject', taskId: '1:lead:boss', actor: 'boss', comment: 'no' });
    expect(expectedNextSteps(ctx, rejected.instance)).toEqual([]);
  });
});
