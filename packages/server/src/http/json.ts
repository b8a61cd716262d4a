import type { FastifyInstance } from 'fastify';
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
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
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
    parse(request, text, done);
  });
}
