// Small helpers the migration steps share. Steps copy what they change and never write into
// their input: a definition may be a cached, published object that others still read.
import type { Message } from '../i18n.ts';

export type JsonObject = Record<string, unknown>;

export interface MigrationError {
  /** JSON pointer (RFC 6901) into the definition as it was given. */
  pointer: string;
  code: string;
  message: Message;
}

/** Thrown inside a step to stop the chain; `migrateDefinition` turns it into a result. */
export class MigrationStop extends Error {
  readonly detail: MigrationError;
  constructor(detail: MigrationError) {
    super(detail.message.en);
    this.detail = detail;
  }
}

/**
 * Fields nest at most section → sub-table → column. Deeper nesting is already invalid, so steps
 * leave it as it is (the validator reports it) instead of recursing without bound.
 */
export const MAX_FIELD_DEPTH = 4;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A new array with `fn` applied to each item; anything that is not an array is returned as is. */
export function mapArray(value: unknown, fn: (item: unknown, index: number) => unknown): unknown {
  return Array.isArray(value) ? value.map(fn) : value;
}

/** A shallow copy. Spread defines own data properties, so a `__proto__` key stays plain data. */
export function copy(obj: JsonObject): JsonObject {
  return { ...obj };
}

/** JSON pointer segment escaping (RFC 6901). */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
