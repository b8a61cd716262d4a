import type { Message } from '@gongfang/schema';
import { message } from '@gongfang/schema';
import type { FastifyError, FastifyInstance } from 'fastify';
import { pgErrorCode } from '../db/Db.ts';

/** A problem the client can act on; the error handler turns it into `{ code, message, ... }`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly localized: Message,
    readonly details: Record<string, unknown> = {},
  ) {
    super(localized.en);
  }
}

export function apiError(
  statusCode: number,
  code: string,
  zh: string,
  en: string,
  details?: Record<string, unknown>,
): ApiError {
  return new ApiError(statusCode, code, message(zh, en), details);
}

export interface ErrorBody {
  code: string;
  message: Message;
  [detail: string]: unknown;
}

/** The JSON Schema of every error answer, for the OpenAPI document. */
export const errorBodySchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: {
      type: 'object',
      required: ['zh-CN', 'en'],
      properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
    },
  },
  additionalProperties: true,
} as const;

interface Problem {
  pointer: string;
  keyword: string;
  message: string;
}

/** Fastify's own client errors, by code, with what we tell the user. */
const FRAMEWORK_ERRORS: Record<string, [number, string, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body-too-large', '请求内容过大', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported-media-type',
    '不支持的内容类型，请使用 application/json',
    'Unsupported content type; send application/json',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed-json', '请求内容为空', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed-json', '请求内容不是有效的 JSON', 'The body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'invalid-request',
    '请求长度与内容不符',
    'Content-Length does not match the body',
  ],
  // @fastify/compress, decoding a request body (http/compressedBodies.ts).
  FST_CP_ERR_INVALID_CONTENT_ENCODING: [
    415,
    'unsupported-content-encoding',
    '不支持该请求内容编码，请使用 gzip 或不压缩',
    'Unsupported Content-Encoding; send the body gzip-compressed or uncompressed',
  ],
  FST_CP_ERR_INVALID_CONTENT: [
    400,
    'malformed-compressed-body',
    '请求内容无法解压（gzip 数据损坏）',
    'The compressed body could not be decompressed (corrupt gzip data)',
  ],
};

function toBody(error: ApiError): ErrorBody {
  return { ...error.details, code: error.code, message: error.localized };
}

function classify(error: FastifyError): ApiError {
  if (error instanceof ApiError) return error;
  if (error.validation) {
    const problems: Problem[] = error.validation.map((v) => ({
      pointer: v.instancePath || '/',
      keyword: v.keyword,
      message: v.message ?? v.keyword,
    }));
    return apiError(
      400,
      'invalid-request',
      '请求内容不符合要求',
      'The request does not match what this route accepts',
      {
        in: error.validationContext,
        problems,
      },
    );
  }
  const known = FRAMEWORK_ERRORS[error.code];
  if (known) return apiError(...known);
  // Class 22 is PostgreSQL's "data exception": a value it cannot store (a NUL character, a number
  // out of range) that got past the schema. That is still bad input, not a server fault.
  if (pgErrorCode(error)?.startsWith('22')) {
    return apiError(
      400,
      'invalid-value',
      '请求包含无法保存的值（例如空字符）',
      'The request holds a value that cannot be stored (e.g. a NUL character)',
    );
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return apiError(status, 'bad-request', '请求无效', 'The request is not valid');
  }
  return apiError(500, 'internal-error', '服务器内部错误，请稍后重试', 'Internal server error; please try again later');
}

/** One error shape for every answer; stack traces and database messages stay in the server log. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const answer = classify(error);
    if (answer.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: answer.code }, 'client error');
    return reply.code(answer.statusCode).send(toBody(answer));
  });
  app.setNotFoundHandler((_request, reply) => {
    const answer = apiError(404, 'not-found', '找不到该地址', 'No such route');
    return reply.code(404).send(toBody(answer));
  });
}
