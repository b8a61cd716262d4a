import { createServer, request as httpRequest, type Server } from 'node:http';

/** One request the proxy forwarded: where it went and what came back. */
export interface ProxiedRequest {
  /** Index into `targets`. */
  target: number;
  method: string;
  url: string;
  /** The Cookie header as the browser sent it ('' when none). */
  cookie: string;
  /** The upstream's status; 502 when it failed; 0 while no answer has come. */
  status: number;
  /** When it arrived and when its answer came, on one counter of the proxy's events (0: not yet). */
  arrived: number;
  answered: number;
}

export interface RoundRobinProxy {
  base: string;
  /** Every forwarded request, in arrival order. */
  log: ProxiedRequest[];
  /** Requests forwarded to each target, in the order of `targets`. */
  counts: number[];
  /** Requests that arrived at the proxy while their target was the other one than the last. */
  switches: number;
  close(): Promise<void>;
}

/**
 * A load balancer for tests: each request goes to the next target in turn, whatever connection it
 * came on, so one page's requests alternate between server processes. Headers (Host, Origin,
 * cookies) pass unchanged: to the browser there is one site.
 */
export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  if (targets.length === 0) throw new Error('no targets');
  const upstreams = targets.map((t) => new URL(t));
  const counts = targets.map(() => 0);
  const log: ProxiedRequest[] = [];
  let next = 0;
  const state = { switches: 0, last: -1, events: 0 };
  const server: Server = createServer((req, res) => {
    const index = next;
    next = (next + 1) % upstreams.length;
    counts[index] = (counts[index] ?? 0) + 1;
    if (state.last !== -1 && state.last !== index) state.switches++;
    state.last = index;
    const entry: ProxiedRequest = {
      target: index,
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      cookie: req.headers.cookie ?? '',
      status: 0,
      arrived: ++state.events,
      answered: 0,
    };
    log.push(entry);
    const target = upstreams[index] as URL;
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        entry.status = answer.statusCode ?? 502;
        entry.answered = ++state.events;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      entry.status = 502;
      entry.answered = ++state.events;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('proxy: upstream failed');
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    log,
    counts,
    get switches() {
      return state.switches;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
