import { OfflineStore, requestPersistentStorage, SyncClient, uuidv7 } from '@gongfang/offline';
import { readSetting, writeSetting } from './tablet.ts';

/** This tablet's id: made once, kept in its settings, stamped on every record filled here. */
function deviceId(): string {
  let id = readSetting('gf.deviceId');
  if (!id) {
    id = uuidv7();
    writeSetting('gf.deviceId', id);
  }
  return id;
}

export interface Services {
  store: OfflineStore;
  sync: SyncClient;
}

let services: Services | undefined;

/** One store and one sync client per page, against the server that served the page. */
export function getServices(): Services {
  if (services) return services;
  const store = new OfflineStore({ name: `gongfang-${location.host}`, deviceId: deviceId() });
  const sync = new SyncClient({ store, transport: { baseUrl: '' } });
  void requestPersistentStorage().then((answer) => sync.status.update({ persisted: answer === 'granted' }));
  // After each successful sync the photos the server now has leave the tablet (a tablet taking
  // photos every shift would otherwise fill up); with nothing to collect this is one read.
  let syncedAt: number | undefined;
  sync.status.subscribe(() => {
    const { lastSyncAt } = sync.status.getSnapshot();
    if (lastSyncAt === undefined || lastSyncAt === syncedAt) return;
    syncedAt = lastSyncAt;
    void store.collectAttachments().catch(() => undefined);
  });
  services = { store, sync };
  return services;
}
