import type { AppDefinition, Change } from '@gongfang/schema';
import { balanceChangesSince } from '../ledger/balances.ts';
import { canUseApp } from '../records/access.ts';
import type { ChangeQuery } from './changeSources.ts';

/** Ledger balances of the apps the user may use (their current version decides), for offline guards. */
export async function balanceChanges({ tx, auth, cursor, limit }: ChangeQuery): Promise<Change[]> {
  const apps = await tx.query<{ id: string; definition: AppDefinition }>(
    `select a.id, v.definition from apps a
       join app_versions v on v.org_id = a.org_id and v.app_id = a.id and v.version = a.current_version
      where a.org_id = $1`,
    [auth.orgId],
  );
  const usable = apps.filter((a) => (a.definition.ledgers?.length ?? 0) > 0 && canUseApp(a.definition, auth.roles));
  if (usable.length === 0) return [];
  const rows = await balanceChangesSince(
    tx,
    auth.orgId,
    cursor,
    limit + 1,
    usable.map((a) => a.id),
  );
  return rows.map((r) => ({ seq: r.seq, type: 'balance', data: { ...r.data } }));
}
