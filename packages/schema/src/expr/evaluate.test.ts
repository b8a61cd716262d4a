import { describe, expect, it } from 'vitest';
import type { Value } from './ast.ts';
import { compileExpression } from './compile.ts';
import { type EvalContext, evaluateExpression, isTruthy } from './evaluate.ts';

const FIXED_NOW = new Date('2025-03-10T23:30:00Z');

function run(source: string, fields: Record<string, unknown> = {}, extra: Partial<EvalContext> = {}) {
  const c = compileExpression(source);
  if (!c.ok) throw new Error(`does not compile: ${source}: ${c.error.message.en}`);
  return evaluateExpression(c.expr, {
    get: (path) => {
      const key = path.join('.');
      return (Object.hasOwn(fields, key) ? fields[key] : undefined) as Value | undefined;
    },
    now: () => FIXED_NOW,
    ...extra,
  });
}

function value(source: string, fields?: Record<string, unknown>, extra?: Partial<EvalContext>): Value {
  const r = run(source, fields, extra);
  if (!r.ok) throw new Error(`fails: ${source}: ${r.error.message.en}`);
  return r.value;
}

function errorCode(source: string, fields?: Record<string, unknown>, extra?: Partial<EvalContext>): string {
  const r = run(source, fields, extra);
  return r.ok ? `ok:${JSON.stringify(r.value)}` : r.error.code;
}

describe('operators', () => {
  it('computes arithmetic with Excel precedence, left-associative ^ and unary minus binding tightest', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('2 ^ 3 ^ 2')).toBe(64);
    expect(value('-2 ^ 2')).toBe(4);
    expect(value('10 / 4 - 1')).toBe(1.5);
    expect(value('-qty', { qty: 3 })).toBe(-3);
    expect(value('- -qty', { qty: 3 })).toBe(3);
  });

  it('compares numbers, texts, booleans and dates; != is <>', () => {
    expect(value('qty > 5', { qty: 7 })).toBe(true);
    expect(value('qty <= 5', { qty: 7 })).toBe(false);
    expect(value('qty = 7', { qty: 7 })).toBe(true);
    expect(value('qty <> 7', { qty: 7 })).toBe(false);
    expect(value('qty != 7', { qty: 7 })).toBe(false);
    expect(value('result = "NG"', { result: 'NG' })).toBe(true);
    expect(value('"a" < "b"')).toBe(true);
    expect(value('TRUE = FALSE')).toBe(false);
    expect(value('due < "2025-01-01"', { due: '2024-12-31' })).toBe(true);
    expect(value('a < b', { a: '2025-01-01T10:00:00+08:00', b: '2025-01-01T03:00:00Z' })).toBe(true);
    expect(value('a = b', { a: '08:30', b: '08:30:00' })).toBe(true);
  });

  it('joins anything with &, blank as empty text and numbers without binary noise', () => {
    expect(value('"No." & n & "-" & x & TRUE', { n: 12 })).toBe('No.12-TRUE');
    expect(value('0.1 + 0.2 & ""')).toBe('0.3');
  });

  it('shifts dates by days and subtracts dates to days', () => {
    expect(value('d + 3', { d: '2024-02-27' })).toBe('2024-03-01');
    expect(value('d - 1', { d: '2024-03-01' })).toBe('2024-02-29');
    expect(value('1 + d', { d: '2024-12-31' })).toBe('2025-01-01');
    expect(value('b - a', { a: '2024-12-25', b: '2025-01-01' })).toBe(7);
    expect(value('t + 0.5', { t: '2025-01-01T00:00:00Z' })).toBe('2025-01-01T12:00:00.000Z');
  });

  it('gives blank for arithmetic and comparison with a blank', () => {
    expect(value('qty * 2')).toBe(null);
    expect(value('qty > 2')).toBe(null);
    expect(value('-qty')).toBe(null);
    expect(value('qty + 1', { qty: '' })).toBe(null);
    expect(value('qty + 1', { qty: Number.NaN })).toBe(null);
  });

  it('reports division by zero and overflow as typed runtime errors, never Infinity or NaN', () => {
    expect(run('1 / 0')).toMatchObject({ ok: false, error: { code: 'runtime', at: 0 } });
    expect(run('qty / 0', { qty: 0 })).toMatchObject({
      error: { message: { en: 'Division by zero', 'zh-CN': '除数为零' } },
    });
    expect(errorCode('qty / z', { qty: 0, z: 0 })).toBe('runtime');
    expect(errorCode('10 ^ 400')).toBe('runtime');
    expect(errorCode('(-8) ^ 0.5')).toBe('runtime');
  });

  it('reports values of the wrong type as type errors at run time', () => {
    expect(errorCode('qty + "abc"', { qty: 1 })).toBe('type');
    expect(errorCode('a < 1', { a: 'x' })).toBe('type');
    expect(errorCode('lines.qty > 1', { 'lines.qty': [1, 2] })).toBe('type');
    expect(value('a = 1', { a: 'x' })).toBe(false);
  });
});

