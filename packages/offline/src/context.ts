import type { Connection } from './connection.ts';
import { OfflineError } from './errors.ts';

/** What the store's parts share: the connection, who is signed in, the clock, change events. */
export interface StoreContext {
  conn: Connection;
  deviceId: string;
  now: () => number;
  /** The signed-in user; every draft, record and mutation written now is attributed to them. */
  user: () => string | undefined;
  /** Tells subscribers (status, sync triggers) what changed. */
  emit: (change: StoreChange) => void;
}

export type StoreChange = 'draft' | 'record' | 'outbox' | 'sync' | 'attachment' | 'app';

export function requireUser(ctx: StoreContext): string {
  const user = ctx.user();
  if (!user) {
    throw new OfflineError('invalid-state', {
      text: { 'zh-CN': '请先登录再保存。', en: 'Sign in before saving.' },
    });
  }
  return user;
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Size of a value as UTF-8 JSON, for batching by bytes. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}
