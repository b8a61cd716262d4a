import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RoundRobinProxy, startRoundRobinProxy } from './roundRobin.ts';

function backend(name: string): Promise<{ server: Server; base: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${req.headers.cookie ?? ''} ${body}`);
      res.writeHead(200, { 'content-type': 'text/plain', 'set-cookie': `from=${name}` });
      res.end(name);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, base: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, seen });
    }),
  );
}

describe('round-robin proxy', () => {
  let a: Awaited<ReturnType<typeof backend>>;
  let b: Awaited<ReturnType<typeof backend>>;
  let proxy: RoundRobinProxy;
  beforeAll(async () => {
    a = await backend('a');
    b = await backend('b');
    proxy = await startRoundRobinProxy([a.base, b.base]);
  });
  afterAll(async () => {
    await proxy.close();
    a.server.close();
    b.server.close();
  });

  it('alternates per request on one keep-alive connection, passing bodies, cookies and answers through', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${proxy.base}/api/x?i=${i}`, {
        method: 'POST',
        headers: { cookie: 'sid=1' },
        body: `n${i}`,
      });
      expect(res.headers.get('set-cookie')).toBe(`from=${await res.clone().text()}`);
      answers.push(await res.text());
    }
    expect(answers).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(proxy.counts).toEqual([3, 3]);
    expect(proxy.switches).toBe(5);
    expect(a.seen).toEqual(['POST /api/x?i=0 sid=1 n0', 'POST /api/x?i=2 sid=1 n2', 'POST /api/x?i=4 sid=1 n4']);
    expect(proxy.log.map((r) => `${r.target} ${r.method} ${r.url} ${r.cookie} ${r.status}`)).toEqual(
      answers.map((_, i) => `${i % 2} POST /api/x?i=${i} sid=1 200`),
    );
  });

  it('answers 502 when a target is down', async () => {
    const dead = await startRoundRobinProxy(['http://127.0.0.1:1']);
    const res = await fetch(`${dead.base}/`);
    expect(res.status).toBe(502);
    expect(dead.log.map((r) => r.status)).toEqual([502]);
    await dead.close();
  });
});