describe('functions', () => {
  it('IF picks a branch, treats blank or non-boolean conditions as FALSE and evaluates only that branch', () => {
    expect(value('IF(qty > 5, "big", "small")', { qty: 9 })).toBe('big');
    expect(value('IF(qty > 5, "big", "small")')).toBe('small');
    expect(value('IF(flag, 1, 2)', { flag: 1 })).toBe(2);
    expect(value('IF(FALSE, 1)')).toBe(null);
    expect(value('IF(TRUE, 1, 1 / 0)')).toBe(1);
    expect(value('if(true, 1, 2)')).toBe(1);
  });

  it('AND/OR/NOT follow the blank-is-FALSE rule and accept sub-table columns', () => {
    expect(value('AND(TRUE, a)', { a: true })).toBe(true);
    expect(value('AND(TRUE, a)')).toBe(false);
    expect(value('OR(FALSE, a)')).toBe(false);
    expect(value('OR(FALSE, TRUE)')).toBe(true);
    expect(value('NOT(a)')).toBe(true);
    expect(value('NOT(TRUE)')).toBe(false);
    expect(value('AND(lines.ok)', { 'lines.ok': [true, true] })).toBe(true);
    expect(value('AND(lines.ok)', { 'lines.ok': [true, null] })).toBe(false);
    expect(value('OR(lines.ok)', { 'lines.ok': [false, true] })).toBe(true);
    expect(value('AND(FALSE, 1 / 0)')).toBe(false);
  });

  it('SUM/AVG/MIN/MAX/COUNT skip blanks in scalars and columns', () => {
    const f = { 'lines.qty': [1, null, 4, '', 5], extra: 10 };
    expect(value('SUM(lines.qty)', f)).toBe(10);
    expect(value('SUM(lines.qty, extra, 1)', f)).toBe(21);
    expect(value('AVG(lines.qty)', f)).toBeCloseTo(10 / 3);
    expect(value('MIN(lines.qty)', f)).toBe(1);
    expect(value('MAX(lines.qty, extra)', f)).toBe(10);
    expect(value('COUNT(lines.qty)', f)).toBe(3);
    expect(value('SUM(lines.qty)', { 'lines.qty': [] })).toBe(0);
    expect(value('AVG(lines.qty)', { 'lines.qty': [] })).toBe(null);
    expect(value('MAX(lines.qty)')).toBe(null);
    expect(value('MIN(lines.d)', { 'lines.d': ['2025-02-01', '2025-01-15'] })).toBe('2025-01-15');
  });

  it('COUNT counts sub-table rows handed over as objects, and skips blank elements', () => {
    expect(value('COUNT(lines)', { lines: [{ qty: 1 }, { qty: 2 }, null, ''] })).toBe(2);
  });

  it('SUM over texts is a type error at run time', () => {
    expect(errorCode('SUM(lines.name)', { 'lines.name': ['a', 'b'] })).toBe('type');
    expect(errorCode('MAX(lines.v)', { 'lines.v': [1, '2025-01-01'] })).toBe('type');
  });

  it('ROUND rounds half away from zero without binary noise; ABS', () => {
    expect(value('ROUND(1.005, 2)')).toBe(1.01);
    expect(value('ROUND(2.5)')).toBe(3);
    expect(value('ROUND(-2.5)')).toBe(-3);
    expect(value('ROUND(1250, -2)')).toBe(1300);
    expect(value('ROUND(x, 1)')).toBe(null);
    expect(value('ABS(-3)')).toBe(3);
  });

  it('TODAY and NOW read the clock; TODAY honours the time zone', () => {
    expect(value('NOW()')).toBe('2025-03-10T23:30:00.000Z');
    expect(value('TODAY()', {}, { timeZone: 'Asia/Shanghai' })).toBe('2025-03-11');
    expect(value('TODAY()', {}, { timeZone: 'UTC' })).toBe('2025-03-10');
    expect(errorCode('TODAY()', {}, { timeZone: 'Not/AZone' })).toBe('runtime');
    expect(value('TODAY() - 1 < TODAY()')).toBe(true);
  });

  it('DATEDIF counts whole days, months and years, negative when reversed', () => {
    expect(value('DATEDIF("2024-01-31", "2024-03-01", "d")')).toBe(30);
    expect(value('DATEDIF("2024-01-31", "2024-03-01", "m")')).toBe(1);
    expect(value('DATEDIF("2020-02-29", "2025-02-28", "y")')).toBe(4);
    expect(value('DATEDIF("2025-03-01", "2025-01-01", "M")')).toBe(-2);
    expect(value('DATEDIF(a, "2025-01-01", "d")')).toBe(null);
    expect(errorCode('DATEDIF("2025-01-01", "2025-01-02", u)', { u: 'w' })).toBe('runtime');
    expect(errorCode('DATEDIF(a, "2025-01-02", "d")', { a: 'soon' })).toBe('type');
  });

  it('CONCAT, LEN, ISBLANK, CONTAINS, USER', () => {
    expect(value('CONCAT(doc, " ", supplier, n)', { doc: 'IN-1', n: 2 })).toBe('IN-1 2');
    expect(value('CONCAT(lines.item)', { 'lines.item': ['a', null, 'b'] })).toBe('ab');
    expect(value('LEN("工坊😀")')).toBe(3);
    expect(value('LEN(x)')).toBe(0);
    expect(value('ISBLANK(x)')).toBe(true);
    expect(value('ISBLANK(x)', { x: '' })).toBe(true);
    expect(value('ISBLANK(x)', { x: 0 })).toBe(false);
    expect(value('ISBLANK(lines.qty)', { 'lines.qty': [] })).toBe(true);
    expect(value('CONTAINS(lines.item, "b")', { 'lines.item': ['a', 'b'] })).toBe(true);
    expect(value('CONTAINS(lines.item, "c")', { 'lines.item': ['a', 'b'] })).toBe(false);
    expect(value('CONTAINS(note, "leak")', { note: 'oil leak at pump' })).toBe(true);
    expect(value('CONTAINS(note, "leak")')).toBe(false);
    expect(value('USER()', {}, { user: '张三' })).toBe('张三');
    expect(value('USER()')).toBe(null);
  });
});

