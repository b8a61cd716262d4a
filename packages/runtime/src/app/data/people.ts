import { localizeName } from './names.ts';

interface CachedMember {
  name: string;
  displayName?: { 'zh-CN'?: string; en?: string };
}

let cachedRaw: string | null = null;
let cached = new Map<string, CachedMember>();

/** The directory as last fetched (loadDirectory keeps it in localStorage for offline use), by user name. */
function members(): Map<string, CachedMember> {
  const raw = localStorage.getItem('gf.directory');
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
