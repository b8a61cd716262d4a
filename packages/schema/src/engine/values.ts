import type { Value } from '../expr/index.ts';

/**
 * A stored field value as the expression language sees it. Blank (missing, '', []) is null; a
 * photo, attachment or signature is its content id; a location is "lat,lng". Objects are never
 * handed to expressions, so no user-chosen key is ever looked up on them.
 */
export function toExprValue(v: unknown): Value {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.length === 0 ? null : v.map(toExprValue);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Object.hasOwn(o, 'id') && typeof o.id === 'string') return o.id;
    if (Object.hasOwn(o, 'lat') && typeof o.lat === 'number' && typeof o.lng === 'number') return `${o.lat},${o.lng}`;
  }
  return null;
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Structural equality of stored values (JSON-like), to skip notifying when nothing changed. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const bo = b as Record<string, unknown>;
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(bo, k) && sameValue((a as Record<string, unknown>)[k], bo[k]))
  );
}
