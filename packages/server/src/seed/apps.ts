import type { Db } from '../db/Db.ts';

/**
 * The hook that publishes the example apps (examples/<app>/app.json and their seed records) into
 * a freshly seeded organization. The registry is not built yet, so this does nothing; the registry
 * engineer fills it in. It runs once, right after `seedOrganization`, on first start.
 */
export async function seedApps(_db: Db, _orgId: string, _examplesDir: string): Promise<string[]> {
  return [];
}
