import type { AppDefinition } from '@gongfang/schema';
import { api } from './api.ts';
import { getServices } from './services.ts';

interface AppsAnswer {
  apps: { id: string; currentVersion: number | null }[];
}

/**
 * Fetches the published version of every app the operator may use that the device does not hold
 * yet (GET /api/apps, then the version). Sync pulls the same definitions; this makes the home
 * screen complete right after sign-in even before the first pull has finished. Offline: no-op.
 */
export async function refreshApps(): Promise<void> {
  const { store } = getServices();
  try {
    const { apps } = await api<AppsAnswer>('/api/apps');
    for (const app of apps) {
      if (app.currentVersion === null || (await store.appVersion(app.id, app.currentVersion))) continue;
      const answer = await api<{ definition: AppDefinition }>(
        `/api/apps/${encodeURIComponent(app.id)}/versions/${app.currentVersion}`,
      );
      if (answer.definition?.id === app.id) await store.putAppVersion(answer.definition);
    }
  } catch {
    // Offline or refused: the definitions already on the device stay in use.
  }
}
