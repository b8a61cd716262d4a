import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from './persist.ts';
import { StatusStore } from './status.ts';

describe('StatusStore', () => {
  it('notifies subscribers and keeps the snapshot identity when nothing changed', () => {
    const status = new StatusStore();
    const listener = vi.fn();
    const unsubscribe = status.subscribe(listener);
    const before = status.getSnapshot();
    status.update({ pending: 0, online: true });
    expect(status.getSnapshot()).toBe(before);
    expect(listener).not.toHaveBeenCalled();
    status.update({ pending: 3 });
    expect(status.getSnapshot()).not.toBe(before);
    expect(status.getSnapshot().pending).toBe(3);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    status.update({ pending: 4 });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('requestPersistentStorage', () => {
  it('reports the browser answer', async () => {
    const granted = { persisted: async () => false, persist: async () => true };
    const denied = { persisted: async () => false, persist: async () => false };
    const already = { persisted: async () => true, persist: vi.fn(async () => false) };
    expect(await requestPersistentStorage(granted)).toBe('granted');
    expect(await requestPersistentStorage(denied)).toBe('denied');
    expect(await requestPersistentStorage(already)).toBe('granted');
    expect(already.persist).not.toHaveBeenCalled();
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
  });
});
