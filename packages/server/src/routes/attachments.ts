import type { FastifyInstance } from 'fastify';
import { allowedType, MAX_ATTACHMENT_BYTES, readAttachment, saveAttachment, sha256Hex } from '../attachments/store.ts';
import { requireAuth, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { errorResponses } from '../http/schemas.ts';

const params = {
  type: 'object',
  required: ['sha256'],
  properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
} as const;

/**
 * Photos, signatures and files, content-addressed: `PUT /api/attachments/<sha256 of the bytes>`
 * with the raw body. Registered in its own scope so the raw-body parser stays off JSON routes.
 */
export async function attachmentRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) =>
      done(null, body),
    );

    scope.put<{ Params: { sha256: string }; Body: Buffer }>(
      '/api/attachments/:sha256',
      {
        bodyLimit: MAX_ATTACHMENT_BYTES,
        preHandler: requireAuth,
        schema: {
          tags: ['attachments'],
          summary: 'Upload a photo, signature or file; the path is the SHA-256 of the body (200 when already there)',
          params,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const auth = signedIn(request);
        const type = allowedType(request.headers['content-type']);
        if (!type) {
          throw apiError(415, 'unsupported-media-type', '不支持的文件类型', 'This file type is not accepted', {
            contentType: request.headers['content-type'] ?? null,
          });
        }
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw apiError(400, 'empty-attachment', '文件内容为空', 'The file is empty');
        }
        const actual = sha256Hex(body);
        if (actual !== request.params.sha256) {
          throw apiError(400, 'hash-mismatch', '文件内容与其 SHA-256 不符', 'The body does not match its SHA-256', {
            actual,
          });
        }
        const created = await saveAttachment(ctx.db, auth, actual, type, body);
        return reply.code(created ? 201 : 200).send();
      },
    );

    scope.get<{ Params: { sha256: string } }>(
      '/api/attachments/:sha256',
      {
        preHandler: requireAuth,
        schema: {
          tags: ['attachments'],
          summary: 'Download an attachment the user uploaded or may see on a record',
          params,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const auth = signedIn(request);
        const found = await readAttachment(ctx.db, auth, request.params.sha256);
        if (!found) throw apiError(404, 'attachment-not-found', '找不到该附件', 'No such attachment');
        const image = found.content_type.startsWith('image/');
        reply.header('content-type', found.content_type);
        reply.header('x-content-type-options', 'nosniff');
        reply.header('content-disposition', image ? 'inline' : `attachment; filename="${request.params.sha256}"`);
        // Content-addressed: the bytes behind a hash never change, but access is per user.
        reply.header('cache-control', 'private, max-age=31536000, immutable');
        return reply.send(Buffer.from(found.content));
      },
    );
  });
}
