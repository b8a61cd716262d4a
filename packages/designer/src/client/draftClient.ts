// Where drafts are saved and published. The editor core never speaks HTTP: it talks to this
// interface; `httpDraftClient` is packages/server's registry API, `memoryDraftClient` stands in
// for it in tests and on the dev page.
import type { AppDefinition, Message } from '@gongfang/schema';

export interface SavedDraft {
  definition: AppDefinition;
  revision: number;
}

export type SaveResult =
  | { ok: true; revision: number }
  /** Someone saved in between: the caller shows it; nothing is overwritten. */
  | { ok: false; conflict: true; message: Message }
  | { ok: false; conflict: false; message: Message };

export type PublishResult =
  | { ok: true; version: number }
  /** The change would strand data in existing records: ask, then publish again with `confirm`. */
  | { ok: false; code: 'confirm-required'; message: Message; details?: unknown }
  | { ok: false; code: string; message: Message; details?: unknown };

export interface DraftClient {
  load(appId: string): Promise<SavedDraft>;
  save(appId: string, definition: AppDefinition, revision: number): Promise<SaveResult>;
  publish(appId: string, options: { note?: string; confirm?: boolean; mapping?: unknown }): Promise<PublishResult>;
}

interface ApiError {
  code?: string;
  message?: Message;
  details?: unknown;
}

const NETWORK: Message = { 'zh-CN': '无法连接服务器', en: 'Cannot reach the server' };

function csrfToken(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return /(?:^|; )gf_csrf=([^;]+)/.exec(document.cookie)?.[1];
}

/** packages/server's registry: GET/PUT /api/apps/:id/draft, POST /api/apps/:id/publish. */
/** One JSON call to the server with the session cookie and the CSRF token; `{ status, json }`. */
export function apiCaller(base = '', fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  return async (method: string, path: string, body?: unknown) => {
    const token = csrfToken();
    const res = await fetchImpl(`${base}${path}`, {
      method,
      credentials: 'same-origin',
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { 'x-csrf-token': token } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    return { status: res.status, json };
  };
}

export function httpDraftClient(base = '', fetchImpl: typeof fetch = (...a) => fetch(...a)): DraftClient {
  const call = apiCaller(base, fetchImpl);
  const app = (id: string) => `/api/apps/${encodeURIComponent(id)}`;
  return {
    async load(appId) {
      const { status, json } = await call('GET', `${app(appId)}/draft`);
      if (status !== 200) throw new Error((json as ApiError).message?.en ?? `HTTP ${status}`);
      return { definition: json.definition as AppDefinition, revision: json.revision as number };
    },
    async save(appId, definition, revision) {
      try {
        const { status, json } = await call('PUT', `${app(appId)}/draft`, { definition, revision });
        if (status === 200) return { ok: true, revision: json.revision as number };
        const err = json as ApiError;
        return { ok: false, conflict: status === 409, message: err.message ?? NETWORK };
      } catch {
        return { ok: false, conflict: false, message: NETWORK };
      }
    },
    async publish(appId, options) {
      const { status, json } = await call('POST', `${app(appId)}/publish`, options);
      if (status === 201) return { ok: true, version: json.version as number };
      const err = json as ApiError;
      // The server puts details beside code and message (`errors`, `stranded`, `missing`).
      return {
        ok: false,
        code: err.code ?? `http-${status}`,
        message: err.message ?? NETWORK,
        details: err.details ?? json,
      };
    },
  };
}

/** An in-page stand-in with the server's optimistic concurrency (stale revision → conflict). */
export function memoryDraftClient(initial?: SavedDraft): DraftClient & { current(): SavedDraft | undefined } {
  let draft = initial ? structuredClone(initial) : undefined;
  let version = 0;
  return {
    current: () => draft,
    async load() {
      if (!draft) throw new Error('no draft');
      return structuredClone(draft);
    },
    async save(_appId, definition, revision) {
      if (draft && draft.revision !== revision) {
        return {
          ok: false,
          conflict: true,
          message: { 'zh-CN': '草稿已被他人修改', en: 'The draft was changed by someone else' },
        };
      }
      draft = { definition: structuredClone(definition), revision: (draft?.revision ?? revision) + 1 };
      return { ok: true, revision: draft.revision };
    },
    async publish() {
      version++;
      return { ok: true, version };
    },
  };
}
