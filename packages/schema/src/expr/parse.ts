import type { ExprNode } from './ast.ts';
import { ExprFailure, fail } from './errors.ts';
import { findFunction } from './functions.ts';
import { jsep, tokenStarts } from './jsep-config.ts';

/** Longest accepted source, matching `maxLength` of `Expression` in app.schema.json. */
export const MAX_SOURCE_LENGTH = 2000;
/** Deepest accepted nesting (parentheses, calls, unary minus, operator chains). */
export const MAX_DEPTH = 100;
/** Most AST nodes in one expression. */
export const MAX_NODES = 1500;

type JsepNode = jsep.Expression;

/**
 * Parses `source` into our AST, or throws ExprFailure. Nesting is measured on the raw text first,
 * so jsep's recursive descent never sees input deep enough to overflow the stack.
 */
export function parse(source: string): ExprNode {
  if (source.length > MAX_SOURCE_LENGTH) {
    fail(
      'too-long',
      `表达式过长（${source.length} 个字符，最多 ${MAX_SOURCE_LENGTH}）`,
      `Expression is too long (${source.length} characters, at most ${MAX_SOURCE_LENGTH})`,
    );
  }
  scanSource(source);
  let tree: JsepNode;
  tokenStarts.length = 0;
  try {
    tree = jsep(source);
  } catch (e) {
    if (e instanceof ExprFailure) throw e;
    if (e instanceof RangeError) fail('too-deep', '表达式嵌套过深', 'Expression is nested too deeply');
    // jsep's errors carry `index` (offset) and `description` (message without the offset).
    const info = (e instanceof Error ? e : {}) as { index?: unknown; description?: unknown; message?: unknown };
    const at = typeof info.index === 'number' ? info.index : 0;
    const detail = String(info.description ?? info.message ?? '');
    fail(
      'syntax',
      `表达式语法错误（第 ${at + 1} 个字符）：${detail}`,
      `Syntax error at character ${at + 1}: ${detail}`,
      at,
    );
  }
  const counter = { nodes: 0 };
  return convert(tree, 0, counter);
}

const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;

// Full-width punctuation that a Chinese input method produces; jsep would take it for identifier letters.
const FULL_WIDTH = '（），“”‘’＝＜＞＋－＊／＆！';

/**
 * One pass over the raw text before jsep sees it: bounds jsep's recursion (bracket depth plus runs
 * of `-`, since each unary minus recurses) and catches full-width punctuation with a clear message.
 */
function scanSource(source: string): void {
  let depth = 0;
  let minusRun = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === QUOTE || c === APOSTROPHE) {
      // Skip the string literal the way jsep reads it (backslash escapes the next character).
      for (i++; i < source.length; i++) {
        const d = source.charCodeAt(i);
        if (d === BACKSLASH) i++;
        else if (d === c) break;
      }
      minusRun = 0;
      continue;
    }
    if (c > 0xff && FULL_WIDTH.includes(source.charAt(i))) {
      const ch = source.charAt(i);
      fail(
        'syntax',
        `表达式语法错误（第 ${i + 1} 个字符）：全角符号 ${ch}，请改用半角（英文）符号`,
        `Syntax error at character ${i + 1}: full-width ${ch}, use the ASCII character instead`,
        i,
      );
    }
    if (c === 40 || c === 91) depth++;
    else if (c === 41 || c === 93) depth--;
    if (c === 45) minusRun++;
    else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) minusRun = 0;
    if (depth + minusRun > MAX_DEPTH) {
      fail(
        'too-deep',
        `表达式嵌套过深（最多 ${MAX_DEPTH} 层）`,
        `Expression is nested too deeply (at most ${MAX_DEPTH} levels)`,
        i,
      );
    }
  }
}

function startOf(n: JsepNode | undefined): number {
  if (!n) return 0;
  if (typeof n.start === 'number') return n.start;
  if (n.type === 'BinaryExpression') return startOf(n.left as JsepNode);
  return 0;
}

function syntax(n: JsepNode, zh: string, en: string): never {
  const at = startOf(n);
  return fail(
    'syntax',
    `表达式语法错误（第 ${at + 1} 个字符）：${zh}`,
    `Syntax error at character ${at + 1}: ${en}`,
    at,
  );
}

