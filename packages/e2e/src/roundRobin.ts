import { createServer, request as httpRequest, type Server } from 'node:http';

export interface RoundRobinProxy {
  base: string;
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
  let next = 0;
  const state = { switches: 0, last: -1 };
  const server: Server = createServer((req, res) => {
    const index = next;
    next = (next + 1) % upstreams.length;
    counts[index] = (counts[index] ?? 0) + 1;
    if (state.last !== -1 && state.last !== index) state.switches++;
    state.last = index;
    const target = upstreams[index] as URL;
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
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
