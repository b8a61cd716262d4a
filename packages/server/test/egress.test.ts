import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EgressRefused, parseEgressPolicy, postGuarded, refusal, STRICT_EGRESS } from '../src/notify/egress.ts';

describe('webhook egress policy', () => {
  test.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.31.255.255',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:a9fe:a9fe::1',
  ])('%s is refused by default', (address) => {
    expect(refusal(address, STRICT_EGRESS)).toMatch(/WEBHOOK_ALLOW_NETS/);
  });

  test.each(['8.8.8.8', '172.32.0.1', '203.0.114.1', '2001:4860:4860::8888', '::ffff:8.8.4.4'])(
    '%s is public',
    (address) => {
      expect(refusal(address, STRICT_EGRESS)).toBeNull();
    },
  );

  test('WEBHOOK_ALLOW_NETS opens exactly the networks listed', () => {
    const policy = parseEgressPolicy(' 10.20.0.0/16, fd12::/16 ,192.168.5.7, mes.plant.local ');
    expect(refusal('10.20.3.4', policy)).toBeNull();
    expect(refusal('::ffff:10.20.3.4', policy)).toBeNull();
    expect(refusal('10.21.0.1', policy)).not.toBeNull();
    expect(refusal('fd12:1::1', policy)).toBeNull();
    expect(refusal('192.168.5.7', policy)).toBeNull();
    expect(refusal('192.168.5.8', policy)).not.toBeNull();
    expect(policy.allowHosts.has('mes.plant.local')).toBe(true);
  });

  test.each(['10.0.0.0/33', 'fd00::/200', 'not a host!', 'http://x', '10.0.0.0/abc'])(
    'a bad entry (%s) stops the server at start',
    (entry) => {
      expect(() => parseEgressPolicy(entry)).toThrow(/WEBHOOK_ALLOW_NETS/);
    },
  );
});

describe('postGuarded', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      }
      req.resume();
      if (req.url === '/cut') {
        // A 200 whose body breaks off: the receiver's answer is unknown.
        req.on('end', () => {
          res.writeHead(200, { 'content-length': '100' });
          res.write('{"errcode":');
          setTimeout(() => res.destroy(), 20);
        });
        return;
      }
      req.on('end', () => res.writeHead(200).end('x'.repeat(5000)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (url: string, policy = STRICT_EGRESS) =>
    postGuarded(url, { headers: { 'content-type': 'text/plain' }, body: 'hi', timeoutMs: 5000, policy });

  test('an address literal in a private network is refused before any connection', async () => {
    await expect(send(`${base}/hook`)).rejects.toBeInstanceOf(EgressRefused);
    await expect(send('http://[::1]:9/hook')).rejects.toBeInstanceOf(EgressRefused);
    expect(hits).toHaveLength(0);
  });

  test('a host name that resolves to loopback is refused at connect time', async () => {
    const port = new URL(base).port;
    await expect(send(`http://localhost:${port}/hook`)).rejects.toThrow(/WEBHOOK_ALLOW_NETS/);
    expect(hits).toHaveLength(0);
  });

  test('an allowed network is reached; the answer is cut at 2,000 characters', async () => {
    const answer = await send(`${base}/hook`, parseEgressPolicy('127.0.0.0/8'));
    expect(answer.status).toBe(200);
    expect(answer.text).toHaveLength(2000);
    expect(hits).toEqual(['/hook']);
  });

  test('an answer cut off before its end is a failure, not a delivery', async () => {
    await expect(send(`${base}/cut`, parseEgressPolicy('127.0.0.1'))).rejects.toThrow();
    hits.splice(hits.indexOf('/cut'), 1);
  });

  test('a redirect is an answer, never followed to where it points', async () => {
    const answer = await send(`${base}/redirect`, parseEgressPolicy('127.0.0.1'));
    expect(answer.status).toBe(302);
    expect(hits).toEqual(['/hook', '/redirect']);
  });
});
