import { PassThrough } from 'node:stream';
import { createGunzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stopDecodingPast } from '../src/http/compressedBodies.ts';
import { PUSH_BODY_LIMIT } from '../src/routes/sync.ts';
import type { Answer, Client } from './client.ts';
import type { TestServer } from './harness.ts';
import { create, demo, type FileRef, inspection, startSyncServer, upload } from './syncHarness.ts';

/** POSTs bytes as they are, with the client's session, CSRF token and the given encoding. */
async function postBytes(client: Client, path: string, body: Buffer, encoding?: string): Promise<Answer> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': client.cookies.get('gf_csrf') ?? '',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  };
  const response = await fetch(client.base + path, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** `n` gzip members of `size` zero bytes each: tiny on the wire, n × size once inflated. */
function zeroBomb(size: number, n: number): Buffer {
  const member = gzipSync(Buffer.alloc(size));
  return Buffer.concat(Array.from({ length: n }, () => member));
}

describe('compressed request bodies and sync answers', () => {
  let server: TestServer;
  let qc: Client;
  let signature: FileRef;
  const count = async (ids: string[]) =>
    Number(
      (await server.db.query<{ n: number }>('select count(*)::int as n from records where id = any($1)', [ids]))[0]?.n,
    );

  beforeAll(async () => {
    server = await startSyncServer('pglite');
    qc = await demo(server.base, 'zhou.min');
    signature = await upload(qc, 'signature of zhou.min');
  });
  afterAll(() => server.close());

  test('a gzip push is applied like a plain one, and its plain retry gets the same answers', async () => {
    const mutations = Array.from({ length: 200 }, () => create(inspection(signature)));
    const json = Buffer.from(JSON.stringify({ deviceId: 'tablet-qc-01', mutations }));
    const gzipped = gzipSync(json);
    expect(gzipped.length).toBeLessThan(json.length / 5);
    const first = await postBytes(qc, '/api/sync/push', gzipped, 'gzip');
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(Array(200).fill('accepted'));
    const ids = mutations.map((m) => m.record.id);
    expect(await count(ids)).toBe(200);
    // An older client, or a retry after a lost answer, sends the same mutations uncompressed.
    const replay = await postBytes(qc, '/api/sync/push', json);
    expect(replay.body).toEqual(first.body);
    expect(await count(ids)).toBe(200);
  });

  test('sync answers come gzip-compressed to a client that accepts it, plain to one that does not', async () => {
    const headers = (encoding: string) => ({
      cookie: [...qc.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'accept-encoding': encoding,
    });
    const zipped = await fetch(`${qc.base}/api/sync/pull?limit=500`, { headers: headers('gzip') });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(((await zipped.json()) as { changes: unknown[] }).changes.length).toBeGreaterThan(0);
    const plain = await fetch(`${qc.base}/api/sync/pull?limit=500`, { headers: headers('identity') });
    expect(plain.headers.get('content-encoding')).toBeNull();
    // Other routes answer as before, large ones too.
    const openapi = await fetch(`${qc.base}/api/openapi.json`, { headers: headers('gzip') });
    expect((await openapi.text()).length).toBeGreaterThan(10_000);
    expect(openapi.headers.get('content-encoding')).toBeNull();
  });

  test('Content-Encoding: identity is a plain body', async () => {
    const mutations = [create(inspection(signature))];
    const answer = await postBytes(
      qc,
      '/api/sync/push',
      Buffer.from(JSON.stringify({ deviceId: 'd', mutations })),
      'identity',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.results[0].status).toBe('accepted');
  });

  test('an encoding other than gzip is refused with 415, in both languages, and nothing is stored', async () => {
    const mutations = [create(inspection(signature))];
    const answer = await postBytes(qc, '/api/sync/push', gzipSync(JSON.stringify({ deviceId: 'd', mutations })), 'br');
    expect(answer.status).toBe(415);
    expect(answer.body).toEqual({
      code: 'unsupported-content-encoding',
      message: {
        'zh-CN': '不支持该请求内容编码，请使用 gzip 或不压缩',
        en: 'Unsupported Content-Encoding; send the body gzip-compressed or uncompressed',
      },
    });
    expect(await count([mutations[0]!.record.id])).toBe(0);
  });

  test('a body that is not valid gzip is a 400 that says so, and nothing is stored', async () => {
    const mutations = [create(inspection(signature))];
    const good = gzipSync(JSON.stringify({ deviceId: 'd', mutations }));
    const corrupt = Buffer.concat([good.subarray(0, 20), Buffer.from('not gzip at all'), good.subarray(40)]);
    const answer = await postBytes(qc, '/api/sync/push', corrupt, 'gzip');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('malformed-compressed-body');
    expect(answer.body.message['zh-CN']).toContain('无法解压');
    expect(await count([mutations[0]!.record.id])).toBe(0);
  });

  test('the body limit holds for the decoded body: a small zip bomb is a 413, and the server goes on', async () => {
    const bomb = zeroBomb(1024 * 1024, 12);
    expect(bomb.length).toBeLessThan(100_000);
    const answer = await postBytes(qc, '/api/sync/push', bomb, 'gzip');
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('body-too-large');
    // The default limit (1 MB) of other routes holds the same way.
    const small = await postBytes(qc, '/api/auth/login', zeroBomb(256 * 1024, 5), 'gzip');
    expect(small.status).toBe(413);
    const after = await postBytes(
      qc,
      '/api/sync/push',
      gzipSync(JSON.stringify({ deviceId: 'd', mutations: [] })),
      'gzip',
    );
    expect(after.status).not.toBe(413);
  });
});

describe('stopDecodingPast', () => {
  test('stops inflating once the decoded bytes pass the limit, and drains the rest of the upload', async () => {
    const bomb = zeroBomb(PUSH_BODY_LIMIT, 16); // 128 MB once inflated
    const raw = new PassThrough();
    const decoder = createGunzip();
    raw.pipe(decoder);
    decoder.pause();
    stopDecodingPast(raw, decoder, 1024 * 1024);
    let decoded = 0;
    decoder.on('data', (chunk: Buffer) => {
      decoded += chunk.length;
    });
    decoder.resume();
    const drained = new Promise((resolve) => raw.on('end', resolve));
    for (let i = 0; i < bomb.length; i += 16 * 1024) raw.write(bomb.subarray(i, i + 16 * 1024));
    raw.end();
    await drained;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(decoded).toBeGreaterThan(1024 * 1024);
    // Without the stop it would inflate all 128 MB (and read all of the input).
    expect(decoded).toBeLessThan(PUSH_BODY_LIMIT);
    expect(decoder.bytesWritten).toBeLessThan(bomb.length / 2);
  });
});
