import { createServer, request as httpRequest, type Server } from 'node:http';
import { Client } from '../client.ts';
import type { DbKind, TestServer } from '../harness.ts';
import { demo, startSyncServer } from '../syncHarness.ts';
import { AuditLedger } from './reliability.ts';

/** The sync test server (org `demo` with the example apps) and a ledger counting the changes made. */
export interface FaultServer {
  server: TestServer;
  ledger: AuditLedger;
  /** A signed-in demo user; the login is counted in the ledger. */
  signIn(user: string): Promise<Client>;
}

export async function startFaultServer(kind: DbKind): Promise<FaultServer> {
  const server = await startSyncServer(kind);
  const ledger = new AuditLedger();
  await ledger.begin(server.db);
  return {
    server,
    ledger,
    async signIn(user) {
      const client = await demo(server.base, user);
      ledger.add('session.login');
      return client;
    },
  };
}

/** The same session as `client`, talking to another address (a proxy in front of the server). */
export function sameSession(client: Client, base: string): Client {
  const copy = new Client(base);
  for (const [k, v] of client.cookies) copy.cookies.set(k, v);
  return copy;
}

export interface LossyProxy {
  base: string;
  /** Drop the response of the next `n` requests, after the server has answered them in full. */
  dropNext(n: number): void;
  readonly forwarded: number;
  readonly dropped: number;
  close(): Promise<void>;
}

/**
 * A proxy in front of the server that forwards every request and, when told to, waits for the
 * server's complete answer (so whatever it committed is committed) and then cuts the client's
 * connection instead of passing the answer on: the response is lost on the way back.
 */
export async function lossyProxy(target: string): Promise<LossyProxy> {
  let toDrop = 0;
  let forwarded = 0;
  let dropped = 0;
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const drop = toDrop > 0;
    if (drop) toDrop--;
    const up = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: false,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          forwarded++;
          if (drop) {
            dropped++;
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    up.on('error', () => req.socket.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    dropNext(n) {
      toDrop += n;
    },
    get forwarded() {
      return forwarded;
    },
    get dropped() {
      return dropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
