// The admin pages' view of packages/server: users, roles, versions, templates, audit, webhooks.
// Every call goes through `request`, which sends the CSRF header and turns the server's
// `{ code, message }` into an `AdminError` the pages show in the user's language.
import type { LocalizedText, Message } from '@gongfang/schema';

export class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Message | undefined,
    readonly body: Record<string, unknown> = {},
  ) {
    super(text?.en ?? code);
  }
}

export interface Role {
  id: string;
  name: LocalizedText;
}
export interface User {
  id: string;
  name: string;
  displayName: LocalizedText;
  roles: string[];
  leadId: string | null;
  active: boolean;
  hasPin: boolean;
  hasBadge: boolean;
}
export interface UserChanges {
  displayName?: LocalizedText;
  password?: string;
  roles?: string[];
  leadId?: string | null;
  pin?: string | null;
  badge?: string | null;
  active?: boolean;
}
export interface Me {
  user: { id: string; name: string; displayName: LocalizedText };
  roles: Role[];
  org: { id: string; name: LocalizedText };
}
export interface AppSummary {
  id: string;
  name: LocalizedText;
  latestVersion: number | null;
  currentVersion: number | null;
}
export interface AppVersion {
  version: number;
  note: string;
  publishedAt: string;
  publishedBy: string;
  rollbackOf?: number | null;
}
export interface Change {
  kind: string;
  path: string;
  pointer: string;
  before?: unknown;
  after?: unknown;
  summary: Message;
}
export interface TemplateVersion {
  template: string;
  version: number;
  note: string;
  publishedAt: string;
  publishedBy: string;
  source: { app: string; version: number };
}
export interface Template {
  id: string;
  name: LocalizedText;
  description: LocalizedText | null;
  latestVersion: number;
  versions: TemplateVersion[];
}
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  hash: string;
}
export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}
export interface AuditVerify {
  ok: boolean;
  entries: number;
  broken?: { seq: number; reason: string };
}
export type WebhookFormat = 'dingtalk' | 'wecom' | 'generic';
export interface Webhook {
  id: string;
  name: string;
  url: string;
  events: string[];
  format: WebhookFormat;
  active: boolean;
  secretHint?: string;
  /** Only in the answer that created the webhook. */
  secret?: string;
  createdAt: string;
}
export type WebhookInput = Pick<Webhook, 'name' | 'url' | 'events' | 'format'> & { secret?: string; active?: boolean };
export interface Delivery {
  id: number;
  event: string;
  attempt: number;
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  at: string;
}
export interface Organization {
  id: string;
  name: LocalizedText;
  users: number;
  activeUsers: number;
  roles: number;
  apps: number;
  devices: number;
  templates: number;
}

const NETWORK: Message = {
  'zh-CN': '无法连接服务器，请检查网络后重试',
  en: 'Cannot reach the server; check the network and retry',
};

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && 'zh-CN' in value && 'en' in value;
}

function csrfToken(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return /(?:^|; )gf_csrf=([^;]+)/.exec(document.cookie)?.[1];
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function createAdminApi(base = '', fetchImpl: Fetch = (i, init) => fetch(i, init)) {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = method === 'GET' ? undefined : csrfToken();
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}`, {
        method,
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { 'x-csrf-token': token } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new AdminError(0, 'network', NETWORK);
    }
    if (res.status === 204) return undefined as T;
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) {
      const code = typeof json.code === 'string' ? json.code : `http-${res.status}`;
      throw new AdminError(res.status, code, isMessage(json.message) ? json.message : undefined, json);
    }
    return json as T;
  }
  const q = (params: Record<string, string | number | undefined>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
    const text = s.toString();
    return text ? `?${text}` : '';
  };
  const id = encodeURIComponent;
  return {
    me: () => request<Me>('GET', '/api/me'),
    csrf: () => request<unknown>('GET', '/api/auth/csrf'),
    login: (user: string, password: string) => request<unknown>('POST', '/api/auth/login', { user, password }),
    logout: () => request<unknown>('POST', '/api/auth/logout'),
    users: () => request<{ users: User[] }>('GET', '/api/admin/users').then((r) => r.users),
    createUser: (u: UserChanges & { name: string; displayName: LocalizedText; password: string; roles: string[] }) =>
      request<User>('POST', '/api/admin/users', u),
    updateUser: (userId: string, changes: UserChanges) =>
      request<User>('PATCH', `/api/admin/users/${id(userId)}`, changes),
    roles: () => request<{ roles: Role[] }>('GET', '/api/admin/roles').then((r) => r.roles),
    createRole: (role: Role) => request<Role>('POST', '/api/admin/roles', role),
    renameRole: (roleId: string, name: LocalizedText) =>
      request<Role>('PATCH', `/api/admin/roles/${id(roleId)}`, { name }),
    apps: () => request<{ apps: AppSummary[] }>('GET', '/api/apps').then((r) => r.apps),
    appVersions: (app: string) =>
      request<{ versions: AppVersion[] }>('GET', `/api/apps/${id(app)}/versions`).then((r) => r.versions),
    appDiff: (app: string, from: string, to: string) =>
      request<{ changes: Change[] }>('GET', `/api/apps/${id(app)}/diff${q({ from, to })}`).then((r) => r.changes),
    templates: () => request<{ templates: Template[] }>('GET', '/api/templates').then((r) => r.templates),
    templateDiff: (template: string, from: number, to: number) =>
      request<{ changes: Change[] }>('GET', `/api/templates/${id(template)}/diff${q({ from, to })}`).then(
        (r) => r.changes,
      ),
    audit: (filter: AuditFilter, before?: number, limit = 50) =>
      request<{ entries: AuditEntry[]; nextBefore: number | null }>(
        'GET',
        `/api/audit${q({ ...filter, before, limit })}`,
      ),
    verifyAudit: () => request<AuditVerify>('GET', '/api/audit/verify'),
    webhooks: () => request<{ webhooks: Webhook[] }>('GET', '/api/webhooks').then((r) => r.webhooks),
    createWebhook: (w: WebhookInput) => request<Webhook>('POST', '/api/webhooks', w),
    updateWebhook: (hookId: string, w: Partial<WebhookInput>) =>
      request<Webhook>('PATCH', `/api/webhooks/${id(hookId)}`, w),
    deleteWebhook: (hookId: string) => request<void>('DELETE', `/api/webhooks/${id(hookId)}`),
    testWebhook: (hookId: string) => request<{ outboxId: number }>('POST', `/api/webhooks/${id(hookId)}/test`, {}),
    deliveries: (hookId: string) =>
      request<{ deliveries: Delivery[] }>('GET', `/api/webhooks/${id(hookId)}/deliveries?limit=50`).then(
        (r) => r.deliveries,
      ),
    orgs: () => request<{ orgs: Organization[] }>('GET', '/api/admin/orgs').then((r) => r.orgs),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
