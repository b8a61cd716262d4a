import type { PullResponse, PushRequest, PushResponse } from '@gongfang/schema';
import { OfflineError } from '../errors.ts';

/** Any `fetch`-compatible function: the browser's, or a fake server in tests. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** Server origin and prefix, e.g. `https://mes.example.com` (no trailing slash needed). */
  baseUrl: string;
  fetch?: FetchLike;
  /** Where the CSRF token comes from; defaults to the `gf_csrf` cookie (double-submit). */
  csrfToken?: () => string | undefined;
  /**
   * Longest wait for a response's headers, in ms (default 60 s; 0 waits forever), plus 1 s per
   * 16 KB of the upload, a push's or an attachment's (the headers come after the whole body). A request the
   * Wi-Fi dropped mid-way can otherwise hang until the OS gives up, minutes in which nothing syncs;
   * timed out, it is a network error and retried (the mutation ids make a retry safe).
   */
  timeoutMs?: number;
  /**
   * Send push bodies gzip-compressed (default: where the browser has CompressionStream). A push of
   * stock-ins shrinks ~7x, and on a slow uplink its size is most of its time. A server that answers
   * 415 gets plain bodies from then on.
   */
  compress?: boolean;
}

/** A push body ready to send: JSON, gzip-compressed where it can be. */
export interface EncodedPush {
  json: string;
  body: string | Uint8Array<ArrayBuffer>;
  encoding?: 'gzip';
  /** Bytes on the wire. */
  bytes: number;
}

/** gzip of a text, by the platform's CompressionStream (browsers, Node 18+). */
export async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Bodies from this many characters on are compressed (as @fastify/compress's threshold). */
export const COMPRESS_FROM = 1024;

const plain = (json: string): EncodedPush => ({ json, body: json, bytes: new TextEncoder().encode(json).length });

/** The wait for an answer grows with the upload: 1 s per 16 KB (the headers come after the body). */
const uploadMs = (bytes: number) => Math.ceil(bytes / 16);

/** Reads one cookie from a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function csrfFromCookie(): string | undefined {
  return typeof document === 'undefined' ? undefined : readCookie(document.cookie, 'gf_csrf');
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Network failures, 408, 429 and 5xx are worth retrying; other answers will not change. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof OfflineError)) return false;
  if (error.code === 'network') return true;
  const status = error.status ?? 0;
  return error.code === 'http' && (status === 408 || status === 429 || status >= 500);
}

/**
 * The answer's JSON. A connection cut while the body arrives is a network error (retried, shown as
 * "no network"), not an unexpected one; a body that is not JSON is the server's fault.
 */
async function readBody(response: Response, signal: AbortSignal | undefined): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw new OfflineError('aborted', { cause: error });
    throw new OfflineError('network', { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new OfflineError('http', { status: response.status, cause: error });
  }
}

/** Aborted when either is (AbortSignal.any is missing from tablets older than Chrome 116). */
function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const both = new AbortController();
  for (const signal of [a, b]) {
    if (signal.aborted) both.abort(signal.reason);
    else signal.addEventListener('abort', () => both.abort(signal.reason), { once: true });
  }
  return both.signal;
}

export type UploadOutcome = { ok: true } | { ok: false; status: number };

/** The three requests the device makes, with cookies and the CSRF header on unsafe methods. */
export class Transport {
  private readonly baseUrl: string;
  private readonly fetchFn: FetchLike;
  private readonly csrfToken: () => string | undefined;
  private readonly timeoutMs: number;
  private compress: boolean;

  constructor(options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.csrfToken = options.csrfToken ?? csrfFromCookie;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.compress = options.compress ?? typeof CompressionStream === 'function';
  }

  /** Serializes (and compresses) a push, so it can be made ready while another one travels. */
  async encodePush(request: PushRequest): Promise<EncodedPush> {
    const json = JSON.stringify(request);
    // A body this small gains a few hundred bytes at most, less than the request's headers.
    if (!this.compress || json.length < COMPRESS_FROM) return plain(json);
    const body = await gzip(json);
    return { json, body, encoding: 'gzip', bytes: body.length };
  }

  async push(request: PushRequest | EncodedPush, signal?: AbortSignal): Promise<PushResponse> {
    const encoded = 'json' in request ? request : await this.encodePush(request);
    let response: Response;
    try {
      response = await this.sendPush(encoded, signal);
    } catch (error) {
      // A server (or a proxy) that does not take compressed bodies: plain ones from now on.
      if (!(error instanceof OfflineError) || error.status !== 415 || encoded.encoding === undefined) throw error;
      this.compress = false;
      response = await this.sendPush(plain(encoded.json), signal);
    }
    const parsed = (await readBody(response, signal)) as PushResponse;
    if (!parsed || !Array.isArray(parsed.results)) throw new OfflineError('http', { status: response.status });
    return parsed;
  }

  private sendPush(encoded: EncodedPush, signal: AbortSignal | undefined): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (encoded.encoding) headers['content-encoding'] = encoded.encoding;
    return this.send(
      '/api/sync/push',
      { method: 'POST', headers, body: encoded.body, ...(signal ? { signal } : {}) },
      uploadMs(encoded.bytes),
    );
  }

  async pull(cursor: string, limit: number, signal?: AbortSignal): Promise<PullResponse> {
    const query = new URLSearchParams({ cursor, limit: String(limit) });
    const response = await this.send(`/api/sync/pull?${query}`, { method: 'GET', ...(signal ? { signal } : {}) });
    const parsed = (await readBody(response, signal)) as PullResponse;
    if (!parsed || !Array.isArray(parsed.changes) || typeof parsed.cursor !== 'string') {
      throw new OfflineError('http', { status: response.status });
    }
    return parsed;
  }

  /** PUT an attachment by hash. 200/201/204, and 409 (already there), count as uploaded. */
  async putAttachment(sha256: string, blob: Blob, signal?: AbortSignal): Promise<UploadOutcome> {
    try {
      await this.send(
        `/api/attachments/${sha256}`,
        {
          method: 'PUT',
          headers: { 'content-type': blob.type || 'application/octet-stream' },
          body: blob,
          ...(signal ? { signal } : {}),
        },
        uploadMs(blob.size),
      );
      return { ok: true };
    } catch (error) {
      if (error instanceof OfflineError && error.status === 409) return { ok: true };
      if (error instanceof OfflineError && error.code === 'http' && !isRetryable(error)) {
        return { ok: false, status: error.status ?? 0 };
      }
      throw error;
    }
  }

  private async send(path: string, init: RequestInit, extraMs = 0): Promise<Response> {
    const headers = new Headers(init.headers);
    const token = init.method === 'GET' ? undefined : this.csrfToken();
    if (token) headers.set('x-csrf-token', token);
    const timeout = new AbortController();
    const timer = this.timeoutMs > 0 ? setTimeout(() => timeout.abort(), this.timeoutMs + extraMs) : undefined;
    const signal = init.signal ? anySignal(init.signal, timeout.signal) : timeout.signal;
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}${path}`, { ...init, headers, signal, credentials: 'include' });
    } catch (error) {
      if (init.signal?.aborted) throw new OfflineError('aborted', { cause: error });
      throw new OfflineError('network', { cause: error });
    } finally {
      clearTimeout(timer);
    }
    // The session is gone (expired, revoked, or its cookie lost with a killed browser): no retry
    // brings it back, a sign-in does.
    if (response.status === 401) throw new OfflineError('signed-out', { status: 401 });
    if (!response.ok) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      throw new OfflineError('http', {
        status: response.status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    return response;
  }
}
