// The function whitelist at run time. Every name here is one of FUNCTIONS; parse.ts rejects others.
import type { ExprNode, Value } from './ast.ts';
import { fail } from './errors.ts';
import { type EvalState, ev, isTruthy, MAX_TEXT_LENGTH, step, typeMismatch } from './evaluate.ts';
import { compareText, instant, normalize, pad2, roundNumber, scalarEquals, textLength, toText } from './values.ts';

type CallNode = Extract<ExprNode, { kind: 'call' }>;

export function callFunction(n: CallNode, st: EvalState): Value {
  const args = n.args;
  switch (n.fn) {
    case 'IF':
      if (isTruthy(ev(args[0]!, st))) return ev(args[1]!, st);
      return args.length > 2 ? ev(args[2]!, st) : null;
    case 'AND':
      return allOrAny(args, st, true);
    case 'OR':
      return allOrAny(args, st, false);
    case 'NOT':
      return !isTruthy(ev(args[0]!, st));
    case 'SUM':
    case 'AVG':
    case 'MIN':
    case 'MAX':
    case 'COUNT':
      return aggregate(n, st);
    case 'ROUND': {
      const x = ev(args[0]!, st);
      const d = args.length > 1 ? ev(args[1]!, st) : 0;
      if (x === null || d === null) return null;
      if (typeof x !== 'number') return typeMismatch('ROUND', x, n.at);
      if (typeof d !== 'number') return typeMismatch('ROUND', d, n.at);
      return roundNumber(x, d);
    }
    case 'ABS': {
      const x = ev(args[0]!, st);
      if (x === null) return null;
      if (typeof x !== 'number') return typeMismatch('ABS', x, n.at);
      return Math.abs(x);
    }
    case 'TODAY':
      return today(clock(st, n.at), st.ctx.timeZone, n.at);
    case 'NOW':
      return clock(st, n.at).toISOString();
    case 'USER':
      return typeof st.ctx.user === 'string' && st.ctx.user !== '' ? st.ctx.user : null;
    case 'DATEDIF':
      return datedif(n, st);
    case 'CONCAT': {
      let s = '';
      for (const a of args) {
        const v = ev(a, st);
        if (Array.isArray(v)) step(st, n.at, v.length);
        s += toText(v);
        if (s.length > MAX_TEXT_LENGTH) fail('budget', '文本过长', 'The text is too long', n.at);
      }
      return s;
    }
    case 'LEN': {
      const v = ev(args[0]!, st);
      if (Array.isArray(v)) return typeMismatch('LEN', v, n.at);
      return textLength(toText(v));
    }
    case 'ISBLANK': {
      const v = ev(args[0]!, st);
      return v === null || (Array.isArray(v) && v.length === 0);
    }
    case 'CONTAINS':
      return contains(n, st);
    default:
      return fail('unknown-function', `未知函数 ${n.fn}`, `Unknown function ${n.fn}`, n.at);
  }
}

/** AND/OR short-circuit; a list argument (e.g. `AND(lines.ok)`) stands for all its elements. */
function allOrAny(args: readonly ExprNode[], st: EvalState, all: boolean): boolean {
  for (const a of args) {
    const v = ev(a, st);
    if (Array.isArray(v)) {
      step(st, a.at, v.length);
      for (let i = 0; i < v.length; i++) {
        if (isTruthy(normalize(v[i])) !== all) return !all;
      }
    } else if (isTruthy(v) !== all) {
      return !all;
    }
  }
  return all;
}

function aggregate(n: CallNode, st: EvalState): Value {
  const fn = n.fn;
  let count = 0;
  let sum = 0;
  let best: number | string | null = null;
  for (const a of n.args) {
    const v = ev(a, st);
    const list = Array.isArray(v);
    const len = list ? v.length : 1;
    if (list) step(st, a.at, len);
    for (let i = 0; i < len; i++) {
      if (fn === 'COUNT') {
        if (list ? isPresent(v[i]) : v !== null) count++;
        continue;
      }
      const x = list ? normalize(v[i]) : v;
      if (x === null) continue;
      if (typeof x === 'number') {
        if (typeof best === 'string') typeMismatch(fn, x, n.at);
        count++;
        if (fn === 'SUM' || fn === 'AVG') sum += x;
        else if (best === null || (fn === 'MIN' ? x < best : x > best)) best = x;
      } else if (typeof x === 'string' && (fn === 'MIN' || fn === 'MAX') && typeof best !== 'number') {
        // MIN/MAX also order dates, datetimes and times (the earliest delivery, the latest check).
        count++;
        if (best === null || (fn === 'MIN' ? compareText(x, best) < 0 : compareText(x, best) > 0)) best = x;
      } else {
        typeMismatch(fn, x, n.at);
      }
    }
  }
  switch (fn) {
    case 'COUNT':
      return count;
    case 'SUM':
      return finiteSum(sum, n.at);
    case 'AVG':
      return count === 0 ? null : finiteSum(sum / count, n.at);
    default:
      return best;
  }
}

