import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';

/** `max` failures within `windowSeconds` lock the key for `lockSeconds`. */
export interface LimitRule {
  max: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const LIMITS = {
  /** Per (organization, user name): 5 wrong passwords lock that account's password login 15 min. */
  loginUser: { max: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  /** Per client address, across users: stops one machine walking through user names. */
  loginIp: { max: 30, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  /** PINs are 4–8 digits, so a user's PIN locks after 3 misses. */
  pinUser: { max: 3, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  /** Per enrolled tablet, across users and badges. */
  pinDevice: { max: 10, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
} as const satisfies Record<string, LimitRule>;

/** Throws 429 when any of `keys` is locked now. The counters live in the database for every process. */
export async function assertNotLocked(db: Queryable, keys: readonly string[]): Promise<void> {
  const [row] = await db.query<{ seconds: number | null }>(
    `select ceil(extract(epoch from max(locked_until) - now()))::int as seconds
       from rate_limits where key = any($1) and locked_until > now()`,
    [keys],
  );
  const seconds = row?.seconds;
  if (seconds != null && seconds > 0) {
    const minutes = Math.ceil(seconds / 60);
    throw apiError(
      429,
      'too-many-attempts',
      `尝试次数过多，已暂时锁定，请 ${minutes} 分钟后再试`,
      `Too many failed attempts; locked for ${minutes} more minute${minutes === 1 ? '' : 's'}`,
      { retryAfterSeconds: seconds },
    );
  }
}

/**
 * Counts one failure for `key` in a single statement (safe when processes race): a new window
 * starts when the old one has passed or an old lock has run out; reaching `max` sets the lock.
 */
export async function recordFailure(db: Queryable, key: string, rule: LimitRule): Promise<void> {
  await db.query(
    `insert into rate_limits as r (key, failures, window_started_at, locked_until)
     values ($1, 1, now(), case when $2::int <= 1 then now() + make_interval(secs => $4) end)
     on conflict (key) do update set
       failures = case when r.window_started_at < now() - make_interval(secs => $3) or r.locked_until <= now()
                       then 1 else r.failures + 1 end,
       window_started_at = case when r.window_started_at < now() - make_interval(secs => $3) or r.locked_until <= now()
                                then now() else r.window_started_at end,
       locked_until = case
         when r.window_started_at < now() - make_interval(secs => $3) or r.locked_until <= now()
           then case when $2::int <= 1 then now() + make_interval(secs => $4) end
         when r.failures + 1 >= $2::int then now() + make_interval(secs => $4)
         else r.locked_until end`,
    [key, rule.max, rule.windowSeconds, rule.lockSeconds],
  );
  // Counters of addresses that never come back would pile up: drop those a day past their window.
  await db.query(
    `delete from rate_limits
      where window_started_at < now() - interval '1 day' and (locked_until is null or locked_until < now())`,
  );
}

/** A correct password or PIN clears that account's counter (never the per-address one). */
export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('delete from rate_limits where key = $1', [key]);
}
