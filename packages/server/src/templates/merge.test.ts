import { describe, expect, test } from 'vitest';
import { patrolApp } from '../../test/registryFixtures.ts';
import { mergeDefinitions } from './merge.ts';

type Def = ReturnType<typeof patrolApp>;
// biome-ignore lint/suspicious/noExplicitAny: tests reach into definitions freely
type Loose = any;

/** A deep copy changed by `edit`, like an edit in the designer. */
function edited(def: Def, edit: (d: Loose) => void): Def {
  const copy = structuredClone(def) as Loose;
  edit(copy);
  return copy;
}

const base = patrolApp('tpl');
const ours0 = edited(base, (d) => {
  d.id = 'my_app';
  d.version = 7;
  d.template = { id: 'tpl', version: 1 };
});
const fieldIds = (def: Loose, form = 0) => def.forms[form].fields.map((f: { id: string }) => f.id);

describe('mergeDefinitions', () => {
  test('nothing changed on either side: ours comes back unchanged, app id, version and template kept', () => {
    const result = mergeDefinitions(base, ours0, base);
    expect(result.conflicts).toEqual([]);
    expect(result.definition).toEqual(ours0);
  });

  test('a field added on each side: both are kept, each after its predecessor', () => {
    const ours = edited(ours0, (d) =>
      d.forms[0].fields.splice(1, 0, { id: 'shift', type: 'text', label: { 'zh-CN': '班次' } }),
    );
    const theirs = edited(base, (d) =>
      d.forms[0].fields.push({ id: 'photo', type: 'photo', label: { 'zh-CN': '照片' } }),
    );
    const result = mergeDefinitions(base, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(fieldIds(result.definition)).toEqual(['line', 'shift', 'qty', 'note', 'items', 'double_qty', 'photo']);
  });

  test('a column added to a sub-table on one side and a field property changed on the other merge cleanly', () => {
    const ours = edited(ours0, (d) => {
      d.forms[0].fields[1].max = 999;
    });
    const theirs = edited(base, (d) =>
      d.forms[0].fields[3].fields.push({ id: 'ok', type: 'text', label: { 'zh-CN': '结论' } }),
    );
    const result = mergeDefinitions(base, ours, theirs) as Loose;
    expect(result.conflicts).toEqual([]);
    expect(result.definition.forms[0].fields[1]).toMatchObject({ id: 'qty', min: 0, max: 999 });
    expect(result.definition.forms[0].fields[3].fields.map((c: { id: string }) => c.id)).toEqual([
      'name',
      'value',
      'ok',
    ]);
  });

  test('the same label edited alike on both sides is no conflict; edited differently it is, with both values', () => {
    const same = (d: Loose) => {
      d.forms[0].fields[1].label.en = 'Qty';
    };
    expect(mergeDefinitions(base, edited(ours0, same), edited(base, same)).conflicts).toEqual([]);

    const ours = edited(ours0, (d) => {
      d.forms[0].fields[1].label.en = 'Count';
    });
    const theirs = edited(base, (d) => {
      d.forms[0].fields[1].label.en = 'Amount';
    });
    const result = mergeDefinitions(base, ours, theirs);
    expect(result.conflicts).toEqual([
      {
        path: '/forms/check/fields/qty/label/en',
        pointer: '/forms/0/fields/1/label/en',
        base: 'Quantity',
        ours: 'Count',
        theirs: 'Amount',
      },
    ]);
    const byPath = mergeDefinitions(base, ours, theirs, { '/forms/check/fields/qty/label/en': 'theirs' }) as Loose;
    expect(byPath.conflicts).toEqual([]);
    expect(byPath.resolved[0].side).toBe('theirs');
    expect(byPath.definition.forms[0].fields[1].label.en).toBe('Amount');
    const byPointer = mergeDefinitions(base, ours, theirs, { '/forms/0/fields/1/label/en': 'ours' }) as Loose;
    expect(byPointer.definition.forms[0].fields[1].label.en).toBe('Count');
  });

  test('a field deleted on one side and edited on the other is a conflict; resolving it either way works', () => {
    const ours = edited(ours0, (d) => d.forms[0].fields.splice(2, 1)); // note deleted
    const theirs = edited(base, (d) => {
      d.forms[0].fields[2].maxLength = 50;
    });
    const result = mergeDefinitions(base, ours, theirs);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({
      path: '/forms/check/fields/note',
      pointer: '/forms/0/fields/2',
      ours: undefined,
    });
    expect(result.conflicts[0]?.theirs).toMatchObject({ id: 'note', maxLength: 50 });
    const keepDeleted = mergeDefinitions(base, ours, theirs, { '/forms/check/fields/note': 'ours' });
    expect(fieldIds(keepDeleted.definition)).not.toContain('note');
    const takeEdit = mergeDefinitions(base, ours, theirs, { '/forms/check/fields/note': 'theirs' }) as Loose;
    expect(takeEdit.definition.forms[0].fields.find((f: { id: string }) => f.id === 'note').maxLength).toBe(50);
  });

  test('a field deleted on one side and untouched on the other is deleted', () => {
    const theirs = edited(base, (d) => d.forms[0].fields.splice(2, 1));
    expect(fieldIds(mergeDefinitions(base, ours0, theirs).definition)).toEqual(['line', 'qty', 'items', 'double_qty']);
  });

  test('fields reordered in ours keep our order; a field theirs adds lands after its predecessor', () => {
    const ours = edited(ours0, (d) => d.forms[0].fields.reverse());
    const theirs = edited(base, (d) =>
      d.forms[0].fields.splice(1, 0, { id: 'batch', type: 'text', label: { 'zh-CN': '批次' } }),
    );
    const result = mergeDefinitions(base, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(fieldIds(result.definition)).toEqual(['double_qty', 'items', 'note', 'qty', 'line', 'batch']);
  });

  test('fields reordered only in theirs take their order', () => {
    const theirs = edited(base, (d) => {
      const [qty] = d.forms[0].fields.splice(1, 1);
      d.forms[0].fields.push(qty);
    });
    expect(fieldIds(mergeDefinitions(base, ours0, theirs).definition)).toEqual([
      'line',
      'note',
      'items',
      'double_qty',
      'qty',
    ]);
  });

  test('a new workflow node in theirs is added inside its branch; the same node changed differently conflicts', () => {
    const theirs = edited(base, (d) =>
      d.forms[0].workflow.nodes[0].branches[0].nodes.push({
        id: 'notify',
        type: 'cc',
        recipients: { kind: 'role', role: 'shift_lead' },
      }),
    );
    const result = mergeDefinitions(base, ours0, theirs) as Loose;
    expect(result.conflicts).toEqual([]);
    expect(result.definition.forms[0].workflow.nodes[0].branches[0].nodes.map((n: { id: string }) => n.id)).toEqual([
      'lead_ok',
      'notify',
    ]);

    const ours = edited(ours0, (d) => {
      d.forms[0].workflow.nodes[0].branches[0].when = 'qty > 50';
    });
    const theirs2 = edited(base, (d) => {
      d.forms[0].workflow.nodes[0].branches[0].when = 'qty > 200';
    });
    const clash = mergeDefinitions(base, ours, theirs2);
    expect(clash.conflicts.map((c) => [c.path, c.pointer])).toEqual([
      ['/forms/check/workflow/nodes/big/branches/large/when', '/forms/0/workflow/nodes/0/branches/0/when'],
    ]);
  });

  test('options: different options added on both sides are both kept; the same option added differently conflicts', () => {
    const ours = edited(ours0, (d) => d.forms[0].fields[0].options.push({ value: 'L3', label: { 'zh-CN': '三线' } }));
    const theirs = edited(base, (d) => d.forms[0].fields[0].options.push({ value: 'L4', label: { 'zh-CN': '四线' } }));
    const result = mergeDefinitions(base, ours, theirs) as Loose;
    expect(result.conflicts).toEqual([]);
    expect(result.definition.forms[0].fields[0].options.map((o: { value: string }) => o.value)).toEqual([
      'L1',
      'L2',
      'L3',
      'L4',
    ]);

    const theirs2 = edited(base, (d) =>
      d.forms[0].fields[0].options.push({ value: 'L3', label: { 'zh-CN': '装配线' } }),
    );
    const clash = mergeDefinitions(base, ours, theirs2);
    expect(clash.conflicts.map((c) => c.path)).toEqual(['/forms/check/fields/line/options/L3/label/zh-CN']);
    const sameAdd = mergeDefinitions(base, ours, ours);
    expect(sameAdd.conflicts).toEqual([]);
  });

  test('role lists merge as sets: roles added on both sides are all kept, a role removed on one side goes', () => {
    const ours = edited(ours0, (d) => {
      d.forms[0].permissions.submit = ['operator', 'qc_engineer'];
      d.forms[0].permissions.viewAll = [];
    });
    const theirs = edited(base, (d) => {
      d.forms[0].permissions.submit = ['operator', 'shift_lead'];
    });
    const result = mergeDefinitions(base, ours, theirs) as Loose;
    expect(result.conflicts).toEqual([]);
    expect(result.definition.forms[0].permissions).toEqual({
      submit: ['operator', 'qc_engineer', 'shift_lead'],
      viewAll: [],
    });
  });

  test('a new form and a new view in theirs are added; a view removed in ours stays removed', () => {
    const ours = edited(ours0, (d) => {
      d.views = [];
    });
    const theirs = edited(base, (d) => {
      d.forms.push({ ...structuredClone(d.forms[0]), id: 'recheck' });
    });
    const result = mergeDefinitions(base, ours, theirs) as Loose;
    expect(result.conflicts).toEqual([]);
    expect(result.definition.forms.map((f: { id: string }) => f.id)).toEqual(['check', 'recheck']);
    expect(result.definition.views).toEqual([]);
  });

  test('inputs are never changed', () => {
    const snapshot = JSON.stringify([base, ours0]);
    const theirs = edited(base, (d) => d.forms[0].fields.pop());
    mergeDefinitions(base, ours0, theirs);
    expect(JSON.stringify([base, ours0])).toBe(snapshot);
  });
});
