import type { ProxiedRequest } from './roundRobin.ts';

/** How one signed-in session was served behind the proxy, from the proxy's log. */
export interface SessionUse {
  /** The token's first characters: enough to tell sessions apart in a message. */
  id: string;
  /** API requests answered 2xx, per target. */
  served: number[];
  /** Of those, the sync pushes and pulls, per target. */
  synced: number[];
  /**
   * API requests answered 401 although the session was alive: answered before its sign-out
   * reached the proxy. A session kept in one process's memory shows up here.
   */
  refused: string[];
}

function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Groups the API requests of the log by the session cookie they carried, in order of first use. */
export function sessionUse(log: readonly ProxiedRequest[], targets: number, cookieName: string): SessionUse[] {
  const bySession = new Map<string, ProxiedRequest[]>();
  for (const r of log) {
    const token = cookieValue(r.cookie, cookieName);
    if (!token || !r.url.startsWith('/api/')) continue;
    bySession.set(token, [...(bySession.get(token) ?? []), r]);
  }
  return [...bySession].map(([token, requests]) => {
    const signOut = requests.find((r) => r.method === 'POST' && r.url.startsWith('/api/auth/logout'));
    const alive = (r: ProxiedRequest) => r.answered > 0 && (!signOut || r.answered < signOut.arrived);
    const ok = requests.filter((r) => r.status >= 200 && r.status < 300);
    const perTarget = (rows: ProxiedRequest[]) =>
      Array.from({ length: targets }, (_, t) => rows.filter((r) => r.target === t).length);
    return {
      id: token.slice(0, 8),
      served: perTarget(ok),
      synced: perTarget(ok.filter((r) => r.url.startsWith('/api/sync/'))),
      refused: requests.filter((r) => r.status === 401 && alive(r)).map((r) => `${r.method} ${r.url} → ${r.target}`),
    };
  });
}
