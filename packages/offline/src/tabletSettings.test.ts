import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPY_BEHIND, type SyncStorage, TabletSettings } from './tabletSettings.ts';

/** localStorage as a Map; `lose()` is the browser killed before it wrote the last changes to disk. */
class Storage implements SyncStorage {
  items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
  snapshot = () => new Map(this.items);
}

const KEYS = ['gf.deviceId', 'gf.operator', 'gf.lang'];
let n = 0;
const opened: TabletSettings[] = [];
const open = (name: string, storage: Storage) => {
  const s = new TabletSettings(name, KEYS, storage);
  opened.push(s);
  return s;
};
/** A start of the app: the settings of database `name` over `storage`, restored. */
const start = async (name: string, storage: Storage) => {
  const s = open(name, storage);
  await s.restore();
  return s;
};
/** The browser relaunched after a kill: localStorage holds only what had reached the disk. */
const relaunch = (name: string, onDisk: Map<string, string>) => {
  const storage = new Storage();
  storage.items = onDisk;
  return start(name, storage);
};

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  vi.restoreAllMocks();
});

describe('a tablet’s settings', () => {
  it('come back after the browser is killed before localStorage reached the disk', async () => {
    const name = `gf-tablet-${++n}`;
    const storage = new Storage();
    storage.setItem('gf.lang', 'en');
    const settings = await start(name, storage); // first start with a copy: filled from localStorage
    const onDisk = storage.snapshot();
    expect(await settings.set('gf.deviceId', 'tablet-7')).toBe(true);
    expect(await settings.set('gf.operator', '{"id":"liu.yang"}')).toBe(true);
    settings.close();

    const again = await relaunch(name, onDisk);
    expect(again.get('gf.operator')).toBe('{"id":"liu.yang"}');
    expect(again.get('gf.deviceId')).toBe('tablet-7');
    expect(again.get('gf.lang')).toBe('en');
  });

  it('a sign-out is not undone by the older localStorage a killed browser left', async () => {
    const name = `gf-tablet-${++n}`;
    const storage = new Storage();
    const settings = await start(name, storage);
    await settings.set('gf.operator', '{"id":"liu.yang"}');
    const onDisk = storage.snapshot();
    await settings.set('gf.operator', null);
    expect(storage.getItem('gf.operator')).toBeNull();
    settings.close();

    const again = await relaunch(name, onDisk); // its localStorage still says liu.yang
    expect(again.get('gf.operator')).toBeNull();
  });

  it('after a failed durable write, localStorage wins at the next start and the copy catches up', async () => {
    const name = `gf-tablet-${++n}`;
    const storage = new Storage();
    const settings = await start(name, storage);
    await settings.set('gf.operator', '{"id":"a"}');
    const table = (settings as unknown as { table: { put: (...a: unknown[]) => Promise<unknown> } }).table;
    vi.spyOn(table, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    expect(await settings.set('gf.operator', '{"id":"b"}')).toBe(false);
    expect(storage.getItem(COPY_BEHIND)).toBe('1');
    settings.close();

    const again = await start(name, storage);
    expect(again.get('gf.operator')).toBe('{"id":"b"}');
    expect(storage.getItem(COPY_BEHIND)).toBeNull();
    again.close();
    // The copy has b now: a later loss of localStorage brings back b, not a.
    const third = await relaunch(name, new Map());
    expect(third.get('gf.operator')).toBe('{"id":"b"}');
  });

  it('without a working IndexedDB, restore leaves localStorage as it is', async () => {
    const storage = new Storage();
    storage.setItem('gf.operator', '{"id":"a"}');
    const settings = new TabletSettings(`gf-tablet-${++n}`, KEYS, storage, {
      indexedDB: {
        open: () => {
          throw new DOMException('blocked', 'SecurityError');
        },
      } as unknown as IDBFactory,
    });
    opened.push(settings);
    await expect(settings.restore()).resolves.toBeUndefined();
    expect(storage.getItem('gf.operator')).toBe('{"id":"a"}');
  });
});
