/*
 * Published definitions as ledgers, views and export read them: the app's current version, or
 * a given version (records are shown with the version they were filled with).
 */
import type { AppDefinition, Ledger } from '@gongfang/schema';
import type { Auth } from '../context.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';

export interface PublishedApp {
  definition: AppDefinition;
  version: number;
}

/** The version new records are filled with; 404 when the app is unknown or unpublished here. */
export async function currentApp(db: Queryable, orgId: string, appId: string): Promise<PublishedApp> {
  const [row] = await db.query<{ definition: AppDefinition; version: number }>(
    `select v.definition, v.version from apps a
       join app_versions v on v.org_id = a.org_id and v.app_id = a.id and v.version = a.current_version
      where a.org_id = $1 and a.id = $2`,
    [orgId, appId],
  );
  if (!row) throw apiError(404, 'app-not-found', '找不到该应用', 'No such app', { app: appId });
  return row;
}

/** Every published version of an app, by number (export shows each record with its own). */
export async function appVersions(db: Queryable, orgId: string, appId: string): Promise<Map<number, AppDefinition>> {
  const rows = await db.query<{ version: number; definition: AppDefinition }>(
    'select version, definition from app_versions where org_id = $1 and app_id = $2',
    [orgId, appId],
  );
  return new Map(rows.map((r) => [r.version, r.definition]));
}

export function findLedger(app: AppDefinition, ledgerId: string): Ledger {
  const ledger = app.ledgers?.find((l) => l.id === ledgerId);
  if (!ledger) throw apiError(404, 'ledger-not-found', '找不到该台账', 'No such ledger', { ledger: ledgerId });
  return ledger;
}

/**
 * Who may read a ledger's balances: the roles that submit to or see all records of a form posting
 * to it (their tablets check guards offline), the roles of views over it, the guards' exception
 * roles, and IT admins.
 */
export function ledgerReaders(app: AppDefinition, ledger: Ledger): Set<string> {
  const roles = new Set<string>(['it_admin']);
  for (const form of app.forms) {
    if (!form.postings?.some((p) => p.ledger === ledger.id)) continue;
    for (const r of form.permissions.submit) roles.add(r);
    for (const r of form.permissions.viewAll ?? []) roles.add(r);
  }
  for (const view of app.views ?? []) {
    if (view.type === 'aggregate' && 'ledger' in view.source && view.source.ledger === ledger.id) {
      for (const r of view.roles ?? []) roles.add(r);
    }
  }
  for (const g of ledger.guards ?? []) roles.add(g.exceptionRole);
  return roles;
}

export function assertAnyRole(auth: Auth, allowed: ReadonlySet<string>): void {
  if (!auth.roles.some((r) => allowed.has(r))) {
    throw apiError(403, 'forbidden', '您的角色无权查看此内容', 'Your role may not see this', {
      requiredRoles: [...allowed],
    });
  }
}
