import Dexie, { type Table } from 'dexie';
import { DURABILITY } from './db.ts';

/** Marks that the durable copy has been filled once (from localStorage, on the first start with it). */
const FILLED = '\u0000filled';
/** Set in localStorage when a durable write failed (a full disk): the copy is behind, localStorage wins. */
export const COPY_BEHIND = 'gf.durableCopyBehind';

/** Where the settings are read synchronously and written first: localStorage in a page. */
export interface SyncStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * A tablet's own settings (its device id, who is signed in, its language) as the app reads them:
 * synchronously, from localStorage. Chromium writes localStorage to disk only seconds after a
 * change, so a tablet whose browser was killed soon after a sign-in (a crash, a flat battery) came
 * back signed out, in the other language and under a new device id. Every write here is also
 * committed to IndexedDB, in a database of its own with strict durability, and `restore()` (at
 * start, before anything reads the settings) puts that copy back into localStorage.
 */
export class TabletSettings {
  private readonly db: Dexie;
  private readonly table: Table<string, string>;

  constructor(
    name: string,
    private readonly keys: readonly string[],
    private readonly storage: SyncStorage,
    options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    this.db = new Dexie(name, { chromeTransactionDurability: DURABILITY, ...options });
    this.db.version(1).stores({ settings: '' });
    this.table = this.db.table('settings');
  }

  get(key: string): string | null {
    return this.storage.getItem(key);
  }

  /**
   * Writes `key` (null removes it) to localStorage at once; resolves true once the durable copy has
   * it too, false when that write failed (the copy is then marked behind: see `restore`).
   */
  set(key: string, value: string | null): Promise<boolean> {
    if (value === null) this.storage.removeItem(key);
    else this.storage.setItem(key, value);
    const write = value === null ? this.table.delete(key) : this.table.put(value, key);
    return write.then(
      () => true,
      () => {
        // The next start must not put the copy's older value back.
        this.storage.setItem(COPY_BEHIND, '1');
        return false;
      },
    );
  }

  /**
   * Makes localStorage say what the durable copy says, for every key (a key the copy lacks is
   * removed). On the first start with a copy, and after a failed durable write, it goes the other
   * way: the copy is filled from localStorage. Never throws: without IndexedDB the settings are
   * what localStorage has.
   */
  async restore(): Promise<void> {
    try {
      const [filled, ...values] = await this.table.bulkGet([FILLED, ...this.keys]);
      if (filled === undefined || this.storage.getItem(COPY_BEHIND) === '1') {
        await this.db.transaction('rw', this.table, async () => {
          await this.table.clear();
          for (const key of this.keys) {
            const value = this.storage.getItem(key);
            if (value !== null) await this.table.put(value, key);
          }
          await this.table.put('1', FILLED);
        });
        this.storage.removeItem(COPY_BEHIND);
        return;
      }
      for (const [i, key] of this.keys.entries()) {
        const value = values[i];
        if (value === undefined) this.storage.removeItem(key);
        else if (this.storage.getItem(key) !== value) this.storage.setItem(key, value);
      }
    } catch {
      // IndexedDB unavailable or broken: localStorage as it is.
    }
  }

  close(): void {
    this.db.close();
  }
}
