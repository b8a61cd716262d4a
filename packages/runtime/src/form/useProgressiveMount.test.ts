import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_FIELDS, fieldsWithin, initialBudget, SHORT_FORM_FIELDS } from './useProgressiveMount.ts';

const text = (n: number) => Array.from({ length: n }, () => ({ type: 'text' }));

describe('first screen of a long form', () => {
  it('mounts a short form whole, a long one by its first screen', () => {
    expect(initialBudget(SHORT_FORM_FIELDS)).toBe(Number.POSITIVE_INFINITY);
    expect(initialBudget(SHORT_FORM_FIELDS + 1)).toBe(FIRST_SCREEN_FIELDS);
  });

  it('cuts a group at the budget, counting a sub-table as half a screen', () => {
    expect(fieldsWithin(text(25), 16)).toHaveLength(16);
    expect(fieldsWithin(text(25), Number.POSITIVE_INFINITY)).toHaveLength(25);
    const withTable = [{ type: 'text' }, { type: 'subtable' }, ...text(10)];
    expect(fieldsWithin(withTable, FIRST_SCREEN_FIELDS / 2)).toHaveLength(2);
  });

  it('always mounts at least one field of a group it reaches', () => {
    expect(fieldsWithin([{ type: 'subtable' }, ...text(3)], 1)).toHaveLength(1);
    expect(fieldsWithin([], 5)).toHaveLength(0);
  });
});