/** COUNT counts a list element that holds something: a row object counts, though it is no Value. */
function isPresent(raw: unknown): boolean {
  return typeof raw === 'object' ? raw !== null : normalize(raw) !== null;
}

function finiteSum(x: number, at: number): number {
  if (!Number.isFinite(x)) fail('runtime', '计算结果不是有限数字', 'The result is not a finite number', at);
  return x === 0 ? 0 : x;
}

function contains(n: CallNode, st: EvalState): boolean {
  const h = ev(n.args[0]!, st);
  const x = ev(n.args[1]!, st);
  if (h === null || x === null) return false;
  if (Array.isArray(x)) return typeMismatch('CONTAINS', x, n.at);
  if (Array.isArray(h)) {
    step(st, n.at, h.length);
    for (let i = 0; i < h.length; i++) {
      const e = normalize(h[i]);
      if (e !== null && !Array.isArray(e) && scalarEquals(e, x)) return true;
    }
    return false;
  }
  if (typeof h !== 'string') return typeMismatch('CONTAINS', h, n.at);
  return h.includes(toText(x));
}

function clock(st: EvalState, at: number): Date {
  const d = st.ctx.now ? st.ctx.now() : new Date();
  if (!(d instanceof Date) || !Number.isFinite(d.getTime())) {
    fail('runtime', '当前时间无效', 'The current time is not valid', at);
  }
  return d;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function today(now: Date, timeZone: string | undefined, at: number): string {
  if (timeZone === undefined) {
    return `${String(now.getFullYear()).padStart(4, '0')}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
  }
  let f = dayFormats.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      return fail('runtime', `未知时区 ${timeZone}`, `Unknown time zone ${timeZone}`, at);
    }
    if (dayFormats.size < 64) dayFormats.set(timeZone, f);
  }
  let y = '';
  let m = '';
  let d = '';
  for (const p of f.formatToParts(now)) {
    if (p.type === 'year') y = p.value.padStart(4, '0');
    else if (p.type === 'month') m = p.value;
    else if (p.type === 'day') d = p.value;
  }
  return `${y}-${m}-${d}`;
}

/** Whole days, months or years from start to end; negative when end is before start. */
function datedif(n: CallNode, st: EvalState): Value {
  const s = ev(n.args[0]!, st);
  const e = ev(n.args[1]!, st);
  const u = ev(n.args[2]!, st);
  if (s === null || e === null) return null;
  if (typeof s !== 'string') return typeMismatch('DATEDIF', s, n.at);
  if (typeof e !== 'string') return typeMismatch('DATEDIF', e, n.at);
  const unit = typeof u === 'string' ? u.toLowerCase() : '';
  if (unit !== 'd' && unit !== 'm' && unit !== 'y') {
    return fail('runtime', 'DATEDIF 的单位必须是 "d"、"m" 或 "y"', 'The DATEDIF unit must be "d", "m" or "y"', n.at);
  }
  const a = instant(s);
  const b = instant(e);
  if (a === undefined || b === undefined) {
    return fail('type', 'DATEDIF 需要日期', 'DATEDIF needs dates', n.at);
  }
  if (unit === 'd') return Math.trunc((b - a) / 86_400_000) || 0;
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  const x = new Date(lo);
  const y = new Date(hi);
  let months = (y.getUTCFullYear() - x.getUTCFullYear()) * 12 + (y.getUTCMonth() - x.getUTCMonth());
  if (y.getUTCDate() < x.getUTCDate()) months--;
  const whole = unit === 'm' ? months : Math.floor(months / 12);
  return sign * whole || 0;
}
