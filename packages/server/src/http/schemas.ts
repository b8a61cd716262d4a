/**
 * JSON Schemas shared by route groups. Fastify compiles them with ajv (requests) and
 * fast-json-stringify (answers), and @fastify/swagger lists them in /api/openapi.json.
 */
import { errorBodySchema } from './errors.ts';

export const localizedText = {
  type: 'object',
  description: 'Text in each UI language; zh-CN is the default',
  required: ['zh-CN'],
  properties: {
    'zh-CN': { type: 'string', minLength: 1, maxLength: 200 },
    en: { type: 'string', maxLength: 200 },
  },
  additionalProperties: false,
} as const;

export const uuid = { type: 'string', format: 'uuid' } as const;
export const userName = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' } as const;
export const roleId = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' } as const;
export const orgId = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' } as const;
export const password = { type: 'string', minLength: 8, maxLength: 200 } as const;
export const pin = { type: 'string', pattern: '^[0-9]{4,8}$' } as const;
export const badge = { type: 'string', minLength: 1, maxLength: 128 } as const;

export const userView = {
  type: 'object',
  required: ['id', 'name', 'displayName', 'roles', 'leadId', 'active', 'hasPin', 'hasBadge'],
  properties: {
    id: uuid,
    name: { type: 'string' },
    displayName: localizedText,
    roles: { type: 'array', items: { type: 'string' } },
    leadId: { type: ['string', 'null'] },
    active: { type: 'boolean' },
    hasPin: { type: 'boolean' },
    hasBadge: { type: 'boolean' },
  },
} as const;

export const roleView = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: localizedText },
} as const;

/** Error answers, so the OpenAPI document shows them and their shape is enforced. */
export const errorResponses = {
  '4xx': errorBodySchema,
  '5xx': errorBodySchema,
} as const;
