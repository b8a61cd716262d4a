import type { AppDefinition, Lang, LocalizedText } from '@gongfang/schema';
import { localize } from '@gongfang/schema';
import inventoryApp from '../../../../examples/inventory/app.json';
import inventorySeed from '../../../../examples/inventory/seed.json';
import inspectionApp from '../../../../examples/quality-inspection/app.json';
import handoverApp from '../../../../examples/shift-handover/app.json';
import type { Member } from '../ports/directory.ts';
import type { RecordSummary } from '../ports/records.ts';

/** The three reference apps, as the preview page offers them. */
export const EXAMPLE_APPS: readonly AppDefinition[] = [
  inventoryApp as unknown as AppDefinition,
  inspectionApp as unknown as AppDefinition,
  handoverApp as unknown as AppDefinition,
];

interface SeedUser {
  name: string;
  displayName: LocalizedText;
  roles: string[];
}

/** The demo organization's people (the seed users), named in the UI language. */
export function seedMembers(lang: Lang): Member[] {
  return (inventorySeed.users as SeedUser[]).map((u) => ({
    id: u.name,
    name: localize(u.displayName, lang),
    roles: u.roles,
    detail: u.name,
  }));
}

/** Seed records by form id, for reference fields and options drawn from other forms. */
export const SEED_RECORDS: Record<string, RecordSummary[]> = (() => {
  const out: Record<string, RecordSummary[]> = {};
  for (const r of inventorySeed.records as { id: string; form: string; data: Record<string, unknown> }[]) {
    const list = out[r.form] ?? [];
    list.push({ id: r.id, data: r.data });
    out[r.form] = list;
  }
  return out;
})();
