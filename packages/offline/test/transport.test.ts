import { describe, expect, it } from 'vitest';
import { OfflineError } from '../src/errors.ts';
import { Transport } from '../src/sync/transport.ts';

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
