import type { Mutation, PushRequest } from '@gongfang/schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfflineError } from '../src/errors.ts';
import { COMPRESS_FROM, type FetchLike, Transport } from '../src/sync/transport.ts';
import { uuidv7 } from '../src/uuidv7.ts';

/** A 200 whose body breaks off after a few bytes (the Wi-Fi dropped while the answer arrived). */
function cutOff(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"results":[{"id":'));
      controller.error(new TypeError('network error'));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

const transport = (answer: () => Response) =>
  new Transport({ baseUrl: 'https://gf.test', fetch: async () => answer(), csrfToken: () => 't' });

describe('Transport', () => {
  it('an answer cut off mid-body is a network error (retried, "no network"), not an unexpected one', async () => {
    const error = await transport(cutOff)
      .pull('', 100)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineError);
    expect(error).toMatchObject({ code: 'network' });
    await expect(transport(cutOff).push({ deviceId: 'd', mutations: [] as never }, undefined)).rejects.toMatchObject({
      code: 'network',
    });
  });

  it('a 200 that is not JSON is the server’s fault (an http error with its status)', async () => {
    const html = () => new Response('<html>proxy login</html>', { status: 200 });
    await expect(transport(html).pull('', 100)).rejects.toMatchObject({ code: 'http', status: 200 });
  });
});

/** A push of `n` stock-in creates, as a device makes them. */
function pushOf(n: number): PushRequest {
  const mutations = Array.from({ length: n }, (_, i) => {
    const id = uuidv7();
    return {
      id: uuidv7(),
      kind: 'create',
      record: {
        id,
        app: 'inventory',
        form: 'stock_in',
        version: 1,
        revision: 1,
        data: { doc_no: `RK-${i}`, supplier: '宁波精达轴承有限公司', lines: [{ item_code: 'ITM-10001', qty: i }] },
        createdBy: 'sun.li',
        createdAt: '2025-03-01T08:00:00.000Z',
        updatedAt: '2025-03-01T08:00:00.000Z',
        deviceId: 'tablet-7',
      },
    } satisfies Mutation;
  });
  return { deviceId: 'tablet-7', mutations: mutations as unknown as PushRequest['mutations'] };
}

interface Sent {
  encoding: string | null;
  json: string;
  wire: number;
}

/** Answers every push with one accepted result per mutation, after decoding it as a server would. */
function recordingServer(refuse?: (sent: Sent) => number | undefined): { fetch: FetchLike; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (_url, init) => {
    const encoding = new Headers(init.headers).get('content-encoding');
    const raw = init.body as string | Uint8Array;
    const json =
      encoding === 'gzip'
        ? await new Response(
            new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')),
          ).text()
        : (raw as string);
    const entry = { encoding, json, wire: typeof raw === 'string' ? raw.length : raw.byteLength };
    sent.push(entry);
    const status = refuse?.(entry);
    if (status) return new Response('{}', { status });
    const body = JSON.parse(json) as PushRequest;
    return Response.json({ results: body.mutations.map((m) => ({ id: m.id, status: 'accepted' })) });
  };
  return { fetch, sent };
}

describe('Transport push bodies', () => {
  afterEach(() => vi.useRealTimers());

  it('sends a push gzip-compressed with Content-Encoding, several times smaller, the same JSON inside', async () => {
    const server = recordingServer();
    const request = pushOf(100);
    const answer = await new Transport({ baseUrl: 'https://gf.test', fetch: server.fetch, csrfToken: () => 't' }).push(
      request,
    );
    expect(answer.results).toHaveLength(100);
    const [sent] = server.sent;
    expect(sent?.encoding).toBe('gzip');
    expect(sent?.json).toBe(JSON.stringify(request));
    expect(sent?.wire).toBeLessThan(new TextEncoder().encode(sent?.json).length / 4);
  });

  it('sends small pushes, and every push when told not to compress, as plain JSON', async () => {
    const server = recordingServer();
    const small = pushOf(1);
    expect(JSON.stringify(small).length).toBeLessThan(COMPRESS_FROM);
    await new Transport({ baseUrl: 'https://gf.test', fetch: server.fetch, csrfToken: () => 't' }).push(small);
    const off = new Transport({
      baseUrl: 'https://gf.test',
      fetch: server.fetch,
      csrfToken: () => 't',
      compress: false,
    });
    await off.push(pushOf(50));
    expect(server.sent.map((s) => s.encoding)).toEqual([null, null]);
  });

  it('a server that answers 415 to a compressed push gets it again plain at once, and plain ones after', async () => {
    const server = recordingServer((sent) => (sent.encoding === 'gzip' ? 415 : undefined));
    const transport = new Transport({ baseUrl: 'https://gf.test', fetch: server.fetch, csrfToken: () => 't' });
    const request = pushOf(20);
    expect((await transport.push(request)).results).toHaveLength(20);
    await transport.push(pushOf(20));
    expect(server.sent.map((s) => s.encoding)).toEqual(['gzip', null, null]);
    expect(server.sent[1]?.json).toBe(JSON.stringify(request));
  });

  it('a 415 to a plain push is an http error, not retried in a loop', async () => {
    const server = recordingServer(() => 415);
    const transport = new Transport({ baseUrl: 'https://gf.test', fetch: server.fetch, csrfToken: () => 't' });
    await expect(transport.push(pushOf(20))).rejects.toMatchObject({ code: 'http', status: 415 });
    expect(server.sent).toHaveLength(2);
  });

  it('waits for a push answer 1 s longer per 16 KB on the wire', async () => {
    vi.useFakeTimers();
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const transport = new Transport({
      baseUrl: 'https://gf.test',
      fetch: hang,
      csrfToken: () => 't',
      timeoutMs: 10_000,
      compress: false,
    });
    const request = pushOf(200);
    const bytes = new TextEncoder().encode(JSON.stringify(request)).length;
    const outcome = transport.push(request).catch((e: unknown) => e);
    let settled = false;
    void outcome.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(10_000 + Math.ceil(bytes / 16) - 50);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(await outcome).toMatchObject({ code: 'network' });
  });
});
