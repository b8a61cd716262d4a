import { describe, expect, it } from 'vitest';
import { expressionToRows, rowsToExpression } from './conditionRows.ts';

const types = (f: string) => (f === 'total' ? 'number' : 'text');

describe('condition rows', () => {
  it('writes rows as an expression: numbers bare, text quoted, joined by the chosen word', () => {
    const rows = {
      join: 'AND' as const,
      rows: [
        { field: 'total', op: '>' as const, value: '100' },
        { field: 'type', op: '=' as const, value: 'purchase' },
        { field: '', op: '=' as const, value: '' },
      ],
    };
    expect(rowsToExpression(rows, types)).toBe('total > 100 AND type = "purchase"');
  });

  it('reads back what it wrote, and refuses what rows cannot say', () => {
    expect(expressionToRows('total > 100 OR type = "a b"')).toEqual({
      join: 'OR',
      rows: [
        { field: 'total', op: '>', value: '100' },
        { field: 'type', op: '=', value: 'a b' },
      ],
    });
    expect(expressionToRows('total > 1 AND a = 1 OR b = 2')).toBeUndefined();
    expect(expressionToRows('SUM(lines.qty) > 3')).toBeUndefined();
  });
});
