import type { AppVersionRow, OfflineStore } from '@gongfang/offline';
import type { AppDefinition, Form } from '@gongfang/schema';

/**
 * The definition in a stored row. A pulled `app` change is `{ app, version, definition }` by the
 * sync contract; older rows hold the definition itself. Both are read.
 */
export function definitionOf(row: AppVersionRow): AppDefinition {
  const d = row.definition as AppDefinition & { definition?: AppDefinition };
  return d.definition && typeof d.definition === 'object' ? d.definition : d;
}

/** The newest published version of every app on the device, by name. */
export async function latestApps(store: OfflineStore): Promise<AppDefinition[]> {
  const rows = await store.db.apps.toArray();
  const newest = new Map<string, AppDefinition>();
  for (const row of rows) {
    const def = definitionOf(row);
    if (!def?.id || !Array.isArray(def.forms)) continue;
    const seen = newest.get(def.id);
    if (!seen || seen.version < def.version) newest.set(def.id, def);
  }
  return [...newest.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** A given version of an app (the one a record was filled with), or its newest. */
export async function appAt(store: OfflineStore, app: string, version?: number): Promise<AppDefinition | undefined> {
  const rows = await store.db.apps.where('app').equals(app).toArray();
  const defs = rows.map(definitionOf).filter((d) => d?.id === app);
  if (version !== undefined) return defs.find((d) => d.version === version) ?? undefined;
  return defs.sort((a, b) => b.version - a.version)[0];
}

export function formOf(app: AppDefinition | undefined, formId: string): Form | undefined {
  return app?.forms.find((f) => f.id === formId);
}

/** Forms the operator may submit (no `permissions.submit` means everyone). */
export function mayFill(form: Form, roles: readonly string[]): boolean {
  const allowed = form.permissions?.submit;
  return !allowed || allowed.length === 0 || allowed.some((r) => roles.includes(r));
}

export function mayView(roles: readonly string[], allowed: readonly string[] | undefined): boolean {
  return !allowed || allowed.length === 0 || allowed.some((r) => roles.includes(r));
}