describe('safety', () => {
  it('reads prototype-named fields only through get, as blank when missing', () => {
    expect(value('ISBLANK(__proto__)')).toBe(true);
    expect(value('ISBLANK(constructor)')).toBe(true);
    expect(value('toString & ""')).toBe('');
    expect(value('CONCAT(x)', { x: { toString: () => 'pwned' } })).toBe('');
  });

  it('treats values that are not Values (objects, functions) as blank and returns clean lists', () => {
    expect(value('x', { x: { a: 1 } })).toBe(null);
    expect(value('x', { x: () => 1 })).toBe(null);
    expect(value('lines.qty', { 'lines.qty': [1, undefined, { a: 1 }, Number.POSITIVE_INFINITY, 'x'] })).toEqual([
      1,
      null,
      null,
      null,
      'x',
    ]);
  });

  it('stops past the step budget with a budget error', () => {
    const big = Array.from({ length: 2000 }, (_, i) => i);
    expect(value('SUM(lines.qty) + AVG(lines.qty) + MAX(lines.qty) + COUNT(lines.qty)', { 'lines.qty': big })).toBe(
      1999000 + 999.5 + 1999 + 2000,
    );
    const many = `SUM(${Array.from({ length: 60 }, () => 'lines.qty').join(', ')})`;
    expect(errorCode(many, { 'lines.qty': big })).toBe('budget');
    expect(errorCode('1 + 1 + 1 + 1', {}, { budget: 3 })).toBe('budget');
  });

  it('turns an exception thrown by the caller’s get into a runtime error', () => {
    expect(
      errorCode(
        'qty',
        {},
        {
          get: () => {
            throw new Error('boom');
          },
        },
      ),
    ).toBe('runtime');
  });

  it('allows a caller’s get to evaluate other expressions (formulas reading formulas)', () => {
    const inner = compileExpression('qty * 2');
    const outer = compileExpression('double + 1');
    if (!inner.ok || !outer.ok) throw new Error('does not compile');
    const r = evaluateExpression(outer.expr, {
      get: (path) => {
        if (path[0] !== 'double') return path[0] === 'qty' ? 5 : undefined;
        const v = evaluateExpression(inner.expr, { get: () => 5 });
        return v.ok ? v.value : null;
      },
      budget: 3,
    });
    expect(r).toEqual({ ok: true, value: 11 });
  });

  it('isTruthy is TRUE only for boolean true', () => {
    expect([true, false, null, 1, 'TRUE', [true]].map((v) => isTruthy(v as Value))).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
