import { message } from '../i18n.ts';
import type { ExprNode } from './ast.ts';
import { type ExprError, ExprFailure, exprError } from './errors.ts';
import { parse } from './parse.ts';

/** An expression parsed once and evaluated many times. Frozen: safe to share from the cache. */
export interface CompiledExpression {
  readonly source: string;
  readonly ast: ExprNode;
  /** Field paths read, dotted (`qty`, `lines.qty`), sorted and unique. */
  readonly reads: readonly string[];
  /** Upper-case names of the functions used, sorted and unique. */
  readonly functions: readonly string[];
}

export type CompileResult = { ok: true; expr: CompiledExpression } | { ok: false; error: ExprError };

const CACHE_CAP = 1000;
// Insertion-ordered Map as an LRU: a hit moves the entry to the end, the oldest is dropped first.
const cache = new Map<string, CompileResult>();

/**
 * Parses an expression (cached). Syntax, size, nesting, unknown functions and wrong argument counts
 * are reported here; field and type errors need the form, so they come from checkExpression.
 * Never throws.
 */
export function compileExpression(source: string): CompileResult {
  if (typeof source !== 'string') {
    return { ok: false, error: exprError('syntax', message('表达式必须是文本', 'An expression must be a string')) };
  }
  const hit = cache.get(source);
  if (hit) {
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  const result = compileUncached(source);
  if (cache.size >= CACHE_CAP) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(source, result);
  return result;
}

function compileUncached(source: string): CompileResult {
  try {
    const ast = parse(source);
    const reads = new Set<string>();
    const functions = new Set<string>();
    collect(ast, reads, functions);
    const expr: CompiledExpression = {
      source,
      ast: deepFreeze(ast),
      reads: Object.freeze([...reads].sort()),
      functions: Object.freeze([...functions].sort()),
    };
    return Object.freeze({ ok: true, expr: Object.freeze(expr) });
  } catch (e) {
    const error =
      e instanceof ExprFailure
        ? e.error
        : exprError('syntax', message('无法解析表达式', 'The expression could not be parsed'));
    return Object.freeze({ ok: false, error: Object.freeze(error) });
  }
}

// Recursion is safe: parse() has bounded the depth of the tree.
function collect(n: ExprNode, reads: Set<string>, functions: Set<string>): void {
  switch (n.kind) {
    case 'field':
      reads.add(n.key);
      return;
    case 'negate':
      collect(n.arg, reads, functions);
      return;
    case 'binary':
      collect(n.left, reads, functions);
      collect(n.right, reads, functions);
      return;
    case 'call':
      functions.add(n.fn);
      for (const a of n.args) collect(a, reads, functions);
      return;
    default:
      return;
  }
}

function deepFreeze(n: ExprNode): ExprNode {
  switch (n.kind) {
    case 'field':
      Object.freeze(n.path);
      break;
    case 'negate':
      deepFreeze(n.arg);
      break;
    case 'binary':
      deepFreeze(n.left);
      deepFreeze(n.right);
      break;
    case 'call':
      for (const a of n.args) deepFreeze(a);
      Object.freeze(n.args);
      break;
    default:
      break;
  }
  return Object.freeze(n);
}
