import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExprType, Value } from './ast.ts';
import { checkExpression } from './check.ts';
import { compileExpression } from './compile.ts';
import { evaluateExpression } from './evaluate.ts';
import { FUNCTIONS } from './functions.ts';

const CODES = [
  'syntax',
  'too-long',
  'too-deep',
  'unknown-field',
  'unknown-function',
  'arity',
  'type',
  'budget',
  'runtime',
];

function isTypedError(e: unknown): boolean {
  const x = e as { code?: unknown; message?: { 'zh-CN'?: unknown; en?: unknown } };
  return (
    CODES.includes(x.code as string) &&
    typeof x.message?.['zh-CN'] === 'string' &&
    x.message['zh-CN'] !== '' &&
    typeof x.message.en === 'string' &&
    x.message.en !== ''
  );
}

/** A Value as promised: finite numbers only, no objects, nested lists of Values. */
function isCleanValue(v: unknown, depth = 0): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  return Array.isArray(v) && depth < 8 && v.every((e) => isCleanValue(e, depth + 1));
}

const FIELD_TYPES = new Map<string, ExprType>([
  ['qty', 'number'],
  ['price', 'number'],
  ['name', 'text'],
  ['ok', 'boolean'],
  ['due', 'date'],
  ['at', 'datetime'],
  ['lines.qty', { list: 'number' }],
  ['lines.name', { list: 'text' }],
  ['lines.ok', { list: 'boolean' }],
]);
const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

const leaf = fc.oneof(
  fc.constantFrom(...FIELD_TYPES.keys(), ...PROTO_NAMES, 'lines.__proto__', 'constructor.prototype'),
  fc.integer({ min: -5, max: 1000 }).map(String),
  fc.constantFrom('0', '0.5', '1e3', '"a"', '"NG"', '""', '"2025-01-01"', '"08:30"', 'TRUE', 'false', '"d"'),
);

/** Expressions drawn from the grammar, so most of them compile and exercise the interpreter. */
const { expr: grammarExpr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 6, depthSize: 'small' },
    leaf,
    fc
      .tuple(
        tie('expr'),
        fc.constantFrom('+', '-', '*', '/', '^', '&', '=', '<>', '!=', '<', '<=', '>', '>='),
        tie('expr'),
      )
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    fc
      .tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('expr'), { maxLength: 3 }))
      .map(([f, args]) => `${f.name}(${args.join(', ')})`),
    tie('expr').map((e) => `-${e}`),
    tie('expr').map((e) => `(${e})`),
  ),
}));

/** Arbitrary field values, hostile ones included: prototype keys, objects, NaN, huge lists. */
const anyValue = fc.oneof(
  fc.anything({ withNullPrototype: true, withBoxedValues: true, maxDepth: 2 }),
  fc.double(),
  fc.constantFrom('2025-01-01', '2025-02-30', '2025-01-01T08:00:00Z', '08:30', '', 'x'),
  fc.array(fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null)), { maxLength: 50 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}')),
);
const fieldValues = fc.dictionary(
  fc.constantFrom(...FIELD_TYPES.keys(), ...PROTO_NAMES, 'lines.__proto__', 'constructor.prototype'),
  anyValue,
);

const protoSnapshot = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

describe('properties', () => {
  it('compileExpression returns ok or a typed error for any string, and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), grammarExpr),
        (s) => {
          const c = compileExpression(s);
          if (c.ok) expect(c.expr.source).toBe(s);
          else expect(isTypedError(c.error)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('random sequences of grammar tokens give ok or a typed error', () => {
    const token = fc.constantFrom(
      '(',
      ')',
      ',',
      '-',
      '+',
      '*',
      '^',
      '&',
      '=',
      '<',
      '>',
      '!',
      '?',
      ':',
      '[',
      ']',
      '"x"',
      "'",
      '.',
      'a',
      'SUM',
      'IF',
      '1',
      '1e',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (ts) => {
        const c = compileExpression(ts.join(''));
        if (!c.ok) expect(isTypedError(c.error)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('evaluation of any compiled expression over any values gives a clean value or a typed error, reads only declared fields and never touches prototypes', () => {
    const before = protoSnapshot();
    fc.assert(
      fc.property(grammarExpr, fieldValues, fc.option(fc.integer({ min: 1, max: 200_000 })), (s, values, budget) => {
        const c = compileExpression(s);
        if (!c.ok) return;
        const asked: string[] = [];
        const started = Date.now();
        const r = evaluateExpression(c.expr, {
          get: (path) => {
            const key = path.join('.');
            asked.push(key);
            return (Object.hasOwn(values, key) ? values[key] : undefined) as Value | undefined;
          },
          now: () => new Date('2025-03-10T08:00:00Z'),
          user: 'tester',
          ...(budget === null ? {} : { budget }),
        });
        expect(Date.now() - started).toBeLessThan(1000);
        if (r.ok) expect(isCleanValue(r.value)).toBe(true);
        else expect(isTypedError(r.error)).toBe(true);
        for (const key of asked) expect(c.expr.reads).toContain(key);
      }),
      { numRuns: 3000 },
    );
    expect(protoSnapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an expression that type-checks never fails with a type error on values of the declared types', () => {
    const arbitraryOf = (t: ExprType): fc.Arbitrary<Value> => {
      if (typeof t === 'object') return fc.array(arbitraryOf(t.list), { maxLength: 20 });
      const base: Record<string, fc.Arbitrary<Value>> = {
        number: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        text: fc.string({ maxLength: 10 }),
        boolean: fc.boolean(),
        date: fc
          .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        datetime: fc
          .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString()),
      };
      return fc.option(base[t] ?? fc.constant(null), { nil: null });
    };
    const typedValues = fc.record(Object.fromEntries([...FIELD_TYPES].map(([k, t]) => [k, arbitraryOf(t)])));
    const env = { resolve: (p: readonly string[]) => FIELD_TYPES.get(p.join('.')) };
    fc.assert(
      fc.property(grammarExpr, typedValues, (s, values) => {
        const c = compileExpression(s);
        if (!c.ok || checkExpression(c.expr, env).errors.length > 0) return;
        const r = evaluateExpression(c.expr, {
          get: (path) => {
            const key = path.join('.');
            return Object.hasOwn(values, key) ? values[key] : undefined;
          },
        });
        if (!r.ok) expect([r.error.code, s]).toEqual([expect.not.stringMatching(/^type$/), s]);
      }),
      { numRuns: 3000 },
    );
  });
});
