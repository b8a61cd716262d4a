import { describe, expect, it } from 'vitest';
import { TestDesigner } from '../test/TestDesigner.ts';
import { checkInScope, scopeOf } from './exprScope.ts';

describe('expression scope', () => {
  it('a column formula sees its row bare and the header; the header sees columns as lists', () => {
    const d = new TestDesigner();
    const qty = d.setLabel(d.add('number'), 'en', 'Qty');
    const lines = d.add('subtable');
    const price = d.setLabel(d.add('number', lines), 'en', 'Price');
    const header = scopeOf(d.form, qty);
    expect(header.names.map((n) => n.name)).toEqual([qty, lines, `${lines}.item`, price]);
    expect(price).toBe(`${lines}.price`);
    expect(checkInScope(`SUM(${price}) * qty`, header.env)).toEqual({ ok: true, type: 'number' });
    const row = scopeOf(d.form, price);
    expect(checkInScope('price * qty', row.env)).toEqual({ ok: true, type: 'number' });
    const bad = checkInScope('price *', row.env);
    expect(bad.ok).toBe(false);
    const unknown = checkInScope('nothing > 1', header.env);
    expect(!unknown.ok && unknown.error.code).toBe('unknown-field');
  });
});
