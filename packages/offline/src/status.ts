import type { OfflineError } from './errors.ts';

/** What the UI always shows: can we reach the server, what waits, when it last worked. */
export interface SyncStatus {
  online: boolean;
  /** Records saved on the device that the server has not acknowledged. */
  pending: number;
  rejected: number;
  conflict: number;
  /** Mutations queued (records and workflow actions). */
  outbox: number;
  /** Device time (ms) of the last sync that pushed and pulled everything without error. */
  lastSyncAt: number | undefined;
  syncing: boolean;
  lastError: OfflineError | undefined;
  /** The browser's answer to `navigator.storage.persist()`, once asked. */
  persisted: boolean | undefined;
}

/**
 * A tiny external store (subscribe / getSnapshot), the shape React's useSyncExternalStore wants:
 * the snapshot is a new object only when something in it changed.
 */
export class StatusStore {
  private snapshot: SyncStatus;
  private readonly listeners = new Set<() => void>();

  constructor(initial: Partial<SyncStatus> = {}) {
    this.snapshot = {
      online: true,
      pending: 0,
      rejected: 0,
      conflict: 0,
      outbox: 0,
      lastSyncAt: undefined,
      syncing: false,
      lastError: undefined,
      persisted: undefined,
      ...initial,
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): SyncStatus => this.snapshot;

  update(patch: Partial<SyncStatus>): void {
    const keys = Object.keys(patch) as (keyof SyncStatus)[];
    if (keys.every((key) => Object.is(this.snapshot[key], patch[key]))) return;
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}
