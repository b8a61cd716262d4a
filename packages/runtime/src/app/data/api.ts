import { type Message, readCookieValue } from './cookies.ts';

/** An answer of the server that is not 2xx, with its localized message when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly localized: Message | undefined;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body.code === 'string' ? body.code : `HTTP ${status}`);
    this.status = status;
    this.code = typeof body.code === 'string' ? body.code : 'http';
    this.localized = isMessage(body.message) ? body.message : undefined;
    this.body = body;
  }
}

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && 'en' in value && 'zh-CN' in value;
}

/** JSON over fetch with the session cookie, and the CSRF double-submit header on unsafe methods. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const csrf = method === 'GET' ? undefined : readCookieValue('gf_csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new ApiError(response.status, body);
  return body as T;
}

/** True when the request failed before the server answered (offline, DNS, reset). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}
