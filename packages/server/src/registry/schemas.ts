/** JSON Schemas of the registry and template routes (requests and answers, for ajv and OpenAPI). */
import { localizedText } from '../http/schemas.ts';

export const appId = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' } as const;
export const versionNumber = { type: 'integer', minimum: 1, maximum: 1_000_000_000 } as const;
/** Drafts may be invalid (saving never validates), so a definition is any JSON object here. */
export const anyDefinition = { type: 'object', additionalProperties: true } as const;
/** Definitions are big; drafts and imports may use up to this. */
export const DEFINITION_BODY_LIMIT = 8 * 1024 * 1024;

const templateRef = {
  type: ['object', 'null'],
  properties: { id: { type: 'string' }, version: { type: 'integer' } },
} as const;

export const appView = {
  type: 'object',
  required: ['id', 'name', 'latestVersion', 'currentVersion', 'template'],
  properties: {
    id: { type: 'string' },
    name: { type: 'object', additionalProperties: { type: 'string' } },
    latestVersion: { type: ['integer', 'null'] },
    currentVersion: { type: ['integer', 'null'] },
    template: templateRef,
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    canDesign: { type: 'boolean' },
  },
} as const;

const message = { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } } } as const;

export const definitionProblem = {
  type: 'object',
  properties: { pointer: { type: 'string' }, code: { type: 'string' }, message },
} as const;

export const diffEntry = {
  type: 'object',
  required: ['kind', 'path', 'pointer', 'summary'],
  properties: {
    kind: { type: 'string' },
    path: { type: 'string' },
    pointer: { type: 'string' },
    before: {},
    after: {},
    summary: message,
  },
} as const;

export const mergeConflict = {
  type: 'object',
  properties: {
    path: { type: 'string' },
    pointer: { type: 'string' },
    base: {},
    ours: {},
    theirs: {},
    side: { type: 'string' },
  },
} as const;

export const fieldMapping = {
  type: 'object',
  description: '{ "<form>.<field>": "<new field id>" | null } — null drops the field knowingly',
  additionalProperties: { type: ['string', 'null'], maxLength: 130 },
  maxProperties: 1000,
} as const;

export const publishedVersion = {
  type: 'object',
  properties: {
    app: { type: 'string' },
    version: { type: 'integer' },
    seq: { type: 'integer' },
    note: { type: 'string' },
    publishedAt: { type: 'string' },
    publishedBy: { type: 'string' },
    fieldMapping: { type: 'object', additionalProperties: { type: ['string', 'null'] } },
    rollbackOf: { type: ['integer', 'null'] },
    draftFollowed: { type: 'boolean' },
    definition: {},
  },
} as const;

export const note = { type: 'string', maxLength: 2000 } as const;
export { localizedText };
