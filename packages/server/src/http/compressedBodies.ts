import type { Readable } from 'node:stream';
import compress from '@fastify/compress';
import { errorCodes, type FastifyInstance, type preParsingHookHandler } from 'fastify';

/**
 * Stops decoding once the decoder has yielded more than `limit` bytes. Fastify already answers 413
 * there (it counts what the decoder yields against the route's bodyLimit), but the decoder would
 * go on inflating the rest of the upload for nobody: ~1000x its size for a zip bomb. The rest of the
 * upload is read and dropped instead, so the 413 still reaches the client. Unpiping alone is not
 * enough: zlib inflates all of each chunk it was given (16 KB of zeros is 16 MB), so the decoder is
 * destroyed too, with the same 413 for a reader still listening.
 */
export function stopDecodingPast(raw: Readable, decoder: Readable, limit: number): void {
  let decoded = 0;
  const onData = (chunk: Buffer | string) => {
    decoded += chunk.length;
    if (decoded <= limit) return;
    decoder.removeListener('data', onData);
    raw.unpipe(decoder as unknown as NodeJS.WritableStream);
    raw.resume();
    // Fastify's reader sees this same chunk after this listener and answers 413 itself; the error
    // reaches a reader only if it still reads, and the listener keeps it from being unhandled.
    decoder.on('error', () => {});
    decoder.destroy(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
  };
  // The decoder was paused by @fastify/compress: listening does not start the flow, Fastify does.
  decoder.on('data', onData);
}

const guardDecodedBody: preParsingHookHandler = (request, _reply, payload, done) => {
  // Only a decoder counts what it was given as `receivedEncodedLength`; a plain body passes as it is.
  if (payload !== request.raw && 'receivedEncodedLength' in payload) {
    stopDecodingPast(request.raw, payload, request.routeOptions.bodyLimit ?? Number.POSITIVE_INFINITY);
  }
  done(null, payload);
};

/**
 * Request bodies may come gzip-compressed (`Content-Encoding: gzip`): a tablet's sync push is ~7x
 * smaller, and on a slow uplink its size is most of its time. Uncompressed bodies work as before.
 * @fastify/compress decodes them before the JSON parser; every route's bodyLimit holds for the
 * DECODED body (413), a body that is not valid gzip is a 400, and any other encoding a 415 (see
 * FRAMEWORK_ERRORS). Responses are not compressed here.
 */
export async function installRequestDecoding(app: FastifyInstance): Promise<void> {
  // Added before the plugin's own onRoute hook, so it sees the option: sync answers (a push's
  // results, a pull's pages) come gzip-compressed to clients that accept it.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/sync/') && route.compress === undefined) route.compress = {};
  });
  await app.register(compress, {
    globalCompression: false,
    globalDecompression: true,
    requestEncodings: ['gzip', 'identity'],
  });
  // Runs after the plugin's own onRoute hook, so this preParsing step comes after its decoder.
  app.addHook('onRoute', (route) => {
    const steps = route.preParsing === undefined ? [] : [route.preParsing].flat();
    route.preParsing = [...steps, guardDecodedBody];
  });
}
