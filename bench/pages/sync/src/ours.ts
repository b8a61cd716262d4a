/**
 * The sync benchmark's page for ours (issue 7 row 9), driven by bench/src/sync.bench.ts through
 * `window.syncBench`. Each run fills a fresh database with the same records offline (not timed),
 * then drains them to a server (timed, under the network emulation the bench sets):
 *  - ours: OfflineStore.submitRecord for each, then SyncClient.syncNow against the real server's
 *    POST /api/sync/push (same origin, the session cookie and CSRF token of a signed-in user);
 *  - rxdb: RxDB 17 on its free Dexie.js storage, bulkInsert, then one-shot HTTP replication
 *    (push only) against the bench's POST /api/rx/push.
 * Each side syncs with its own defaults: ours 200 mutations a push (the contract's most, or 512 KB
 * of JSON), gzip-compressed, the next push made ready while one travels; RxDB 100 a push (its
 * default push batchSize), plain JSON.
 */
import { OfflineStore, SyncClient } from '@gongfang/offline';
import { type BenchRecord, drain, setDrain } from './common.ts';

async function prepareOurs(name: string, user: string, records: BenchRecord[]): Promise<void> {
  const store = new OfflineStore({ name, deviceId: `bench-browser-${name}` });
  store.signIn(user);
  // Saved 50 at a time (set-up, not timed): each is still its own record + mutation transaction.
  for (let i = 0; i < records.length; i += 50) {
    await Promise.all(records.slice(i, i + 50).map((r) => store.submitRecord(r)));
  }
  if ((await store.counts()).outbox !== records.length) throw new Error('ours: outbox does not hold every record');
  let pushedAt = 0;
  const client = new SyncClient({
    store,
    intervalMs: 0,
    transport: {
      baseUrl: '',
      // Timing ends when the pushes are answered and applied: the pull that follows in the same
      // cycle is answered here, empty and off the network, so it is not counted.
      fetch: (url, init) => {
        if (!url.includes('/api/sync/pull')) return fetch(url, init);
        pushedAt ||= performance.now();
        const cursor = new URL(url, location.href).searchParams.get('cursor') ?? '';
        return Promise.resolve(Response.json({ changes: [], cursor, more: false }));
      },
    },
  });
  setDrain(async () => {
    const start = performance.now();
    const report = await client.syncNow();
    const counts = await store.counts();
    const refused = (await store.refused())[0];
    await client.stop();
    store.close();
    if (refused)
      throw new Error(`ours: the server refused a record: ${JSON.stringify({ ...refused, entry: undefined })}`);
    if (!report.ok || report.pushed !== records.length || counts.outbox + counts.pending + counts.rejected > 0) {
      throw new Error(
        `ours: pushed ${report.pushed} of ${records.length}, outbox ${counts.outbox}, pending ${counts.pending}, ${report.error?.localized.en ?? ''}`,
      );
    }
    return pushedAt - start;
  });
}

declare global {
  interface Window {
    syncBench: { prepareOurs: typeof prepareOurs; drain: typeof drain };
  }
}

window.syncBench = { prepareOurs, drain };
