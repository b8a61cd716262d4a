// Static type checking of a compiled expression against the form's field types, so expressions
// that mix types are caught when the definition is validated, not on the shop floor.
import { type Message, message } from '../i18n.ts';
import { type ExprNode, type ExprType, isListType, type ScalarType } from './ast.ts';
import type { CompiledExpression } from './compile.ts';
import { type ExprError, exprError } from './errors.ts';
import { dayNumber, instant, isDateTimeText, isTimeText } from './values.ts';

/**
 * Resolves a field path to its type, or undefined if there is no such field. In a sub-table row
 * scope the caller resolves bare column ids to the row's columns and header ids to the header.
 */
export interface TypeEnv {
  resolve(path: readonly string[]): ExprType | undefined;
}

export interface CheckResult {
  /** The expression's type; `any` where errors made it unknowable. */
  type: ExprType;
  /** Every error found (checking continues past the first one). */
  errors: ExprError[];
}

export function checkExpression(expr: CompiledExpression, env: TypeEnv): CheckResult {
  const errors: ExprError[] = [];
  const type = infer(expr.ast, env, errors);
  return { type, errors };
}

const ZH_TYPE: Record<ScalarType, string> = {
  number: '数字',
  text: '文本',
  boolean: '是/否',
  date: '日期',
  datetime: '日期时间',
  time: '时间',
  any: '任意值',
};

function label(t: ExprType): Message {
  return isListType(t) ? message(`${ZH_TYPE[t.list]}列表`, `list of ${t.list}`) : message(ZH_TYPE[t], t);
}

function typeError(errors: ExprError[], at: number, zh: string, en: string): 'any' {
  errors.push(exprError('type', message(zh, en), at));
  return 'any';
}

function sameType(a: ExprType, b: ExprType): boolean {
  if (isListType(a) || isListType(b)) return isListType(a) && isListType(b) && a.list === b.list;
  return a === b;
}

/** Requires a scalar of one of `allowed` (or `any`); reports and returns false otherwise. */
function expect(errors: ExprError[], n: ExprNode, t: ExprType, allowed: readonly ScalarType[], what: string): boolean {
  if (t === 'any') return true;
  const l = label(t);
  if (isListType(t)) {
    typeError(
      errors,
      n.at,
      `${what} 不能用于${l['zh-CN']}（子表列请用 SUM、COUNT 等函数）`,
      `${what} cannot take a ${l.en} (use SUM, COUNT, … on sub-table columns)`,
    );
    return false;
  }
  if (allowed.includes(t)) return true;
  const want = allowed.map((a) => label(a));
  typeError(
    errors,
    n.at,
    `${what} 需要${want.map((w) => w['zh-CN']).join('或')}，这里是${l['zh-CN']}`,
    `${what} needs ${want.map((w) => w.en).join(' or ')}, got ${l.en}`,
  );
  return false;
}

const NUMBER: readonly ScalarType[] = ['number'];
const BOOLEAN: readonly ScalarType[] = ['boolean'];
const ORDERED: readonly ScalarType[] = ['number', 'date', 'datetime', 'time'];
const DATES: readonly ScalarType[] = ['date', 'datetime'];
const SCALARS: readonly ScalarType[] = ['number', 'text', 'boolean', 'date', 'datetime', 'time'];

/** Element type of a list, or the scalar itself: for functions that take both (SUM(a, lines.b)). */
const element = (t: ExprType): ScalarType => (isListType(t) ? t.list : t);

/** A text literal shaped like a date, datetime or time is one: `due < "2025-01-01"` should type-check. */
function literalTextType(s: string): ScalarType {
  if (dayNumber(s) !== undefined) return 'date';
  if (isDateTimeText(s) && instant(s) !== undefined) return 'datetime';
  if (isTimeText(s)) return 'time';
  return 'text';
}

function infer(n: ExprNode, env: TypeEnv, errors: ExprError[]): ExprType {
  switch (n.kind) {
    case 'number':
      return 'number';
    case 'text':
      return literalTextType(n.value);
    case 'boolean':
      return 'boolean';
    case 'field': {
      const t = env.resolve(n.path);
      if (t !== undefined) return t;
      errors.push(exprError('unknown-field', message(`未知字段 ${n.key}`, `Unknown field ${n.key}`), n.at));
      return 'any';
    }
    case 'negate':
      expect(errors, n, infer(n.arg, env, errors), NUMBER, '-');
      return 'number';
    case 'binary':
      return inferBinary(n, env, errors);
    case 'call':
      return inferCall(n, env, errors);
  }
}

function inferBinary(n: Extract<ExprNode, { kind: 'binary' }>, env: TypeEnv, errors: ExprError[]): ExprType {
  const l = infer(n.left, env, errors);
  const r = infer(n.right, env, errors);
  switch (n.op) {
    case '&':
      return 'text';
    case '*':
    case '/':
    case '^':
      expect(errors, n.left, l, NUMBER, n.op);
      expect(errors, n.right, r, NUMBER, n.op);
      return 'number';
    case '+':
    case '-':
      return inferPlusMinus(n, l, r, errors);
    default: {
      const ordering = n.op !== '=' && n.op !== '<>';
      const allowed = ordering ? ORDERED.concat('text') : SCALARS;
      if (!expect(errors, n.left, l, allowed, n.op) || !expect(errors, n.right, r, allowed, n.op)) return 'boolean';
      if (l !== 'any' && r !== 'any' && l !== r) {
        const a = label(l);
        const b = label(r);
        typeError(errors, n.at, `不能比较${a['zh-CN']}和${b['zh-CN']}`, `Cannot compare ${a.en} with ${b.en}`);
      }
      return 'boolean';
    }
  }
}

