import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { apiError } from './errors.ts';

/** Deeper documents than this are refused before parsing (an app definition nests ~10 levels). */
export const MAX_JSON_DEPTH = 64;

/** Nesting depth of a JSON text, counted without parsing it; strings are skipped. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/**
 * JSON bodies: Fastify's secure parser refusing `__proto__` and `constructor` keys, behind a depth
 * guard (a deeply nested body would otherwise cost stack in every later walk over it). Parsing as
 * a string keeps each route's own `bodyLimit` in force.
 */
export function installJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(
        apiError(
          400,
          'too-deep',
          `JSON 嵌套层级超过 ${MAX_JSON_DEPTH}`,
          `JSON nests deeper than ${MAX_JSON_DEPTH} levels`,
        ),
        undefined,
      );
      return;
    }
    if (text.length === 0) {
      done(apiError(400, 'malformed-json', '请求内容为空', 'The JSON body is empty'), undefined);
      return;
    }
    try {
      done(null, secureJson.parse(text, { protoAction: 'error', constructorAction: 'error' }));
    } catch (error) {
      const poisoned = error instanceof SyntaxError && /forbidden prototype/.test(error.message);
      done(
        poisoned
          ? apiError(
              400,
              'forbidden-key',
              '请求包含不允许的键（__proto__ 或 constructor）',
              'The body contains a forbidden key (__proto__ or constructor)',
            )
          : apiError(400, 'malformed-json', '请求内容不是有效的 JSON', 'The body is not valid JSON'),
        undefined,
      );
    }
  });
}
