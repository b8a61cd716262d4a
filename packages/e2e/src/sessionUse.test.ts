import { describe, expect, it } from 'vitest';
import type { ProxiedRequest } from './roundRobin.ts';
import { sessionUse } from './sessionUse.ts';

let events = 0;
function row(target: number, method: string, url: string, cookie: string, status: number): ProxiedRequest {
  const arrived = ++events;
  return { target, method, url, cookie, status, arrived, answered: ++events };
}

describe('sessionUse', () => {
  it('counts each session’s answered API requests and syncs per process, ignoring static files and visitors', () => {
    const log = [
      row(0, 'GET', '/app/index.html', 'gf_session=aaaaaaaaaa', 200),
      row(1, 'GET', '/api/me', '', 401),
      row(0, 'POST', '/api/sync/push', 'gf_csrf=x; gf_session=aaaaaaaaaa', 200),
      row(1, 'GET', '/api/sync/pull?cursor=0', 'gf_session=aaaaaaaaaa', 200),
      row(0, 'GET', '/api/me', 'gf_session=bbbbbbbbbb', 200),
      row(1, 'GET', '/api/sync/pull?cursor=3', 'gf_session=aaaaaaaaaa', 200),
    ];
    expect(sessionUse(log, 2, 'gf_session')).toEqual([
      { id: 'aaaaaaaa', served: [1, 2], synced: [1, 2], refused: [] },
      { id: 'bbbbbbbb', served: [1, 0], synced: [0, 0], refused: [] },
    ]);
  });

  it('names a 401 answered while the session was alive, not one that raced its sign-out', () => {
    const lost = row(1, 'GET', '/api/sync/pull?cursor=9', 'gf_session=cccccccccc', 401);
    // Arrives before the sign-out but is answered after it: the session was already gone.
    const racing: ProxiedRequest = { ...row(0, 'GET', '/api/me', 'gf_session=cccccccccc', 401), answered: 0 };
    const signOut = row(1, 'POST', '/api/auth/logout', 'gf_session=cccccccccc', 204);
    racing.answered = ++events;
    const after = row(0, 'GET', '/api/me', 'gf_session=cccccccccc', 401);
    const [use] = sessionUse([lost, racing, signOut, after], 2, 'gf_session');
    expect(use?.refused).toEqual(['GET /api/sync/pull?cursor=9 → 1']);
  });
});
