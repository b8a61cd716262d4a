// Runtime helpers over Values: normalising what callers hand us, text conversion, dates, ordering.
import type { Value } from './ast.ts';
import { fail } from './errors.ts';

/**
 * What the interpreter accepts from the outside world. `undefined`, empty text, non-finite numbers
 * and anything that is not a Value (objects, functions) read as blank. Arrays pass through; their
 * elements are normalised one by one where they are used, so a 2,000-row column is not copied.
 */
export function normalize(raw: unknown): Value {
  switch (typeof raw) {
    case 'number':
      return Number.isFinite(raw) ? raw : null;
    case 'string':
      return raw === '' ? null : raw;
    case 'boolean':
      return raw;
    case 'object':
      return Array.isArray(raw) ? (raw as Value[]) : null;
    default:
      return null;
  }
}

/** A list made safe to hand back to callers: every element normalised, nested lists included. */
export function normalizeDeep(list: readonly unknown[], depth = 0): Value[] {
  const out: Value[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const v = normalize(list[i]);
    out[i] = Array.isArray(v) ? (depth < 4 ? normalizeDeep(v, depth + 1) : null) : v;
  }
  return out;
}

/** Numbers as people expect to read them: 15 significant digits, so 0.1 + 0.2 shows as 0.3. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n === 0 ? '0' : String(n);
  return String(Number(n.toPrecision(15)));
}

/** Text of a value for `&` and CONCAT: blank is "", booleans TRUE/FALSE, lists joined. */
export function toText(v: Value): string {
  if (v === null) return '';
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return formatNumber(v);
    case 'boolean':
      return v ? 'TRUE' : 'FALSE';
    default: {
      let s = '';
      for (let i = 0; i < v.length; i++) {
        const e = normalize(v[i]);
        if (!Array.isArray(e)) s += toText(e);
      }
      return s;
    }
  }
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;

export const isDateText = (s: string): boolean => DATE_RE.test(s);
export const isDateTimeText = (s: string): boolean => DATETIME_RE.test(s);
export const isTimeText = (s: string): boolean => TIME_RE.test(s);

/** Days since 1970-01-01 of a `YYYY-MM-DD` text, or undefined if it is not a real calendar date. */
export function dayNumber(s: string): number | undefined {
  const m = DATE_RE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

export function dayText(day: number, at: number): string {
  const d = new Date(Math.floor(day) * DAY_MS);
  const y = d.getUTCFullYear();
  if (!Number.isFinite(d.getTime()) || y < 0 || y > 9999) {
    fail('runtime', '日期超出范围', 'Date out of range', at);
  }
  return `${String(y).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Milliseconds since the epoch of a date or datetime text; undefined if it is neither. */
export function instant(s: string): number | undefined {
  const day = dayNumber(s);
  if (day !== undefined) return day * DAY_MS;
  if (!DATETIME_RE.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : undefined;
}

export function instantText(ms: number, at: number): string {
  const d = new Date(ms);
  if (!Number.isFinite(d.getTime()) || d.getUTCFullYear() > 9999 || d.getUTCFullYear() < 0) {
    fail('runtime', '日期时间超出范围', 'Date-time out of range', at);
  }
  return d.toISOString();
}

function timeSeconds(s: string): number | undefined {
  const m = TIME_RE.exec(s);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) : undefined;
}

export const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Orders two non-blank texts: datetimes by instant, times by seconds, everything else (dates
 * included, whose ISO form sorts correctly) by code units, the same on every device and locale.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length > 10 && b.length > 10) {
    const x = isDateTimeText(a) ? instant(a) : undefined;
    const y = x !== undefined && isDateTimeText(b) ? instant(b) : undefined;
    if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  } else if (a.length <= 8 && b.length <= 8) {
    const x = timeSeconds(a);
    const y = x !== undefined ? timeSeconds(b) : undefined;
    if (x !== undefined && y !== undefined) return x - y;
  }
  return a < b ? -1 : 1;
}

/** `=` on two non-blank scalars: values of different kinds are simply not equal. */
export function scalarEquals(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b) === 0;
  return a === b;
}

/** Character count in code points, so an emoji counts once. */
export function textLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    n++;
  }
  return n;
}

/** Excel's ROUND: half away from zero, immune to binary noise such as 1.005 → 1.00. */
export function roundNumber(x: number, digits: number): number {
  const d = Math.max(-15, Math.min(15, Math.trunc(digits)));
  const f = 10 ** Math.abs(d);
  const a = Math.abs(x);
  const scaled = d >= 0 ? a * f : a / f;
  if (!Number.isFinite(scaled)) return x;
  const r = Math.round(Number(scaled.toPrecision(15)));
  const back = d >= 0 ? r / f : r * f;
  const out = x < 0 ? -back : back;
  return out === 0 ? 0 : out;
}
