import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile.ts';
import { FUNCTIONS } from './functions.ts';
import { MAX_DEPTH, MAX_SOURCE_LENGTH } from './parse.ts';

function errorOf(source: string) {
  const c = compileExpression(source);
  if (c.ok) throw new Error(`compiled unexpectedly: ${source}`);
  return c.error;
}

describe('compileExpression', () => {
  it('reports the fields read (dotted, sorted, unique) and the functions used (upper case)', () => {
    const c = compileExpression('IF(sum(lines.qty) > limit, qty + qty, lines.qty = 0)');
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.expr.reads).toEqual(['limit', 'lines.qty', 'qty']);
    expect(c.expr.functions).toEqual(['IF', 'SUM']);
  });

  it('returns the same frozen result from the cache', () => {
    const a = compileExpression('qty * price');
    const b = compileExpression('qty * price');
    expect(a).toBe(b);
    expect(Object.isFrozen(a.ok && a.expr.ast)).toBe(true);
  });

  it('parses literals: numbers, double-quoted text, TRUE/FALSE in any case', () => {
    const c = compileExpression('CONCAT(1.5e2, "a\\"b", true, False)');
    expect(c.ok && c.expr.ast).toMatchObject({
      kind: 'call',
      fn: 'CONCAT',
      args: [
        { kind: 'number', value: 150 },
        { kind: 'text', value: 'a"b' },
        { kind: 'boolean', value: true },
        { kind: 'boolean', value: false },
      ],
    });
  });

  it.each([
    'a ? b : c',
    'a && b',
    'a || b',
    '!a',
    'a === b',
    'a == b',
    '[1, 2]',
    'a[0]',
    'a?.b',
    "'single'",
    'a, b',
    'a; b',
    '(a, b)',
    'a b',
    '1 +',
    '(1',
    '',
    '   ',
    'x % 2',
    'a << 1',
    '+a',
    '~a',
    'f()()',
    'SUM(1)(2)',
    '1e999',
  ])('rejects %j as a syntax error', (source) => {
    const e = errorOf(source);
    expect(e.code).toBe('syntax');
  });

  it('reads `null` and `this` as field ids, not JavaScript values', () => {
    const c = compileExpression('null + this');
    expect(c.ok && c.expr.reads).toEqual(['null', 'this']);
  });

  it('points at full-width punctuation typed with a Chinese input method, but allows it inside text', () => {
    const e = errorOf('SUM（lines.qty）');
    expect(e).toMatchObject({ code: 'syntax', at: 3 });
    expect(e.message['zh-CN']).toContain('半角');
    expect(compileExpression('remark = "（备注）"').ok).toBe(true);
    expect(compileExpression('数量 > 5').ok).toBe(true);
  });

  it('gives the offset of a syntax error', () => {
    expect(errorOf('qty + * 2').at).toBe(6);
  });

  it('rejects unknown functions and wrong argument counts with their own codes', () => {
    expect(errorOf('VLOOKUP(a, b)')).toMatchObject({ code: 'unknown-function', at: 0 });
    expect(errorOf('qty + constructor(1)')).toMatchObject({ code: 'unknown-function', at: 6 });
    expect(errorOf('IF(a)').code).toBe('arity');
    expect(errorOf('TODAY(1)').code).toBe('arity');
    expect(errorOf('ROUND(1, 2, 3)').code).toBe('arity');
    expect(errorOf('SUM()').code).toBe('arity');
    expect(errorOf('IF(a)').message['zh-CN']).toContain('IF');
  });

  it('rejects sources over the length limit', () => {
    expect(errorOf(`${'1+'.repeat(MAX_SOURCE_LENGTH / 2)}1`).code).toBe('too-long');
  });

  it('rejects deep nesting with a typed error before any recursion can overflow', () => {
    const n = MAX_DEPTH + 1;
    expect(errorOf(`${'('.repeat(n)}1${')'.repeat(n)}`).code).toBe('too-deep');
    expect(errorOf(`${'ABS('.repeat(n)}1${')'.repeat(n)}`).code).toBe('too-deep');
    expect(errorOf(`${'-'.repeat(n)}x`).code).toBe('too-deep');
    expect(errorOf(`${'- '.repeat(n)}x`).code).toBe('too-deep');
    expect(errorOf(`${'['.repeat(900)}`).code).toBe('too-deep');
    // A long flat chain is deep in the AST, too.
    expect(errorOf(Array.from({ length: 200 }, () => 'a').join(' + ')).code).toBe('too-deep');
    // 10,000 nested parentheses: a typed error, not a RangeError.
    const huge = `${'('.repeat(10_000)}1${')'.repeat(10_000)}`;
    expect(['too-long', 'too-deep']).toContain(errorOf(huge).code);
  });

  it('accepts nesting within the limit and parentheses inside text', () => {
    const n = 40;
    expect(compileExpression(`${'('.repeat(n)}1${')'.repeat(n)}`).ok).toBe(true);
    expect(compileExpression(`"${'('.repeat(500)}" & x`).ok).toBe(true);
  });

  it('never throws for non-string input from untyped callers', () => {
    expect((compileExpression as (s: unknown) => { ok: boolean })(42).ok).toBe(false);
  });
});

describe('FUNCTIONS', () => {
  it('lists every required function once, with bilingual descriptions', () => {
    const names = FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of 'IF AND OR NOT SUM AVG MIN MAX COUNT ROUND ABS TODAY NOW DATEDIF CONCAT LEN ISBLANK CONTAINS USER'.split(
      ' ',
    )) {
      expect(names).toContain(n);
    }
    for (const f of FUNCTIONS) {
      expect(f.description['zh-CN']).not.toBe('');
      expect(f.description.en).not.toBe('');
      expect(f.minArgs).toBeLessThanOrEqual(f.maxArgs);
    }
  });
});
