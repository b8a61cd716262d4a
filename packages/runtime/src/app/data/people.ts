import { useCallback, useSyncExternalStore } from 'react';
import { localizeName } from './names.ts';

interface CachedMember {
  name: string;
  displayName?: { 'zh-CN'?: string; en?: string };
}

const DIRECTORY_KEY = 'gf.directory';
const listeners = new Set<() => void>();
let cachedRaw: string | null = null;
let cached = new Map<string, CachedMember>();

/** The directory as last fetched (loadDirectory keeps it in localStorage for offline use), by user name. */
function members(): Map<string, CachedMember> {
  const raw = localStorage.getItem(DIRECTORY_KEY);
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    try {
      const answer = JSON.parse(raw ?? 'null') as { members?: CachedMember[] } | null;
      cached = new Map((answer?.members ?? []).map((m) => [m.name, m]));
    } catch {
      cached = new Map();
    }
  }
  return cached;
}

/** A person's display name in the UI language ("孙丽" / "Sun Li"), or the user name when unknown. */
export function personName(user: string, lang: string): string {
  return localizeName(members().get(user)?.displayName, lang, user);
}

/** Tells the screens showing names that the cached directory changed (loadDirectory calls it). */
export function directoryChanged(): void {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the app may refresh the cache.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/**
 * `personName` for a screen: it renders again with display names once the directory arrives (the
 * first visit of a tablet has no cached copy yet).
 */
export function usePersonName(lang: string): (user: string) => string {
  const raw = useSyncExternalStore(subscribe, () => localStorage.getItem(DIRECTORY_KEY));
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new directory (raw) makes a new function.
  return useCallback((user: string) => personName(user, lang), [lang, raw]);
}
