import { message } from '../i18n.ts';
import { type DefinitionError, escapeSegment } from './errors.ts';

/** Limits far above any real app (the largest example is a few hundred nodes deep at most 12). */
export const MAX_DEPTH = 64;
export const MAX_NODES = 200_000;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks untrusted input before ajv sees it: a plain object at the root, bounded depth and size,
 * no prototype-polluting keys. Iterative, so 10,000-deep nesting cannot overflow the stack, and it
 * stops at the first limit hit so a 10 MB input is answered in one pass.
 */
export function guardInput(input: unknown): DefinitionError | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      pointer: '',
      code: 'not-an-object',
      message: message(
        `应用定义必须是一个 JSON 对象，而不是${kindZh(input)}`,
        `An app definition must be a JSON object, not ${kindEn(input)}`,
      ),
    };
  }
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value: input, pointer: '', depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, pointer, depth } = stack.pop()!;
    nodes++;
    if (nodes > MAX_NODES) {
      return {
        pointer: '',
        code: 'too-large',
        message: message(
          `应用定义过大：超过 ${MAX_NODES} 个 JSON 节点`,
          `The app definition is too large: more than ${MAX_NODES} JSON nodes`,
        ),
      };
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) {
      return {
        pointer,
        code: 'too-deep',
        message: message(`嵌套过深：超过 ${MAX_DEPTH} 层`, `Nested too deeply: more than ${MAX_DEPTH} levels`),
      };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], pointer: `${pointer}/${i}`, depth: depth + 1 });
      }
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = `${pointer}/${escapeSegment(key)}`;
      if (FORBIDDEN_KEYS.has(key)) {
        return {
          pointer: child,
          code: 'forbidden-key',
          message: message(`不允许使用属性名「${key}」`, `The property name “${key}” is not allowed`),
        };
      }
      stack.push({ value: (value as Record<string, unknown>)[key], pointer: child, depth: depth + 1 });
    }
  }
  return undefined;
}

function kindZh(v: unknown): string {
  if (v === null) return ' null';
  if (Array.isArray(v)) return '数组';
  if (typeof v === 'string') return '字符串';
  if (typeof v === 'number') return '数字';
  if (typeof v === 'boolean') return '布尔值';
  return '空值';
}

function kindEn(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return 'nothing';
}
