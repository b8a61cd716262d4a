import { describe, expect, test } from 'vitest';
import { patrolApp } from '../../test/registryFixtures.ts';
import { diffDefinitions } from './diff.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into definitions freely
type Loose = any;
const v1 = patrolApp();
function edited(edit: (d: Loose) => void): Loose {
  const copy = structuredClone(v1) as Loose;
  edit(copy);
  return copy;
}
const kinds = (entries: ReturnType<typeof diffDefinitions>) => entries.map((e) => `${e.kind} ${e.path}`);

describe('diffDefinitions', () => {
  test('identical definitions have no changes; the version number alone is not a change', () => {
    expect(diffDefinitions(v1, structuredClone(v1))).toEqual([]);
    expect(
      diffDefinitions(
        v1,
        edited((d) => (d.version = 2)),
      ),
    ).toEqual([]);
  });

  test('fields added, removed, retyped and relabelled, including sub-table columns', () => {
    const v2 = edited((d) => {
      const f = d.forms[0].fields;
      f[1].type = 'text'; // qty retyped
      f[2].label = { 'zh-CN': '说明', en: 'Remarks' }; // note relabelled
      f[3].fields.splice(1, 1); // items.value removed
      f[3].fields.push({ id: 'unit', type: 'text', label: { 'zh-CN': '单位', en: 'Unit' } });
      f.push({ id: 'photo', type: 'photo', label: { 'zh-CN': '照片', en: 'Photo' } });
    });
    const entries = diffDefinitions(v1, v2);
    expect(kinds(entries)).toEqual(
      expect.arrayContaining([
        'field.retyped check.qty',
        'field.relabelled check.note',
        'field.removed check.items.value',
        'field.added check.items.unit',
        'field.added check.photo',
      ]),
    );
    const retyped = entries.find((e) => e.kind === 'field.retyped');
    expect(retyped).toMatchObject({ pointer: '/forms/0/fields/1', before: 'number', after: 'text' });
    expect(retyped?.summary.en).toBe('Field "Quantity" changed type from number to text');
    expect(retyped?.summary['zh-CN']).toBe('字段「数量」类型由 number 改为 text');
    const relabelled = entries.find((e) => e.kind === 'field.relabelled');
    expect(relabelled?.summary.en).toBe('Field "Note" renamed to "Remarks"');
    const removed = entries.find((e) => e.kind === 'field.removed');
    expect(removed).toMatchObject({ pointer: '/forms/0/fields/3/fields/1', after: undefined });
  });

  test('rules, formulas and options by value', () => {
    const v2 = edited((d) => {
      const f = d.forms[0].fields;
      f[1].visibleWhen = 'line = "L1"';
      f[4].expression = 'qty * 3';
      f[0].options[1].label = { 'zh-CN': '二号线', en: 'Line two' };
      f[0].options.push({ value: 'L3', label: { 'zh-CN': '三线', en: 'Line 3' } });
      f[0].options.shift();
    });
    expect(kinds(diffDefinitions(v1, v2))).toEqual([
      'option.changed check.line.options.L2',
      'option.added check.line.options.L3',
      'option.removed check.line.options.L1',
      'rule.changed check.qty.visibleWhen',
      'formula.changed check.double_qty.expression',
    ]);
    const formula = diffDefinitions(v1, v2).find((e) => e.kind === 'formula.changed');
    expect(formula).toMatchObject({ before: 'qty * 2', after: 'qty * 3', pointer: '/forms/0/fields/4/expression' });
  });

  test('a reorder is one entry, not a change per field', () => {
    const v2 = edited((d) => d.forms[0].fields.reverse());
    expect(kinds(diffDefinitions(v1, v2))).toEqual(['fields.reordered check.fields']);
  });

  test('workflow nodes by id, permissions, views, roles and ledgers', () => {
    const v2 = edited((d) => {
      const wf = d.forms[0].workflow;
      wf.nodes[0].branches[0].when = 'qty > 50';
      wf.nodes[0].default.nodes.push({ id: 'cc_lead', type: 'cc', recipients: { kind: 'role', role: 'shift_lead' } });
      wf.nodes[0].branches[0].nodes = [];
      d.forms[0].permissions.submit = ['operator', 'shift_lead'];
      d.views[0].columns = ['line'];
      d.roles.push({ id: 'qc', name: { 'zh-CN': '质检', en: 'QC' } });
      d.ledgers = [{ id: 'stock', name: { 'zh-CN': '库存', en: 'Stock' }, keys: [], measures: [] }];
    });
    expect(kinds(diffDefinitions(v1, v2))).toEqual([
      'role.added roles.qc',
      'permission.changed check.permissions.submit',
      'node.changed check.workflow.big',
      'node.added check.workflow.cc_lead',
      'node.removed check.workflow.lead_ok',
      'ledger.added ledgers.stock',
      'view.changed views.all_checks.columns',
    ]);
  });

  test('a whole form or workflow added and removed', () => {
    const v2 = edited((d) => {
      delete d.forms[0].workflow;
      d.forms.push({ ...structuredClone(d.forms[0]), id: 'recheck' });
    });
    expect(kinds(diffDefinitions(v1, v2))).toEqual(['workflow.removed check.workflow', 'form.added recheck']);
    expect(kinds(diffDefinitions(v2, v1))).toEqual(['workflow.added check.workflow', 'form.removed recheck']);
  });

  test('invalid drafts never throw: missing lists, fields without ids, garbage', () => {
    expect(() =>
      diffDefinitions({ forms: [{ id: 'x', fields: [{ type: 'text' }, 3, null] }] }, 'nonsense'),
    ).not.toThrow();
    expect(kinds(diffDefinitions({}, { forms: [{ id: 'x', fields: 'no' }] }))).toEqual(['form.added x']);
  });
});
