import { describe, expect, it } from 'vitest';
import type { Form } from '../generated/types.ts';
import { createFormEngine } from './engine.ts';

const L = (en: string) => ({ 'zh-CN': en, en });

const form: Form = {
  id: 'stock_in',
  name: L('Stock in'),
  permissions: { submit: ['operator'] },
  fields: [
    {
      id: 'in_type',
      type: 'radio',
      label: L('Type'),
      default: 'purchase',
      options: [
        { value: 'purchase', label: L('Purchase') },
        { value: 'return', label: L('Return') },
      ],
    },
    { id: 'reason', type: 'text', label: L('Reason'), visibleWhen: 'in_type = "return"', required: true },
    { id: 'in_date', type: 'date', label: L('Date'), default: { expr: 'TODAY()' } },
    { id: 'discount', type: 'number', label: L('Discount'), default: 1 },
    {
      id: 'lines',
      type: 'subtable',
      label: L('Lines'),
      fields: [
        { id: 'item', type: 'barcode', label: L('Item'), required: true },
        { id: 'qty', type: 'number', label: L('Qty') },
        { id: 'price', type: 'number', label: L('Price'), requiredWhen: 'qty > 100' },
        { id: 'scrap', type: 'number', label: L('Scrap'), default: 0 },
        { id: 'checked_on', type: 'date', label: L('Checked on'), default: { expr: 'TODAY()' } },
        { id: 'amount', type: 'formula', label: L('Amount'), expression: 'qty * price * discount' },
      ],
    },
    { id: 'total', type: 'formula', label: L('Total'), expression: 'SUM(lines.amount)' },
    { id: 'big', type: 'formula', label: L('Big'), expression: 'total > 1000', resultType: 'boolean' },
    {
      id: 'approval',
      type: 'section',
      label: L('Approval'),
      visibleWhen: 'big',
      fields: [{ id: 'approver_note', type: 'textarea', label: L('Note') }],
    },
  ],
};

const now = () => new Date('2026-11-23T08:00:00Z');
const newEngine = (data?: Record<string, unknown>) => {
  let n = 0;
  return createFormEngine(form, {
    now,
    timeZone: 'Asia/Shanghai',
    newRowId: () => `r${n++}`,
    ...(data ? { data } : {}),
  });
};

