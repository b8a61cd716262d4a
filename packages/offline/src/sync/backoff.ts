export interface BackoffOptions {
  /** First retry ceiling, in ms. */
  baseMs?: number;
  /** Largest ceiling, in ms: a device offline for days still retries this often. */
  maxMs?: number;
  /** Largest ceiling after a network error (no answer at all), in ms; default 30 s. */
  networkMaxMs?: number;
  /** Longest Retry-After honoured, in ms (a misconfigured server must not park devices for days). */
  maxRetryAfterMs?: number;
}

/**
 * Exponential backoff with full jitter (a uniform delay in [0, min(max, base·2^attempt)]), so a
 * shop floor of tablets coming back online together does not retry in lockstep. A Retry-After
 * from the server is a floor.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  options: BackoffOptions = {},
  retryAfterMs?: number,
): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 5 * 60_000;
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * ceiling);
  if (retryAfterMs === undefined) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, options.maxRetryAfterMs ?? 60 * 60_000));
}
