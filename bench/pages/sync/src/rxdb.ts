/**
 * The sync benchmark's page for RxDB (its own page: RxDB brings its own Dexie) (issue 7 row 9), driven by bench/src/sync.bench.ts through
 * `window.syncBench`. Each run fills a fresh database with the same records offline (not timed),
 * then drains them to a server (timed, under the network emulation the bench sets):
 *  - ours: OfflineStore.submitRecord for each, then SyncClient.syncNow against the real server's
 *    POST /api/sync/push (same origin, the session cookie and CSRF token of a signed-in user);
 *  - rxdb: RxDB 17 on its free Dexie.js storage, bulkInsert, then one-shot HTTP replication
 *    (push only) against the bench's POST /api/rx/push.
 * Both push 100 records a request.
 */
import { createRxDatabase, type RxJsonSchema } from 'rxdb/plugins/core';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { type BenchRecord, drain, setDrain } from './common.ts';

const schema: RxJsonSchema<BenchRecord> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    app: { type: 'string' },
    form: { type: 'string' },
    version: { type: 'number' },
    data: { type: 'object' },
  },
  required: ['id', 'app', 'form', 'version', 'data'],
};

async function prepareRx(name: string, records: BenchRecord[]): Promise<void> {
  const db = await createRxDatabase({ name, storage: getRxStorageDexie() });
  await db.addCollections({ records: { schema } });
  const collection = db.records;
  if (!collection) throw new Error('rxdb: no records collection');
  const inserted = await collection.bulkInsert(records);
  if (inserted.error.length > 0) throw new Error(`rxdb: ${inserted.error.length} inserts failed`);
  setDrain(async () => {
    const start = performance.now();
    const replication = replicateRxCollection<BenchRecord, unknown>({
      collection,
      replicationIdentifier: `bench-push-${name}`,
      live: false,
      push: {
        batchSize: 100,
        handler: async (rows) => {
          const response = await fetch('/api/rx/push', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(rows),
          });
          if (!response.ok) throw new Error(`rx push: ${response.status}`);
          return (await response.json()) as BenchRecord[];
        },
      },
    });
    let failed: unknown;
    replication.error$.subscribe((e) => {
      failed = e;
    });
    await replication.awaitInitialReplication();
    const ms = performance.now() - start;
    await replication.cancel();
    await db.close();
    if (failed) throw new Error(`rxdb replication failed: ${String(failed)}`);
    return ms;
  });
}

declare global {
  interface Window {
    syncBench: { prepareRx: typeof prepareRx; drain: typeof drain };
  }
}

window.syncBench = { prepareRx, drain };
