import type { Message } from '@gongfang/schema';
import { message } from '@gongfang/schema';

/** Why an offline operation failed. The UI picks what to show by `code`, the text by language. */
export type OfflineErrorCode =
  | 'quota-exceeded'
  | 'db-unavailable'
  | 'db-blocked'
  | 'db-version-change'
  | 'network'
  | 'http'
  | 'signed-out'
  | 'not-found'
  | 'invalid-state'
  | 'aborted'
  | 'unexpected';

const TEXTS: Record<OfflineErrorCode, Message> = {
  'quota-exceeded': message(
    '设备存储空间已满，新的内容未能保存。已保存的记录不受影响；请同步后删除旧照片或释放空间。',
    'The device storage is full, so the new content was not saved. What was already saved is safe; sync, then remove old photos or free up space.',
  ),
  'db-unavailable': message(
    '无法打开本地数据库。已保存的记录仍在设备上；请重新加载页面。',
    'The local database could not be opened. Saved records are still on the device; please reload the page.',
  ),
  'db-blocked': message(
    '本地数据库正被另一个窗口占用，请关闭其他工坊窗口后重试。',
    'The local database is held by another window. Close other Gongfang windows and try again.',
  ),
  'db-version-change': message(
    '应用已在另一个窗口更新，请重新加载页面。',
    'The app was updated in another window. Please reload the page.',
  ),
  network: message(
    '网络不可用，记录已保存在设备上，联网后会自动同步。',
    'No network. Records are saved on the device and will sync when online.',
  ),
  http: message(
    '服务器暂时无法处理请求，稍后会自动重试。',
    'The server could not handle the request; it will be retried automatically.',
  ),
  'signed-out': message(
    '登录已失效，请重新登录后同步。在此平板上填写的内容会一直保留，直到同步完成。',
    'Your sign-in has expired: sign in again to sync. What was filled on this tablet stays here until it is synced.',
  ),
  'not-found': message('找不到该记录。', 'The record was not found.'),
  'invalid-state': message(
    '该记录当前状态不允许此操作。',
    'This action is not possible for the record in its current state.',
  ),
  aborted: message('同步已停止。', 'Sync was stopped.'),
  unexpected: message(
    '同步时发生意外错误，稍后会自动重试。',
    'Something unexpected went wrong while syncing; it will be retried.',
  ),
};

/** Every error @gongfang/offline surfaces: a stable `code`, a localized text, and the cause. */
export class OfflineError extends Error {
  override readonly name = 'OfflineError';
  readonly code: OfflineErrorCode;
  /** What to show the user, in both UI languages. */
  readonly localized: Message;
  /** HTTP status, for `http` errors. */
  readonly status: number | undefined;
  /** The server's Retry-After, in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: OfflineErrorCode,
    options: { cause?: unknown; status?: number; retryAfterMs?: number; text?: Message } = {},
  ) {
    const localized = options.text ?? TEXTS[code];
    super(localized.en, { cause: options.cause });
    this.code = code;
    this.localized = localized;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isOfflineError(error: unknown): error is OfflineError {
  return error instanceof OfflineError;
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Quota errors arrive as Dexie's `QuotaExceededError`, a DOMException of that name, or either one
 * wrapped as the `inner` of an AbortError when the transaction, not the request, was aborted.
 */
export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (errorName(current) === 'QuotaExceededError') return true;
    const next = current as { inner?: unknown; cause?: unknown };
    current = next.inner ?? next.cause;
  }
  return false;
}

/** The connection is gone (closed by Dexie on a version change, by the browser, or never opened). */
export function isClosedError(error: unknown): boolean {
  const name = errorName(error);
  return name === 'DatabaseClosedError' || name === 'InvalidStateError' || name === 'OpenFailedError';
}
