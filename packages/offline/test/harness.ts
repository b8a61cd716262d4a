import { OfflineStore } from '../src/OfflineStore.ts';
import { SyncClient, type SyncClientOptions } from '../src/sync/SyncClient.ts';
import { FakeServer } from './fakeServer.ts';

let counter = 0;

/** A fresh store on its own fake-indexeddb database, signed in as `user`. */
export function makeStore(user: string | null = 'wang'): OfflineStore {
  const store = new OfflineStore({ name: `gf-test-${++counter}-${Math.random()}`, deviceId: 'tablet-7' });
  if (user) store.signIn(user);
  return store;
}

export function makeClient(
  store: OfflineStore,
  server: FakeServer,
  options: Partial<SyncClientOptions> = {},
): SyncClient {
  return new SyncClient({
    store,
    transport: { baseUrl: 'https://gf.test/', fetch: server.fetch, csrfToken: () => server.csrfToken },
    intervalMs: 0,
    random: () => 1,
    ...options,
  });
}

export const stockIn = (qty: number, extra: Record<string, unknown> = {}) => ({
  app: 'inventory',
  form: 'stock_in',
  version: 1,
  data: { item: 'M-100', qty, ...extra },
});

export { FakeServer };

/** A field of a record's data (the generated envelope types `data` as `{}`). */
export function field(envelope: { data: object } | undefined, name: string): unknown {
  return envelope ? (envelope.data as Record<string, unknown>)[name] : undefined;
}