describe('createFormEngine', () => {
  it('applies literal and expression defaults to a new record', () => {
    const e = newEngine();
    expect(e.field('in_type')?.value).toBe('purchase');
    expect(e.field('in_date')?.value).toBe('2026-11-23');
    expect(e.field('discount')?.value).toBe(1);
  });

  it('does not apply defaults to an existing record', () => {
    const e = newEngine({ in_type: 'return', reason: 'damaged' });
    expect(e.field('in_date')?.value).toBeUndefined();
    expect(e.field('reason')).toMatchObject({ visible: true, required: true, value: 'damaged' });
  });

  it('computes row formulas and header formulas over sub-table columns', () => {
    const e = newEngine();
    const a = e.addRow('lines', { item: 'ITM-1', qty: 2, price: 10 });
    e.addRow('lines', { item: 'ITM-2', qty: 3, price: 5 });
    expect(e.rows('lines').map((r) => r.values.amount)).toEqual([20, 15]);
    expect(e.field('total')?.value).toBe(35);
    e.setCell('lines', a, 'qty', 100);
    expect(e.field('total')?.value).toBe(1015);
    expect(e.field('big')?.value).toBe(true);
  });

  it('recomputes rows when a header field their formulas read changes', () => {
    const e = newEngine();
    e.addRow('lines', { item: 'A', qty: 2, price: 10 });
    e.set('discount', 0.5);
    expect(e.rows('lines')[0]?.values.amount).toBe(10);
    expect(e.field('total')?.value).toBe(10);
  });

  it('notifies only the fields whose state changed', () => {
    const e = newEngine();
    const row = e.addRow('lines', { item: 'A', qty: 1, price: 1 });
    e.addRow('lines', { item: 'B', qty: 1, price: 1 });
    const seen: string[] = [];
    for (const key of [
      'in_type',
      'reason',
      'in_date',
      'discount',
      'lines',
      'total',
      'big',
      'approval',
      'approver_note',
      `lines#${row}`,
      'lines#r1',
      '*',
    ]) {
      e.subscribe(key, () => seen.push(key));
    }
    e.setCell('lines', row, 'qty', 2);
    expect(seen.sort()).toEqual(['*', 'lines', `lines#${row}`, 'total'].sort());
    seen.length = 0;
    e.set('in_type', 'return');
    expect(seen.sort()).toEqual(['*', 'in_type', 'reason'].sort());
    seen.length = 0;
    e.set('in_type', 'return');
    expect(seen).toEqual([]);
  });

  it('keeps the state objects of rows that did not change (typing in one row recomputes that row)', () => {
    const e = newEngine();
    const a = e.addRow('lines', { item: 'A', qty: 1, price: 1 });
    e.addRow('lines', { item: 'B', qty: 1, price: 1 });
    const [, before] = e.rows('lines');
    e.setCell('lines', a, 'qty', 5);
    expect(e.rows('lines')[1]).toBe(before);
    expect(e.rows('lines')[0]?.values.amount).toBe(5);
  });

  it('evaluates column rules in the row scope', () => {
    const e = newEngine();
    const r = e.addRow('lines', { item: 'A', qty: 150 });
    expect(e.rows('lines')[0]?.required.price).toBe(true);
    e.setCell('lines', r, 'qty', 5);
    expect(e.rows('lines')[0]?.required.price).toBe(false);
    expect(e.rows('lines')[0]?.required.item).toBe(true);
  });

  it('hides the fields of a hidden section and leaves hidden values out of the record', () => {
    const e = newEngine();
    e.set('approver_note', 'check twice');
    expect(e.field('approver_note')?.visible).toBe(false);
    expect(e.data()).not.toHaveProperty('approver_note');
    e.addRow('lines', { item: 'A', qty: 200, price: 10 });
    expect(e.field('approval')?.visible).toBe(true);
    expect(e.field('approver_note')?.visible).toBe(true);
    expect(e.data()).toMatchObject({ approver_note: 'check twice', total: 2000, big: true });
  });

  it('keeps what the user typed in a field while it is hidden, and stores it again once shown', () => {
    const e = newEngine();
    e.set('in_type', 'return');
    e.set('reason', 'wrong item');
    e.set('in_type', 'purchase');
    expect(e.data()).not.toHaveProperty('reason');
    e.set('in_type', 'return');
    expect(e.data()).toHaveProperty('reason', 'wrong item');
  });

  it('adds, moves and removes rows with stable ids, and never lets a formula be typed over', () => {
    const e = newEngine();
    const a = e.addRow('lines', { item: 'A', qty: 1, price: 1 });
    const b = e.addRow('lines', { item: 'B', qty: 2, price: 1 });
    e.moveRow('lines', 1, 0);
    expect(e.rows('lines').map((r) => r.id)).toEqual([b, a]);
    e.setCell('lines', a, 'amount', 999);
    e.set('total', 999);
    expect(e.field('total')?.value).toBe(3);
    e.removeRow('lines', b);
    expect(e.data().lines).toEqual([
      { _id: a, item: 'A', qty: 1, price: 1, amount: 1, scrap: 0, checked_on: '2026-11-23' },
    ]);
  });

  it("starts a new row from its columns' defaults, literal and computed, unless the caller gives a value", () => {
    const e = newEngine();
    e.addRow('lines', { item: 'A', scrap: 2 });
    e.addRow('lines', { item: 'B' });
    expect(e.rows('lines').map((r) => [r.values.scrap, r.values.checked_on])).toEqual([
      [2, '2026-11-23'],
      [0, '2026-11-23'],
    ]);
  });

  it('gives every stored row an id', () => {
    const e = newEngine({ lines: [{ item: 'A', qty: 1 }] });
    expect(e.rows('lines')[0]?.id).toBe('r0');
  });

  it('terminates on a formula cycle (refused by validateDefinition, but a draft may have one)', () => {
    const cyclic: Form = {
      ...form,
      fields: [
        { id: 'a', type: 'formula', label: L('A'), expression: 'b + 1' },
        { id: 'b', type: 'formula', label: L('B'), expression: 'a + 1' },
      ],
    };
    const e = createFormEngine(cyclic);
    expect(e.field('a')).toBeDefined();
    expect(e.field('b')).toBeDefined();
  });
});
