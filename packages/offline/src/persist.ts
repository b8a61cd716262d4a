/** How the browser answered the request to keep this site's data under storage pressure. */
export type PersistAnswer = 'granted' | 'denied' | 'unsupported';

/**
 * Asks for persistent storage so the browser does not evict unsynced records when the tablet
 * runs low on space. Chromium grants it silently to installed PWAs and engaged sites.
 */
export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage,
): Promise<PersistAnswer> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}
