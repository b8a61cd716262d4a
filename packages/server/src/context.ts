import type { Db } from './db/Db.ts';

/** What every route group gets: the database and the settings that shape answers. */
export interface ServerContext {
  db: Db;
  /** Session lifetime; a shift plus margin. */
  sessionSeconds: number;
}

/** The signed-in user behind a request, resolved from the session cookie by `installSessions`. */
export interface Auth {
  orgId: string;
  userId: string;
  userName: string;
  roles: string[];
  /** The enrolled tablet this session was opened on (PIN switch), if any. */
  deviceId: string | null;
  csrfToken: string;
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** false only for routes a visitor without a CSRF cookie must reach (login). */
    csrf?: boolean;
    /**
     * An unsafe route a visitor (no session) may use, e.g. the tablet's PIN switch: without a session
     * it still demands the CSRF double submit. Every other unsafe route answers a request with no
     * session 401, so a device whose cookies are gone learns to sign in again, not "reload".
     */
    visitor?: boolean;
  }
}