/** number ± number; date/datetime ± number (days); date − date and datetime − datetime (days). */
function inferPlusMinus(
  n: Extract<ExprNode, { kind: 'binary' }>,
  l: ExprType,
  r: ExprType,
  errors: ExprError[],
): ExprType {
  const arith: readonly ScalarType[] = ['number', 'date', 'datetime'];
  if (!expect(errors, n.left, l, arith, n.op) || !expect(errors, n.right, r, arith, n.op)) return 'any';
  if (l === 'any' || r === 'any') return l === 'number' && r === 'number' ? 'number' : 'any';
  if (l === 'number' && r === 'number') return 'number';
  if (r === 'number') return l;
  if (l === 'number' && n.op === '+') return r;
  if (n.op === '-' && l === r) return 'number';
  const a = label(l);
  const b = label(r);
  return typeError(
    errors,
    n.at,
    `${a['zh-CN']} ${n.op} ${b['zh-CN']} 无意义`,
    `${a.en} ${n.op} ${b.en} is not meaningful`,
  );
}

function inferCall(n: Extract<ExprNode, { kind: 'call' }>, env: TypeEnv, errors: ExprError[]): ExprType {
  const types = n.args.map((a) => infer(a, env, errors));
  const arg = (i: number): ExprType => types[i] ?? 'any';
  const node = (i: number): ExprNode => n.args[i] ?? n;
  switch (n.fn) {
    case 'IF': {
      expect(errors, node(0), arg(0), BOOLEAN, 'IF');
      if (types.length < 3) return arg(1);
      const a = arg(1);
      const b = arg(2);
      if (a === 'any') return b;
      if (b === 'any' || sameType(a, b)) return a;
      const x = label(a);
      const y = label(b);
      return typeError(
        errors,
        node(2).at,
        `IF 的两个结果类型不同（${x['zh-CN']} 和 ${y['zh-CN']}）`,
        `IF returns different types (${x.en} and ${y.en})`,
      );
    }
    case 'AND':
    case 'OR':
      types.forEach((t, i) => {
        expect(errors, node(i), element(t), BOOLEAN, n.fn);
      });
      return 'boolean';
    case 'NOT':
      expect(errors, node(0), arg(0), BOOLEAN, 'NOT');
      return 'boolean';
    case 'SUM':
    case 'AVG':
      types.forEach((t, i) => {
        expect(errors, node(i), element(t), NUMBER, n.fn);
      });
      return 'number';
    case 'MIN':
    case 'MAX':
      return inferMinMax(n, types, errors);
    case 'COUNT':
      return 'number';
    case 'ROUND':
    case 'ABS':
      types.forEach((t, i) => {
        expect(errors, node(i), t, NUMBER, n.fn);
      });
      return 'number';
    case 'TODAY':
      return 'date';
    case 'NOW':
      return 'datetime';
    case 'USER':
    case 'CONCAT':
      return 'text';
    case 'LEN':
      expect(errors, node(0), arg(0), SCALARS, 'LEN');
      return 'number';
    case 'ISBLANK':
      return 'boolean';
    case 'DATEDIF': {
      expect(errors, node(0), arg(0), DATES, 'DATEDIF');
      expect(errors, node(1), arg(1), DATES, 'DATEDIF');
      const unit = node(2);
      if (expect(errors, unit, arg(2), ['text'], 'DATEDIF') && unit.kind === 'text') {
        if (!/^[dmy]$/i.test(unit.value)) {
          typeError(
            errors,
            unit.at,
            'DATEDIF 的单位必须是 "d"、"m" 或 "y"',
            'The DATEDIF unit must be "d", "m" or "y"',
          );
        }
      }
      return 'number';
    }
    case 'CONTAINS':
      return inferContains(n, arg(0), arg(1), errors);
    default:
      return 'any';
  }
}

function inferMinMax(n: Extract<ExprNode, { kind: 'call' }>, types: ExprType[], errors: ExprError[]): ExprType {
  let result: ScalarType = 'any';
  types.forEach((t, i) => {
    const e = element(t);
    const a = n.args[i] ?? n;
    if (!expect(errors, a, e, ORDERED, n.fn) || e === 'any') return;
    if (result === 'any') result = e;
    else if (result !== e) {
      typeError(errors, a.at, `${n.fn} 的参数类型不一致`, `${n.fn} mixes ${result} and ${e}`);
    }
  });
  return result;
}

function inferContains(
  n: Extract<ExprNode, { kind: 'call' }>,
  haystack: ExprType,
  needle: ExprType,
  errors: ExprError[],
): ExprType {
  const h = n.args[0] ?? n;
  const x = n.args[1] ?? n;
  if (!expect(errors, x, needle, SCALARS, 'CONTAINS')) return 'boolean';
  if (isListType(haystack)) {
    const e = haystack.list;
    if (e !== 'any' && needle !== 'any' && e !== needle) {
      typeError(
        errors,
        x.at,
        `CONTAINS 在${label(haystack)['zh-CN']}中查找${label(needle)['zh-CN']}`,
        `CONTAINS looks for ${label(needle).en} in a ${label(haystack).en}`,
      );
    }
    return 'boolean';
  }
  expect(errors, h, haystack, ['text'], 'CONTAINS');
  return 'boolean';
}
