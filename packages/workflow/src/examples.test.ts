// The three reference apps' approval flows, run on their seed records with the real expression language.
import { readFileSync } from 'node:fs';
import type { AppDefinition, Workflow } from '@gongfang/schema';
import { describe, expect, it } from 'vitest';
import { act, approveAs, context, directory, open, start } from '../test/harness.ts';
import { expressionConditions } from './index.ts';

interface SeedUser {
  name: string;
  roles: string[];
  lead?: string;
}
interface SeedRecord {
  form: string;
  createdBy: string;
  data: Record<string, unknown>;
}

function load(app: string): { workflows: Map<string, Workflow>; users: SeedUser[]; records: SeedRecord[] } {
  const read = (file: string) =>
    JSON.parse(readFileSync(new URL(`../../../examples/${app}/${file}`, import.meta.url), 'utf8'));
  const definition = read('app.json') as AppDefinition;
  const seed = read('seed.json') as { users: SeedUser[]; records: SeedRecord[] };
  const workflows = new Map<string, Workflow>();
  for (const form of definition.forms) if (form.workflow) workflows.set(form.id, form.workflow);
  return { workflows, users: seed.users, records: seed.records };
}

function setUp(app: string, form: string, pick: (r: SeedRecord) => boolean) {
  const { workflows, users, records } = load(app);
  const roles: Record<string, string[]> = {};
  const leads: Record<string, string> = {};
  for (const u of users) {
    for (const role of u.roles) roles[role] = [...(roles[role] ?? []), u.name];
    if (u.lead) leads[u.name] = u.lead;
  }
  const record = records.find((r) => r.form === form && pick(r));
  const workflow = workflows.get(form);
  if (!record || !workflow) throw new Error(`no ${form} seed record or workflow in ${app}`);
  const ctx = context(workflow, {
    data: record.data,
    directory: directory(roles, leads),
    conditions: expressionConditions(),
  });
  return { ctx, initiator: record.createdBy };
}

describe('reference apps', () => {
  it('inventory: a stock-out above 500 goes to the workshop lead, then to the keeper picked on the form', () => {
    const { ctx, initiator } = setUp('inventory', 'stock_out', (r) => Number(r.data.total_qty) > 500);
    let { instance } = start(ctx, initiator);
    expect(open(instance)).toEqual(['lead_approval:li.qiang']);
    instance = approveAs(ctx, instance, 'li.qiang').instance;
    expect(open(instance)).toEqual(['keeper_issue:sun.li']);
    expect(approveAs(ctx, instance, 'sun.li').instance.status).toBe('approved');
  });

  it('inventory: a small stock-out by the keeper themself finds no other keeper and is approved automatically', () => {
    const { ctx, initiator } = setUp(
      'inventory',
      'stock_out',
      (r) => Number(r.data.total_qty) <= 500 && r.data.keeper === r.createdBy,
    );
    const { instance } = start(ctx, initiator);
    expect(instance.status).toBe('approved');
    expect(instance.history.map((h) => h.kind)).toContain('auto-approved');
  });

  it('quality inspection: NG needs the QC lead to sign, then the shift lead is CC’d', () => {
    const { ctx, initiator } = setUp(
      'quality-inspection',
      'inspection',
      (r) => r.data.result === 'NG' && r.createdBy === 'zhou.min',
    );
    const { instance } = start(ctx, initiator);
    expect(open(instance)).toEqual(['qc_lead_review:huang.tao']);
    const unsigned = { type: 'approve', taskId: '1:qc_lead_review:huang.tao', actor: 'huang.tao' } as const;
    expect(() => act(ctx, instance, unsigned)).toThrow(/signature-required/);
    const signed = approveAs(ctx, instance, 'huang.tao', { signature: 'att-1' });
    expect(signed.instance.status).toBe('approved');
    expect(signed.instance.notices.map((n) => n.recipient)).toEqual(['zhang.wei']);
  });

  it('quality inspection: OK only notifies the shift lead', () => {
    const { ctx, initiator } = setUp('quality-inspection', 'inspection', (r) => r.data.result === 'OK');
    const { instance } = start(ctx, initiator);
    expect(instance.status).toBe('approved');
    expect(instance.notices.map((n) => n.nodeId)).toEqual(['notify_lead_ok']);
  });

  it('shift handover: the incoming lead accepts with a signature, then the workshop lead is CC’d', () => {
    const { ctx, initiator } = setUp('shift-handover', 'handover', (r) => r.createdBy === 'zhang.wei');
    const { instance } = start(ctx, initiator);
    expect(open(instance)).toEqual(['incoming_accepts:chen.jing']);
    const accepted = approveAs(ctx, instance, 'chen.jing', { signature: 'att-2' });
    expect(accepted.instance.status).toBe('approved');
    expect(accepted.instance.notices.map((n) => n.recipient)).toEqual(['li.qiang']);
  });
});
