// The registry beyond drafts: versions, the diff, templates, apps, sign-in. Same calls as
// client/draftClient.ts (session cookie, CSRF header); `memoryRegistry` stands in on the dev page.
import type { AppDefinition, LocalizedText, Message, Role } from '@gongfang/schema';
import { apiCaller } from '../client/draftClient.ts';

export interface DiffEntry {
  kind: string;
  path: string;
  pointer: string;
  summary: Message;
}
export interface VersionInfo {
  version: number;
  note: string;
  publishedAt?: string;
  publishedBy?: string;
}
export interface AppSummary {
  id: string;
  name: LocalizedText;
  currentVersion: number | null;
  canDesign?: boolean;
}
export interface TemplateInfo {
  id: string;
  name: LocalizedText;
  description?: LocalizedText | null;
  latestVersion: number;
}
export interface Me {
  user: { name: string; displayName?: LocalizedText };
  roles: { id: string }[];
}
export type Outcome = { ok: true } | { ok: false; message: Message };

export interface RegistryClient {
  me(): Promise<Me | null>;
  /** The organization's roles for role pickers, or null when the server cannot be asked. */
  roles(): Promise<Role[] | null>;
  login(user: string, password: string): Promise<Outcome>;
  apps(): Promise<AppSummary[]>;
  /** A new app: from a template version, else with `definition` (or the server's skeleton) as its draft. */
  createApp(
    id: string,
    name: LocalizedText,
    from?: { template?: { id: string; version: number }; definition?: AppDefinition },
  ): Promise<Outcome>;
  /** The current published definition (its field ids are locked), or null before the first publish. */
  published(appId: string): Promise<AppDefinition | null>;
  versions(appId: string): Promise<VersionInfo[]>;
  /** Changes from the published version to the saved draft (the server's diff). */
  diff(appId: string, from: number): Promise<DiffEntry[]>;
  templates(): Promise<TemplateInfo[]>;
  publishTemplate(appId: string, note: string): Promise<Outcome>;
}

const NETWORK: Message = { 'zh-CN': '无法连接服务器', en: 'Cannot reach the server' };
const failed = (json: Record<string, unknown>): Outcome => ({
  ok: false,
  message: (json.message as Message | undefined) ?? NETWORK,
});

export function httpRegistry(base = '', fetchImpl?: typeof fetch): RegistryClient {
  const call = apiCaller(base, fetchImpl);
  const app = (id: string) => `/api/apps/${encodeURIComponent(id)}`;
  return {
    async me() {
      const { status, json } = await call('GET', '/api/me');
      return status === 200 ? (json as unknown as Me) : null;
    },
    async roles() {
      try {
        const { status, json } = await call('GET', '/api/roles');
        return status === 200 ? ((json.roles as Role[] | undefined) ?? null) : null;
      } catch {
        return null;
      }
    },
    async login(user, password) {
      await call('GET', '/api/auth/csrf');
      const { status, json } = await call('POST', '/api/auth/login', { user, password });
      return status === 200 ? { ok: true } : failed(json);
    },
    async apps() {
      const { json } = await call('GET', '/api/apps');
      return (json.apps as AppSummary[] | undefined) ?? [];
    },
    async createApp(id, name, from) {
      const source = from?.template
        ? { fromTemplate: from.template }
        : from?.definition
          ? { definition: { ...from.definition, id, name } }
          : {};
      const { status, json } = await call('POST', '/api/apps', { id, name, ...source });
      return status === 201 ? { ok: true } : failed(json);
    },
    async published(appId) {
      const { json } = await call('GET', app(appId));
      const v = json.currentVersion as number | null | undefined;
      if (!v) return null;
      const one = await call('GET', `${app(appId)}/versions/${v}`);
      return (one.json.definition as AppDefinition | undefined) ?? null;
    },
    async versions(appId) {
      const { json } = await call('GET', `${app(appId)}/versions`);
      return (json.versions as VersionInfo[] | undefined) ?? [];
    },
    async diff(appId, from) {
      const { json } = await call('GET', `${app(appId)}/diff?from=${from}&to=draft`);
      return (json.changes as DiffEntry[] | undefined) ?? [];
    },
    async templates() {
      const { json } = await call('GET', '/api/templates');
      return (json.templates as TemplateInfo[] | undefined) ?? [];
    },
    async publishTemplate(appId, note) {
      const { status, json } = await call('POST', '/api/templates', { app: appId, note });
      return status === 201 ? { ok: true } : failed(json);
    },
  };
}
