import { compileExpression, evaluateExpression, message, type Value } from '@gongfang/schema';
import type { ConditionEvaluator } from './types.ts';

function own(data: unknown, key: string): unknown {
  return data !== null && typeof data === 'object' && Object.hasOwn(data, key)
    ? (data as Record<string, unknown>)[key]
    : undefined;
}

/** A record value as the interpreter sees it; objects (attachments, locations) read as blank. */
function toValue(raw: unknown): Value {
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw)) return raw.map(toValue);
  return null;
}

/**
 * Reads `['field']`, or `['subtable', 'column']` as the list of that column over the rows.
 * Own properties only: a key like `__proto__` in an expression cannot reach prototypes.
 */
function reader(data: Readonly<Record<string, unknown>>): (path: readonly string[]) => Value | undefined {
  return (path) => {
    const [field, column] = path;
    if (field === undefined) return undefined;
    const value = own(data, field);
    if (column === undefined) return value === undefined ? undefined : toValue(value);
    return Array.isArray(value) ? value.map((row) => toValue(own(row, column))) : undefined;
  };
}

export interface ExpressionConditionOptions {
  /** IANA zone for TODAY(), e.g. `Asia/Shanghai` (the factory's); without it, the device's. */
  timeZone?: string;
}

/**
 * Branch conditions in the expression language. TODAY()/NOW() read the action's time (never the
 * clock) and USER() is the initiator. A blank result is FALSE; any other non-boolean is an error,
 * since the designer should have caught it and the history should show it.
 */
export function expressionConditions(options: ExpressionConditionOptions = {}): ConditionEvaluator {
  return (expression, data, env) => {
    const compiled = compileExpression(expression);
    if (!compiled.ok) return { ok: false, error: compiled.error.message };
    const now = new Date(env.now);
    const result = evaluateExpression(compiled.expr, {
      get: reader(data),
      now: () => now,
      user: env.initiator,
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    });
    if (!result.ok) return { ok: false, error: result.error.message };
    if (result.value === null || typeof result.value === 'boolean') return { ok: true, value: result.value === true };
    return {
      ok: false,
      error: message(
        `条件的结果不是 TRUE 或 FALSE：${expression}`,
        `The condition is not TRUE or FALSE: ${expression}`,
      ),
    };
  };
}
