import type { FetchLike } from '@gongfang/offline';

/**
 * The sync contract sends `app` changes as `{ app, version, definition }` and `task` changes as
 * `{ task }`; @gongfang/offline stores a change's `data` as the definition / task itself. Until
 * it reads the contract's shape, pulled pages are unwrapped here, on the way in.
 */
export const contractFetch: FetchLike = async (url, init) => {
  const response = await fetch(url, init);
  if (!response.ok || !url.includes('/api/sync/pull')) return response;
  const page = (await response.json()) as { changes?: { type: string; data: Record<string, unknown> }[] };
  for (const change of page.changes ?? []) {
    const d = change.data;
    if (change.type === 'app' && d.definition && typeof d.definition === 'object') {
      change.data = { ...(d.definition as Record<string, unknown>), id: d.app, version: d.version };
    } else if (change.type === 'task' && d.task && typeof d.task === 'object') {
      change.data = d.task as Record<string, unknown>;
    }
  }
  return new Response(JSON.stringify(page), { status: response.status, headers: response.headers });
};
