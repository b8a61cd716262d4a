import { describe, expect, it } from 'vitest';
import type { ExprType } from './ast.ts';
import { checkExpression, type TypeEnv } from './check.ts';
import { compileExpression } from './compile.ts';

const FIELDS = new Map<string, ExprType>([
  ['qty', 'number'],
  ['price', 'number'],
  ['name', 'text'],
  ['ok', 'boolean'],
  ['due', 'date'],
  ['start', 'date'],
  ['at', 'datetime'],
  ['shift_start', 'time'],
  ['anything', 'any'],
  ['lines.qty', { list: 'number' }],
  ['lines.name', { list: 'text' }],
  ['lines.ok', { list: 'boolean' }],
  ['lines.due', { list: 'date' }],
]);
const env: TypeEnv = { resolve: (path) => FIELDS.get(path.join('.')) };

function check(source: string) {
  const c = compileExpression(source);
  if (!c.ok) throw new Error(`does not compile: ${source}`);
  return checkExpression(c.expr, env);
}

const typeOf = (source: string) => {
  const r = check(source);
  expect(r.errors, source).toEqual([]);
  return r.type;
};
const codes = (source: string) => check(source).errors.map((e) => e.code);

describe('checkExpression', () => {
  it.each<[string, ExprType]>([
    ['qty * price', 'number'],
    ['-qty + 1', 'number'],
    ['qty > 5', 'boolean'],
    ['name & qty & ok', 'text'],
    ['IF(ok, qty, 0)', 'number'],
    ['IF(ok, "a")', 'text'],
    ['IF(ok, anything, "x")', 'text'],
    ['SUM(lines.qty) / COUNT(lines.qty)', 'number'],
    ['AND(lines.ok, ok)', 'boolean'],
    ['MAX(lines.due)', 'date'],
    ['MIN(qty, lines.qty)', 'number'],
    ['due + 3', 'date'],
    ['3 + due', 'date'],
    ['due - start', 'number'],
    ['at + 1', 'datetime'],
    ['due < TODAY()', 'boolean'],
    ['at < NOW()', 'boolean'],
    ['due >= "2025-01-01"', 'boolean'],
    ['shift_start < "08:00"', 'boolean'],
    ['DATEDIF(start, due, "d")', 'number'],
    ['ROUND(qty / 3, 2)', 'number'],
    ['LEN(name) > 3', 'boolean'],
    ['CONTAINS(lines.name, name)', 'boolean'],
    ['CONTAINS(name, "x")', 'boolean'],
    ['ISBLANK(lines.qty)', 'boolean'],
    ['USER() = name', 'boolean'],
    ['lines.qty', { list: 'number' }],
    ['anything + 1', 'any'],
    ['anything = 1', 'boolean'],
  ])('%s has type %j', (source, type) => {
    expect(typeOf(source)).toEqual(type);
  });

  it.each([
    'qty + "abc"',
    'qty + name',
    'IF(ok, 1, "x")',
    'IF(qty, 1, 2)',
    'qty = name',
    'qty < "3"',
    'due < at',
    'due = qty',
    'SUM(lines.name)',
    'AVG(name)',
    'lines.qty > 1',
    'lines.qty + 1',
    'MAX(lines.due, qty)',
    'NOT(qty)',
    'AND(qty, ok)',
    'due + due',
    'qty - due',
    'DATEDIF(qty, due, "d")',
    'DATEDIF(start, due, "w")',
    'CONTAINS(lines.qty, "a")',
    'CONTAINS(qty, 1)',
    'ok < TRUE',
    'name * 2',
    'ROUND(name)',
    'LEN(lines.name)',
  ])('%s is a type error', (source) => {
    expect(codes(source)).toContain('type');
  });

  it('reports unknown fields with their offset, including prototype names', () => {
    const r = check('qty + nope + __proto__ + constructor.x');
    expect(r.errors.map((e) => [e.code, e.at])).toEqual([
      ['unknown-field', 6],
      ['unknown-field', 13],
      ['unknown-field', 25],
    ]);
    expect(r.errors[0]?.message.en).toContain('nope');
    expect(r.errors[0]?.message['zh-CN']).toContain('nope');
  });

  it('reports every error, not just the first, and does not cascade from an unknown field', () => {
    expect(codes('nope + 1 > 2')).toEqual(['unknown-field']);
    expect(codes('IF(qty, name + 1, 2)')).toEqual(['type', 'type']);
  });

  it('gives bilingual type messages naming both types', () => {
    const [e] = check('qty = name').errors;
    expect(e?.message.en).toBe('Cannot compare number with text');
    expect(e?.message['zh-CN']).toBe('不能比较数字和文本');
  });
});
