import { startTransition, useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** About one tablet screen of fields: what the first frame must show. */
export const FIRST_SCREEN_FIELDS = 24;

/** Forms up to this many fields (about three screens) mount in one go. */
export const SHORT_FORM_FIELDS = 3 * FIRST_SCREEN_FIELDS;

/** Fields mounted per idle period after the first screen (a transition, so input can cut in). */
const CHUNK_FIELDS = 3 * FIRST_SCREEN_FIELDS;

/** Runs `cb` when the main thread is idle (within a second at most); returns a cancel. */
function idle(cb: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(cb, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(cb, 1);
  return () => clearTimeout(id);
}

/** How many of `weights` (fields per group, in order) make the first screen: at least one group. */
export function firstScreenCount(weights: readonly number[], budget = FIRST_SCREEN_FIELDS): number {
  // A form of a few screens mounts whole: staging it would only add commits.
  if (weights.reduce((a, b) => a + b, 0) <= SHORT_FORM_FIELDS) return weights.length;
  let fields = 0;
  let count = 0;
  while (count < weights.length && (count === 0 || fields < budget)) {
    fields += weights[count] ?? 0;
    count++;
  }
  return count;
}

/**
 * Paints the first screen of a long form first: the groups that fill it mount at once, the rest a few screens per
 * idle period afterwards (as a transition, so a tap or a key in between goes first). `mountAll` mounts
 * every group synchronously, for jumps to a field further down.
 */
export function useProgressiveMount(weights: readonly number[]): { count: number; mountAll: () => void } {
  const total = weights.length;
  const [count, setCount] = useState(() => firstScreenCount(weights));
  useEffect(() => {
    if (count >= total) return;
    return idle(() =>
      startTransition(() => setCount((c) => Math.max(c, firstScreenCount(weights.slice(count), CHUNK_FIELDS) + count))),
    );
  }, [count, total, weights]);
  const mountAll = useCallback(() => {
    flushSync(() => setCount(total));
  }, [total]);
  return { count: Math.min(count, total), mountAll };
}
