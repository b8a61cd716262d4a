import { describe, expect, it } from 'vitest';
import { TestDesigner } from '../test/TestDesigner.ts';
import { emptyApp } from './emptyApp.ts';
import { formatOptions, parseOptions } from './properties.ts';

describe('field properties', () => {
  it('derives the id from the English label until the id is edited by hand', () => {
    const d = new TestDesigner();
    let key = d.add('number');
    key = d.setLabel(key, 'en', 'Planned qty');
    expect(key).toBe('planned_qty');
    key = d.setLabel(key, 'zh-CN', '计划数量');
    expect(key).toBe('planned_qty');
    expect(d.setId(key, 'plan')).toBeUndefined();
    expect(d.setLabel('plan', 'en', 'Planned quantity')).toBe('plan');
  });

  it('refuses bad and taken ids with a message in both languages', () => {
    const d = new TestDesigner();
    const a = d.add('text');
    const b = d.add('text');
    expect(d.setId(a, 'Bad id')?.en).toMatch(/lower-case/);
    expect(d.setId(a, b)?.['zh-CN']).toMatch(/已被/);
  });

  it('locks ids of fields that are in the published version', () => {
    const published = emptyApp();
    published.forms[0]!.fields = [{ id: 'qty', type: 'number', label: { en: 'Qty' } }];
    const d = new TestDesigner({ definition: published, published });
    expect(d.isLocked('qty')).toBe(true);
    expect(d.setId('qty', 'quantity')?.en).toMatch(/locked/);
    expect(d.setLabel('qty', 'en', 'Quantity')).toBe('qty');
    const fresh = d.add('text');
    expect(d.isLocked(fresh)).toBe(false);
  });

  it('renaming a column keeps the sub-table totals and scan settings pointing at it', () => {
    const d = new TestDesigner();
    const lines = d.add('subtable');
    d.setProp(lines, 'totals', ['item']);
    d.setProp(lines, 'scan', { field: 'item' });
    d.setId(`${lines}.item`, 'code');
    expect(d.get(lines)).toMatchObject({ totals: ['code'], scan: { field: 'code' } });
  });

  it('reads options pasted from a spreadsheet column: one per line, optional value<TAB>label', () => {
    expect(parseOptions('合格\n不合格\n\n合格')).toEqual([
      { value: '合格', label: { 'zh-CN': '合格' } },
      { value: '不合格', label: { 'zh-CN': '不合格' } },
    ]);
    expect(parseOptions('OK\tOK\nNG\t不合格\tNot good\r\n')).toEqual([
      { value: 'OK', label: { 'zh-CN': 'OK', en: 'OK' } },
      { value: 'NG', label: { 'zh-CN': '不合格', en: 'Not good' } },
    ]);
    const options = parseOptions('A\t甲\tFirst');
    expect(parseOptions(formatOptions(options))).toEqual(options);
  });

  it('sets and clears typed properties; clearing a localized text removes it', () => {
    const d = new TestDesigner();
    const key = d.add('number');
    d.setProp(key, 'precision', 2);
    d.setText(key, 'unit', 'zh-CN', '件');
    d.setProp(key, 'visibleWhen', 'TRUE');
    expect(d.get(key)).toMatchObject({ precision: 2, unit: { 'zh-CN': '件' }, visibleWhen: 'TRUE' });
    d.setText(key, 'unit', 'zh-CN', '');
    d.setProp(key, 'visibleWhen', '');
    expect(d.get(key)).not.toHaveProperty('unit');
    expect(d.get(key)).not.toHaveProperty('visibleWhen');
  });
});
