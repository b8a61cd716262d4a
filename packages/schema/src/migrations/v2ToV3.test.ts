import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateApp } from '../generated/validate-app.js';
import { type JsonObject, MigrationStop } from './shape.ts';
import { migrateV2ToV3 } from './v2ToV3.ts';

const v2 = (): JsonObject =>
  JSON.parse(readFileSync(new URL('./fixtures/v2-app.json', import.meta.url), 'utf8')) as JsonObject;

function stopOf(run: () => unknown): MigrationStop {
  try {
    run();
  } catch (e) {
    if (e instanceof MigrationStop) return e;
    throw e;
  }
  throw new Error('expected a MigrationStop');
}

// Reads a path of the migrated fixture without casts at every step.
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value);

describe('migrateV2ToV3', () => {
  it('makes the v2 fixture a definition that passes the JSON Schema', () => {
    const out = migrateV2ToV3(v2());
    const ok = validateApp(out);
    expect(validateApp.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(out.schemaVersion).toBe(3);
  });

  it('moves rules.visible and rules.required to visibleWhen and requiredWhen, also in sub-table columns', () => {
    const out = migrateV2ToV3(v2());
    const desc = at(out, 'forms', 0, 'fields', 3) as JsonObject;
    expect(desc.visibleWhen).toBe('abnormal = "有"');
    expect(desc.requiredWhen).toBe('abnormal = "有"');
    expect(desc).not.toHaveProperty('rules');
    const remark = at(out, 'forms', 0, 'fields', 4, 'fields', 2) as JsonObject;
    expect(remark).toEqual({ id: 'remark', type: 'text', label: { 'zh-CN': '备注' }, requiredWhen: 'state = "异常"' });
  });

  it('turns approval steps into approver nodes with role assignees, in order', () => {
    const form = at(migrateV2ToV3(v2()), 'forms', 0) as JsonObject;
    expect(form).not.toHaveProperty('approval');
    expect(form.workflow).toEqual({
      nodes: [
        {
          id: 'approval_1',
          type: 'approver',
          name: { 'zh-CN': '班组长确认' },
          assignee: { kind: 'role', role: 'shift_lead' },
        },
        { id: 'approval_2', type: 'approver', assignee: { kind: 'role', role: 'workshop_lead' } },
      ],
    });
  });

  it('drops an empty approval list without adding a workflow', () => {
    const form = at(migrateV2ToV3(v2()), 'forms', 1) as JsonObject;
    expect(form).not.toHaveProperty('approval');
    expect(form).not.toHaveProperty('workflow');
  });

  it('lets every role submit a form that had no permissions, and keeps permissions that were given', () => {
    const out = migrateV2ToV3(v2());
    expect(at(out, 'forms', 0, 'permissions')).toEqual({ submit: ['operator', 'shift_lead', 'workshop_lead'] });
    expect(at(out, 'forms', 1, 'permissions')).toEqual({ submit: ['operator'] });
  });

  it('stops with a pointer at a rule that format 2 did not have', () => {
    const def = { schemaVersion: 2, forms: [{ fields: [{ id: 'a', rules: { visible: 'x', editable: 'y' } }] }] };
    const stop = stopOf(() => migrateV2ToV3(def));
    expect(stop.detail.code).toBe('unknown_rule');
    expect(stop.detail.pointer).toBe('/forms/0/fields/0/rules/editable');
    expect(stop.detail.message.en).toContain('editable');
  });

  it('stops when a field has both rules.visible and visibleWhen', () => {
    const def = { forms: [{ fields: [{ id: 'a', visibleWhen: 'x', rules: { visible: 'y' } }] }] };
    const stop = stopOf(() => migrateV2ToV3(def));
    expect(stop.detail).toMatchObject({ code: 'conflicting_rule', pointer: '/forms/0/fields/0/rules/visible' });
  });

  it('stops when a form has both approval and workflow, or a step without a role', () => {
    expect(
      stopOf(() => migrateV2ToV3({ forms: [{ approval: { steps: [] }, workflow: { nodes: [] } }] })).detail,
    ).toMatchObject({
      code: 'conflicting_workflow',
      pointer: '/forms/0/approval',
    });
    expect(
      stopOf(() => migrateV2ToV3({ forms: [{}, { approval: { steps: [{ role: 'a' }, { name: 'x' }] } }] })).detail,
    ).toMatchObject({
      code: 'approval_step_without_role',
      pointer: '/forms/1/approval/steps/1/role',
    });
  });

  it('does not write into its input', () => {
    const input = v2();
    const before = JSON.stringify(input);
    migrateV2ToV3(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
