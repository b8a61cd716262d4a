import {
  type CompiledExpression,
  checkExpression,
  compileExpression,
  type ExprType,
  type TypeEnv,
} from '../expr/index.ts';
import { message } from '../i18n.ts';
import type { ErrorList } from './errors.ts';
import { describeType, typeFits } from './typeEnv.ts';

const CODES: Record<string, string> = {
  syntax: 'expression-syntax',
  'too-long': 'expression-syntax',
  'too-deep': 'expression-syntax',
  'unknown-field': 'unknown-field',
  'unknown-function': 'unknown-function',
  arity: 'expression-type',
  type: 'expression-type',
};

/**
 * Compiles and type-checks one expression of the definition. Reports its first problem at
 * `pointer` (one error per expression: later ones are usually consequences) and returns the
 * compiled expression when it parsed, so callers can look at what it reads.
 */
export function checkExpr(
  errors: ErrorList,
  source: string,
  pointer: string,
  env: TypeEnv,
  expected?: ExprType | readonly ExprType[],
): CompiledExpression | undefined {
  const compiled = compileExpression(source);
  if (!compiled.ok) {
    errors.add(pointer, CODES[compiled.error.code] ?? 'expression-syntax', prefixed(source, compiled.error.message));
    return undefined;
  }
  const { type, errors: found } = checkExpression(compiled.expr, env);
  const first = found[0];
  if (first) {
    errors.add(pointer, CODES[first.code] ?? 'expression-type', prefixed(source, first.message));
    return compiled.expr;
  }
  if (expected === undefined) return compiled.expr;
  const wanted: readonly ExprType[] = Array.isArray(expected) ? expected : [expected as ExprType];
  if (!wanted.some((w) => typeFits(type, w))) {
    const boolean = wanted.length === 1 && wanted[0] === 'boolean';
    const want = wanted.map(describeType).join(' / ');
    const got = describeType(type);
    errors.add(
      pointer,
      boolean ? 'expression-not-boolean' : 'expression-type',
      message(
        `表达式 ${source} 的结果应为 ${boolean ? '布尔值（TRUE/FALSE）' : want}，实际为 ${got}`,
        `The expression ${source} must give ${boolean ? 'TRUE or FALSE' : want}, but gives ${got}`,
      ),
    );
  }
  return compiled.expr;
}

function prefixed(source: string, m: { 'zh-CN': string; en: string }) {
  return message(`表达式 ${source} 有误：${m['zh-CN']}`, `Error in the expression ${source}: ${m.en}`);
}
