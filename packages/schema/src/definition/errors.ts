import type { Message } from '../i18n.ts';

/** One problem in an app definition, located by an RFC 6901 JSON pointer ('' is the root). */
export interface DefinitionError {
  pointer: string;
  code: string;
  message: Message;
}

/** Escapes one pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function escapeSegment(segment: string | number): string {
  const s = String(segment);
  return s.includes('~') || s.includes('/') ? s.replaceAll('~', '~0').replaceAll('/', '~1') : s;
}

/** Joins a pointer and more segments. */
export function pointerOf(base: string, ...segments: (string | number)[]): string {
  let out = base;
  for (const s of segments) out += `/${escapeSegment(s)}`;
  return out;
}

/** Splits a pointer back into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Collects errors; the semantic checks push into one of these. */
export class ErrorList {
  readonly errors: DefinitionError[] = [];
  add(pointer: string, code: string, message: Message): void {
    this.errors.push({ pointer, code, message });
  }
}
