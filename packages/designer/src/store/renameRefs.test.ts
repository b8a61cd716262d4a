import { type AppDefinition, validateDefinition } from '@gongfang/schema';
import { describe, expect, it } from 'vitest';
import inventory from '../../../../examples/inventory/app.json';
import { TestDesigner } from '../test/TestDesigner.ts';
import { renameInExpression } from './renameRefs.ts';

const rename =
  (from: string[], to: string[]) =>
  (path: readonly string[]): readonly string[] | undefined =>
    path.length === from.length && path.every((s, i) => s === from[i]) ? to : undefined;

describe('renameInExpression', () => {
  it('rewrites field references only, by their positions from the parser', () => {
    expect(renameInExpression('qty * unit_price', rename(['qty'], ['quantity']))).toBe('quantity * unit_price');
    // Text that spells the id, a longer id that starts with it, and function names stay.
    expect(renameInExpression('IF(qty_total > qty, CONCAT("qty ", qty), "qty")', rename(['qty'], ['n']))).toBe(
      'IF(qty_total > n, CONCAT("qty ", n), "qty")',
    );
    expect(renameInExpression('SUM(lines . qty) + SUM(lines.qty)', rename(['lines', 'qty'], ['lines', 'n']))).toBe(
      'SUM(lines . n) + SUM(lines.n)',
    );
    expect(renameInExpression('-sum2', rename(['sum2'], ['total']))).toBe('-total');
  });

  it('leaves an expression that does not parse as it is', () => {
    expect(renameInExpression('qty * (', rename(['qty'], ['n']))).toBe('qty * (');
  });
});

function stockOut(): TestDesigner {
  const d = new TestDesigner({ definition: inventory as unknown as AppDefinition, lang: 'en' });
  d.setUi({ formIndex: d.doc.forms.findIndex((f) => f.id === 'stock_out') });
  return d;
}
const form = (d: TestDesigner) => d.doc.forms.find((f) => f.id === 'stock_out')!;
/** The parts of list, aggregate and chart views these tests read. */
interface SomeView {
  source: { where: string };
  columns: string[];
  userFilters: string[];
  groupBy: { key: string }[];
  measures: { of: string }[];
  series: string;
}
const view = (d: TestDesigner, id: string) => d.doc.views!.find((v) => v.id === id) as unknown as SomeView;

describe('renaming a field id', () => {
  it('rewrites views, list columns, group keys and charts; the definition stays valid; one undo step', () => {
    const d = stockOut();
    const before = d.snapshot();
    expect(validateDefinition(before).errors).toEqual([]);

    expect(d.setId('out_type', 'issue_kind')).toBeUndefined();
    expect(view(d, 'issues_by_line').source.where).toBe('issue_kind = "production"');
    expect(view(d, 'stock_out_list').columns).toContain('issue_kind');
    expect(view(d, 'stock_out_list').userFilters).toContain('issue_kind');
    expect(view(d, 'stock_out_list').columns).not.toContain('out_type');
    // The other form's field of the same id is not this one.
    expect(view(d, 'stock_in_list').columns).toContain('in_type');

    expect(d.setId('to_line', 'line')).toBeUndefined();
    expect(view(d, 'issues_by_line').groupBy.map((g) => g.key)).toEqual(['line', 'item_code']);
    expect(view(d, 'issues_chart').series).toBe('line');

    expect(validateDefinition(d.doc).errors).toEqual([]);
    expect(d.undo()).toBe(true);
    expect(d.undo()).toBe(true);
    expect(d.doc).toEqual(before);
    d.redo();
    expect(view(d, 'issues_by_line').source.where).toBe('issue_kind = "production"');
  });

  it('a sub-table column: formulas over the column list, postings and measures over its rows', () => {
    const d = stockOut();
    const before = d.snapshot();
    expect(d.setId('lines.qty', 'quantity')).toBeUndefined();
    const f = form(d);
    const total = f.fields.find((x) => x.id === 'total_qty') as { expression: string };
    expect(total.expression).toBe('SUM(lines.quantity)');
    // Measure names (the ledger's) stay; the expressions over the row change.
    expect(f.postings![0]!.measures).toEqual({ qty: '-quantity', out_qty: 'quantity' });
    expect(f.postings![0]!.keys).toEqual({ item: 'item_code', location: 'location' });
    const issued = view(d, 'issues_by_line').measures[0];
    expect(issued?.of).toBe('quantity');
    expect(validateDefinition(d.doc).errors).toEqual([]);
    expect(d.undo()).toBe(true);
    expect(d.doc).toEqual(before);
  });

  it('a workflow condition and a header formula follow a renamed formula field', () => {
    const d = stockOut();
    const whenOf = () => JSON.stringify(form(d).workflow).match(/"when":"([^"]*)"/)?.[1];
    expect(whenOf()).toBe('total_qty > 500');
    expect(d.setId('total_qty', 'qty_sum')).toBeUndefined();
    expect(whenOf()).toBe('qty_sum > 500');
    expect(view(d, 'stock_out_list').columns).toContain('qty_sum');
    expect(validateDefinition(d.doc).errors).toEqual([]);
  });

  it('an approver taken from a member field follows the field', () => {
    const d = stockOut();
    const assignee = () => JSON.stringify(form(d).workflow).match(/"assignee":\{"kind":"field","field":"([^"]*)"/)?.[1];
    expect(assignee()).toBe('keeper');
    expect(d.setId('keeper', 'issuing_keeper')).toBeUndefined();
    expect(assignee()).toBe('issuing_keeper');
    expect(validateDefinition(d.doc).errors).toEqual([]);
  });

  it('a field whose id follows its label takes its references along as the label is typed', () => {
    const d = new TestDesigner({ lang: 'en' });
    const qty = d.add('number');
    const amount = d.add('formula');
    d.setProp(amount, 'expression', `${qty} * 2`);
    d.setProp(qty, 'visibleWhen', `${qty} > 0`);
    const key = d.setLabel(qty, 'en', 'Count');
    expect(key).toBe('count');
    expect(d.get<{ expression: string }>(amount).expression).toBe('count * 2');
    expect(d.get<{ visibleWhen: string }>('count').visibleWhen).toBe('count > 0');
  });
});
