import type { Workflow } from '@gongfang/schema';
import { describe, expect, it } from 'vitest';
import { context, open, start } from '../test/harness.ts';
import { expressionConditions } from './index.ts';

const conditions = expressionConditions({ timeZone: 'Asia/Shanghai' });
const env = { initiator: 'zhang', now: '2026-03-02T20:00:00.000Z' };

describe('expressionConditions', () => {
  it('evaluates comparisons and functions over the record, sub-table columns included', () => {
    const data = { qty: 150, result: 'NG', lines: [{ qty: 60 }, { qty: 50 }] };
    expect(conditions('qty > 100', data, env)).toEqual({ ok: true, value: true });
    expect(conditions('AND(result = "NG", SUM(lines.qty) >= 110)', data, env)).toEqual({ ok: true, value: true });
    expect(conditions('SUM(lines.qty) > 200', data, env)).toEqual({ ok: true, value: false });
  });

  it('reads USER() as the initiator and TODAY() from the action time in the given zone', () => {
    expect(conditions('USER() = "zhang"', {}, env)).toEqual({ ok: true, value: true });
    // 20:00 UTC on 2 March is already 3 March in Shanghai.
    expect(conditions('TODAY() = "2026-03-03"', {}, env)).toEqual({ ok: true, value: true });
  });

  it('a blank comparison (empty field) is FALSE without error', () => {
    expect(conditions('qty > 100', {}, env)).toEqual({ ok: true, value: false });
  });

  it('reports syntax errors, runtime errors and non-boolean results as errors', () => {
    expect(conditions('qty >', {}, env).ok).toBe(false);
    expect(conditions('qty / 0 > 1', { qty: 5 }, env).ok).toBe(false);
    const number = conditions('qty + 1', { qty: 5 }, env);
    expect(number.ok || number.error.en).toMatch(/not TRUE or FALSE/);
  });

  it("reads only the record's own fields, never inherited ones", () => {
    const data = Object.create({ inherited: 'x' }) as Record<string, unknown>;
    expect(conditions('ISBLANK(inherited)', data, env)).toEqual({ ok: true, value: true });
  });

  it('routes a real flow: NG goes to the QC lead, a broken condition falls through to default', () => {
    const flow: Workflow = {
      nodes: [
        {
          id: 'route',
          type: 'condition',
          branches: [
            { id: 'broken', when: 'qty >', nodes: [] },
            {
              id: 'ng',
              when: 'result = "NG"',
              nodes: [{ id: 'qc_lead', type: 'approver', assignee: { kind: 'users', users: ['lin'] } }],
            },
          ],
          default: { id: 'ok', nodes: [] },
        },
      ],
    };
    const ng = start(context(flow, { data: { result: 'NG' }, conditions }));
    expect(open(ng.instance)).toEqual(['qc_lead:lin']);
    const error = ng.instance.history.find((h) => h.kind === 'condition-error');
    expect(error?.branchId).toBe('broken');
    expect(error?.note?.['zh-CN']).toBeTruthy();
    const ok = start(context(flow, { data: { result: 'OK' }, conditions }));
    expect(ok.instance.status).toBe('approved');
  });
});
