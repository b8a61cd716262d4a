/*
 * The interpreter: a tight switch over node kinds, no eval, no property access by user-chosen keys
 * (fields are read only through EvalContext.get).
 *
 * Blank semantics (blank = null: a missing field, empty text, or a non-finite number):
 * - SUM, AVG, COUNT, MIN, MAX skip blanks. SUM of nothing is 0; AVG, MIN, MAX of nothing are blank.
 * - Arithmetic (+ - * / ^, unary -) and comparison (= <> < <= > >=) with a blank give blank.
 * - IF, AND, OR, NOT treat a blank (or any non-boolean) condition as FALSE, so NOT(blank) is TRUE.
 * - ISBLANK(x) is TRUE for blank and for an empty list (a sub-table with no rows).
 * - & and CONCAT treat blank as "".
 * - Division by zero is a typed runtime error; no result is ever NaN or Infinity.
 */

import { message } from '../i18n.ts';
import type { ExprNode, Value } from './ast.ts';
import { callFunction } from './builtins.ts';
import type { CompiledExpression } from './compile.ts';
import { type ExprError, ExprFailure, exprError, fail } from './errors.ts';
import {
  compareText,
  dayNumber,
  dayText,
  instant,
  instantText,
  isDateTimeText,
  normalize,
  normalizeDeep,
  scalarEquals,
  toText,
} from './values.ts';

export interface EvalContext {
  /** The value at a field path: `['qty']`, or `['lines', 'qty']` for the list of a column. */
  get(path: readonly string[]): Value | undefined;
  /** Clock for TODAY() and NOW(); default `new Date()`. */
  now?: () => Date;
  /** USER(). */
  user?: string;
  /** IANA zone for TODAY(), e.g. `Asia/Shanghai`; default: the device's. */
  timeZone?: string;
  /** Evaluation step budget; default DEFAULT_BUDGET. */
  budget?: number;
}

/** Steps per evaluation by default: each node and each list element costs one. */
export const DEFAULT_BUDGET = 100_000;
/** Longest text an evaluation may build. */
export const MAX_TEXT_LENGTH = 1_000_000;

export interface EvalState {
  readonly ctx: EvalContext;
  steps: number;
  readonly budget: number;
}

export type EvalResult = { ok: true; value: Value } | { ok: false; error: ExprError };

/** TRUE only for boolean true; blank and every other value count as FALSE. */
export function isTruthy(v: Value): boolean {
  return v === true;
}

/** Evaluates a compiled expression. Never throws: every failure is a typed error. */
export function evaluateExpression(expr: CompiledExpression, ctx: EvalContext): EvalResult {
  const b = ctx.budget;
  const state: EvalState = {
    ctx,
    steps: 0,
    budget: typeof b === 'number' && b > 0 ? b : DEFAULT_BUDGET,
  };
  try {
    const v = ev(expr.ast, state);
    return { ok: true, value: Array.isArray(v) ? normalizeDeep(v) : v };
  } catch (e) {
    if (e instanceof ExprFailure) return { ok: false, error: e.error };
    if (e instanceof RangeError) {
      return { ok: false, error: exprError('budget', message('计算超出限制', 'The calculation exceeded its limits')) };
    }
    return { ok: false, error: exprError('runtime', message('计算失败', 'The calculation failed')) };
  }
}

export function step(st: EvalState, at: number, n = 1): void {
  st.steps += n;
  if (st.steps > st.budget) {
    fail('budget', `计算步数超出上限（${st.budget}）`, `The calculation took more than ${st.budget} steps`, at);
  }
}

export function ev(n: ExprNode, st: EvalState): Value {
  if (++st.steps > st.budget) step(st, n.at, 0);
  switch (n.kind) {
    case 'number':
    case 'text':
    case 'boolean':
      return n.value;
    case 'field':
      return normalize(st.ctx.get(n.path));
    case 'negate': {
      const v = ev(n.arg, st);
      if (v === null) return null;
      if (typeof v !== 'number') return typeMismatch('-', v, n.at);
      return 0 - v;
    }
    case 'binary':
      return binary(n.op, ev(n.left, st), ev(n.right, st), n.at, st);
    case 'call':
      return callFunction(n, st);
  }
}

export function typeMismatch(what: string, v: Value, at: number): never {
  const got = Array.isArray(v) ? 'list' : typeof v === 'string' ? 'text' : typeof v;
  return fail('type', `${what} 不能用于 ${got} 类型的值`, `${what} cannot be applied to a ${got} value`, at);
}

function finite(x: number, at: number): number {
  if (Number.isFinite(x)) return x === 0 ? 0 : x;
  return fail('runtime', '计算结果不是有限数字', 'The result is not a finite number', at);
}

function binary(op: string, l: Value, r: Value, at: number, st: EvalState): Value {
  if (op === '&') {
    if (Array.isArray(l)) step(st, at, l.length);
    if (Array.isArray(r)) step(st, at, r.length);
    const s = toText(l) + toText(r);
    if (s.length > MAX_TEXT_LENGTH) fail('budget', '文本过长', 'The text is too long', at);
    return s;
  }
  if (l === null || r === null) return null;
  if (Array.isArray(l)) return typeMismatch(op, l, at);
  if (Array.isArray(r)) return typeMismatch(op, r, at);
  if (typeof l === 'number' && typeof r === 'number') {
    switch (op) {
      case '+':
        return finite(l + r, at);
      case '-':
        return finite(l - r, at);
      case '*':
        return finite(l * r, at);
      case '/':
        if (r === 0) fail('runtime', '除数为零', 'Division by zero', at);
        return finite(l / r, at);
      case '^':
        return finite(l ** r, at);
      default:
        return compare(op, l < r ? -1 : l > r ? 1 : 0);
    }
  }
  switch (op) {
    case '=':
      return scalarEquals(l, r);
    case '<>':
      return !scalarEquals(l, r);
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (typeof l === 'string' && typeof r === 'string') return compare(op, compareText(l, r));
      if (typeof l === 'boolean' && typeof r === 'boolean') return compare(op, Number(l) - Number(r));
      return typeMismatch(op, typeof l === 'number' ? r : l, at);
    case '+':
    case '-':
      return dateArithmetic(op, l, r, at);
    default:
      return typeMismatch(op, typeof l === 'number' ? r : l, at);
  }
}

function compare(op: string, c: number): boolean {
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

/** date ± days → date; datetime ± days → datetime; date − date and datetime − datetime → days. */
function dateArithmetic(op: '+' | '-', l: Value, r: Value, at: number): Value {
  if (typeof l === 'string' && typeof r === 'number') return shiftDate(l, op === '+' ? r : -r, at);
  if (op === '+' && typeof l === 'number' && typeof r === 'string') return shiftDate(r, l, at);
  if (op === '-' && typeof l === 'string' && typeof r === 'string') {
    const a = dayNumber(l);
    const b = dayNumber(r);
    if (a !== undefined && b !== undefined) return a - b;
    const x = isDateTimeText(l) ? instant(l) : undefined;
    const y = isDateTimeText(r) ? instant(r) : undefined;
    if (x !== undefined && y !== undefined) return finite((x - y) / 86_400_000, at);
  }
  return typeMismatch(op, typeof l === 'string' ? l : r, at);
}

function shiftDate(s: string, days: number, at: number): string {
  const day = dayNumber(s);
  if (day !== undefined) return dayText(day + days, at);
  const ms = isDateTimeText(s) ? instant(s) : undefined;
  if (ms !== undefined) return instantText(ms + days * 86_400_000, at);
  return typeMismatch('+', s, at);
}
