import { startTransition, useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** About one tablet screen of fields (landscape two columns, portrait one): what the first frame shows. */
export const FIRST_SCREEN_FIELDS = 16;

/** Forms up to this many fields (a few screens) mount in one go: staging them would only add commits. */
export const SHORT_FORM_FIELDS = 72;

/** Fields mounted per idle period after the first screen (a transition, so input can cut in). */
const CHUNK_FIELDS = 72;

/** What a field puts on screen, in fields (a sub-table counts as half a screen). */
export function fieldWeight(field: { type: string }): number {
  return field.type === 'subtable' ? FIRST_SCREEN_FIELDS / 2 : 1;
}

/** The fields of a group that fit in `limit` (at least one: a group never shows empty). */
export function fieldsWithin<F extends { type: string }>(fields: readonly F[], limit: number): readonly F[] {
  if (limit === Number.POSITIVE_INFINITY) return fields;
  let used = 0;
  let n = 0;
  while (n < fields.length && (n === 0 || used < limit)) {
    used += fieldWeight(fields[n] as F);
    n++;
  }
  return n === fields.length ? fields : fields.slice(0, n);
}

/** Fields mounted in the first frame: a short form whole, a long one its first screen. */
export function initialBudget(total: number): number {
  return total <= SHORT_FORM_FIELDS ? Number.POSITIVE_INFINITY : FIRST_SCREEN_FIELDS;
}

/** Runs `cb` when the main thread is idle (within a second at most); returns a cancel. */
function idle(cb: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(cb, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(cb, 1);
  return () => clearTimeout(id);
}

/**
 * Paints the first screen of a long form first: the fields that fill it mount at once, the rest a
 * few screens per idle period afterwards (as a transition, so a tap or a key in between goes
 * first). `budget` is how many fields (by `fieldWeight`, in form order) are mounted; `mountAll`
 * mounts every field synchronously, for jumps to a field further down and scans.
 */
export function useProgressiveMount(total: number): { budget: number; mountAll: () => void } {
  const [budget, setBudget] = useState(() => initialBudget(total));
  useEffect(() => {
    if (budget >= total) return;
    return idle(() => startTransition(() => setBudget((b) => Math.max(b, budget + CHUNK_FIELDS))));
  }, [budget, total]);
  const mountAll = useCallback(() => {
    flushSync(() => setBudget(Number.POSITIVE_INFINITY));
  }, []);
  return { budget, mountAll };
}