function convert(n: JsepNode, depth: number, counter: { nodes: number }): ExprNode {
  const at = startOf(n);
  if (depth > MAX_DEPTH) {
    fail(
      'too-deep',
      `表达式嵌套过深（最多 ${MAX_DEPTH} 层）`,
      `Expression is nested too deeply (at most ${MAX_DEPTH} levels)`,
      at,
    );
  }
  if (++counter.nodes > MAX_NODES) {
    fail(
      'too-long',
      `表达式过于复杂（最多 ${MAX_NODES} 个节点）`,
      `Expression is too complex (at most ${MAX_NODES} nodes)`,
      at,
    );
  }
  switch (n.type) {
    case 'Literal': {
      const { value, raw } = n as jsep.Literal;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) syntax(n, `数字超出范围：${raw}`, `number out of range: ${raw}`);
        return { kind: 'number', value, at };
      }
      if (typeof value === 'string') {
        if (!raw.startsWith('"')) syntax(n, '文本请用双引号', 'text must be in double quotes');
        return { kind: 'text', value, at };
      }
      return syntax(n, '不支持的字面量', 'unsupported literal');
    }
    case 'Identifier': {
      const name = (n as jsep.Identifier).name;
      const upper = name.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE', at };
      return { kind: 'field', path: [name], key: name, at };
    }
    case 'ThisExpression':
      // jsep reads `this` specially; for us it is just a (possible) field id.
      return { kind: 'field', path: ['this'], key: 'this', at };
    case 'MemberExpression':
      return convertMember(n as jsep.MemberExpression, at);
    case 'UnaryExpression': {
      const arg = convert((n as jsep.UnaryExpression).argument, depth + 1, counter);
      // Fold `-3` into a literal: constants are common in rules and this saves a step per evaluation.
      if (arg.kind === 'number') return { kind: 'number', value: -arg.value, at };
      return { kind: 'negate', arg, at };
    }
    case 'BinaryExpression': {
      const b = n as jsep.BinaryExpression;
      const op = b.operator === '!=' ? '<>' : b.operator;
      const left = convert(b.left, depth + 1, counter);
      const right = convert(b.right, depth + 1, counter);
      switch (op) {
        case '=':
        case '<>':
        case '<':
        case '<=':
        case '>':
        case '>=':
        case '&':
        case '+':
        case '-':
        case '*':
        case '/':
        case '^':
          return { kind: 'binary', op, left, right, at };
        default:
          return syntax(n, `不支持的运算符 ${op}`, `unsupported operator ${op}`);
      }
    }
    case 'CallExpression':
      return convertCall(n as jsep.CallExpression, at, depth, counter);
    case 'Compound':
      if ((n as jsep.Compound).body.length === 0) {
        return fail('syntax', '表达式为空', 'The expression is empty', 0);
      }
      return syntax(
        (n as jsep.Compound).body[1] ?? n,
        '缺少运算符（或多了一个值）',
        'missing operator (or an extra value)',
      );
    case 'ConditionalExpression':
      return syntax(n, '不支持 ?: ，请用 IF(条件, 值1, 值2)', '?: is not supported, use IF(condition, a, b)');
    case 'ArrayExpression':
      return syntax(n, '不支持 [ ]', '[ ] is not supported');
    default:
      return syntax(n, '无法识别的表达式', 'unrecognised expression');
  }
}

/** `lines.qty` → field path ['lines', 'qty']; computed (`a[0]`) and optional (`a?.b`) access are not ours. */
function convertMember(m: jsep.MemberExpression, at: number): ExprNode {
  const path: string[] = [];
  let cur: JsepNode = m;
  while (cur.type === 'MemberExpression') {
    const mm = cur as jsep.MemberExpression;
    if (mm.computed || mm.optional || mm.property.type !== 'Identifier') {
      return syntax(mm, '字段引用只能写成 子表.列', 'a field reference must look like subtable.column');
    }
    path.push((mm.property as jsep.Identifier).name);
    cur = mm.object;
  }
  if (cur.type === 'Identifier') path.push((cur as jsep.Identifier).name);
  else if (cur.type === 'ThisExpression') path.push('this');
  else return syntax(cur, '字段引用只能写成 子表.列', 'a field reference must look like subtable.column');
  path.reverse();
  return { kind: 'field', path, key: path.join('.'), at };
}

function convertCall(c: jsep.CallExpression, at: number, depth: number, counter: { nodes: number }): ExprNode {
  if (c.callee.type !== 'Identifier') {
    return syntax(c, '只能调用内置函数', 'only built-in functions can be called');
  }
  const name = (c.callee as jsep.Identifier).name;
  const info = findFunction(name);
  if (!info) {
    return fail('unknown-function', `未知函数 ${name}`, `Unknown function ${name}`, at);
  }
  const n = c.arguments.length;
  if (n < info.minArgs || n > info.maxArgs) {
    const range =
      info.minArgs === info.maxArgs
        ? `${info.minArgs}`
        : info.maxArgs > 100
          ? `≥ ${info.minArgs}`
          : `${info.minArgs}–${info.maxArgs}`;
    return fail(
      'arity',
      `函数 ${info.name} 需要 ${range} 个参数，实际 ${n} 个：${info.signature}`,
      `${info.name} takes ${range} argument(s), got ${n}: ${info.signature}`,
      at,
    );
  }
  const args = c.arguments.map((a) => convert(a, depth + 1, counter));
  return { kind: 'call', fn: info.name, args, at };
}
