import type { LocalizedText } from '@gongfang/schema';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireAuth, requireRole, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { errorResponses } from '../http/schemas.ts';
import { DESIGNER_ROLES, isDesigner } from '../registry/access.ts';
import { actorOf, appView, insertApp, listApps, loadApp, visibleApp } from '../registry/apps.ts';
import { diffDefinitions } from '../registry/diff.ts';
import { getDraft, saveDraft } from '../registry/drafts.ts';
import { publishVersion } from '../registry/publish.ts';
import { rollbackApp } from '../registry/rollback.ts';
import * as s from '../registry/schemas.ts';
import type { FieldMapping } from '../registry/stranded.ts';
import { getVersion, listVersions } from '../registry/versions.ts';
import { getTemplateVersion } from '../templates/templates.ts';

type IdParams = { Params: { id: string } };
const idParams = { type: 'object', required: ['id'], properties: { id: s.appId } } as const;
const ok = (schema: object) => ({ 200: schema, ...errorResponses });

/** An empty app to start from; drafts may be invalid, so the designer fills in roles and forms. */
function skeleton(id: string, name: LocalizedText): Record<string, unknown> {
  return { schemaVersion: 3, id, version: 1, name, roles: [], forms: [] };
}

async function definitionAt(db: Queryable, orgId: string, appId: string, at: string): Promise<unknown> {
  if (at === 'draft') return (await getDraft(db, orgId, appId)).definition;
  return (await getVersion(db, orgId, appId, Number(at))).definition;
}

/** The registry: apps, drafts, versions, publish, diff, rollback. Designer roles: see registry/access.ts. */
export async function appRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const designer = requireRole(...DESIGNER_ROLES);
  const org = (request: FastifyRequest) => signedIn(request).orgId;

  app.get(
    '/api/apps',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['apps'],
        summary: 'Apps the user may use (designers: every app)',
        response: ok({ type: 'object', properties: { apps: { type: 'array', items: s.appView } } }),
      },
    },
    async (request) => {
      const auth = signedIn(request);
      const canDesign = isDesigner(auth.roles);
      return { apps: (await listApps(ctx.db, auth)).map((a) => ({ ...a, canDesign })) };
    },
  );

  app.post<{
    Body: {
      id: string;
      name?: LocalizedText;
      definition?: Record<string, unknown>;
      fromTemplate?: { id: string; version: number };
    };
  }>(
    '/api/apps',
    {
      preHandler: designer,
      bodyLimit: s.DEFINITION_BODY_LIMIT,
      schema: {
        tags: ['apps'],
        summary: 'Create an app with its first draft: empty, from a definition, or from a template version',
        body: {
          type: 'object',
          required: ['id'],
          properties: {
            id: s.appId,
            name: s.localizedText,
            definition: s.anyDefinition,
            fromTemplate: {
              type: 'object',
              required: ['id', 'version'],
              properties: { id: s.appId, version: s.versionNumber },
              additionalProperties: false,
            },
          },
          additionalProperties: false,
        },
        response: { 201: s.appView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const auth = signedIn(request);
      const { id, fromTemplate } = request.body;
      if (fromTemplate && request.body.definition) {
        throw apiError(
          400,
          'ambiguous-source',
          '请只提供 definition 或 fromTemplate 之一',
          'Give either a definition or fromTemplate, not both',
        );
      }
      const row = await ctx.db.transaction(async (tx) => {
        let definition: Record<string, unknown>;
        if (fromTemplate) {
          const template = await getTemplateVersion(tx, auth.orgId, fromTemplate.id, fromTemplate.version);
          definition = { ...template.definition, id, version: 1, template: fromTemplate };
        } else {
          definition = request.body.definition
            ? { ...request.body.definition, id }
            : skeleton(id, request.body.name ?? { 'zh-CN': id });
        }
        if (request.body.name) definition.name = request.body.name;
        const name = (definition.name as LocalizedText | undefined) ?? { 'zh-CN': id };
        return insertApp(tx, auth.orgId, actorOf(auth), auth.userId, {
          id,
          name,
          definition,
          template: fromTemplate ?? null,
        });
      });
      return reply.code(201).send({ ...appView(row), canDesign: true });
    },
  );

  app.get<IdParams>(
    '/api/apps/:id',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['apps'],
        summary: 'An app: name, latest and current version, template',
        params: idParams,
        response: ok(s.appView),
      },
    },
    async (request) => {
      const auth = signedIn(request);
      return { ...appView(await visibleApp(ctx.db, auth, request.params.id)), canDesign: isDesigner(auth.roles) };
    },
  );

  const draftAnswer = {
    type: 'object',
    properties: {
      definition: {},
      revision: { type: 'integer' },
      updatedAt: { type: 'string' },
      updatedBy: { type: 'string' },
      problems: { type: 'array', items: s.definitionProblem },
    },
  } as const;

  app.get<IdParams>(
    '/api/apps/:id/draft',
    {
      preHandler: designer,
      schema: {
        tags: ['apps'],
        summary: 'The draft, its revision and what a publish would refuse',
        params: idParams,
        response: ok(draftAnswer),
      },
    },
    async (request) => getDraft(ctx.db, org(request), request.params.id),
  );

  app.put<IdParams & { Body: { definition: Record<string, unknown>; revision: number } }>(
    '/api/apps/:id/draft',
    {
      preHandler: designer,
      bodyLimit: s.DEFINITION_BODY_LIMIT,
      schema: {
        tags: ['apps'],
        summary: 'Save the draft made on `revision` (stale → 409 stale-draft); never validates, answers the problems',
        params: idParams,
        body: {
          type: 'object',
          required: ['definition', 'revision'],
          properties: { definition: s.anyDefinition, revision: { type: 'integer', minimum: 1 } },
          additionalProperties: false,
        },
        response: ok(draftAnswer),
      },
    },
    async (request) => {
      const auth = signedIn(request);
      const { definition, revision } = request.body;
      return ctx.db.transaction((tx) =>
        saveDraft(tx, auth.orgId, actorOf(auth), request.params.id, definition, revision),
      );
    },
  );

  app.post<IdParams & { Body: { note?: string; confirm?: boolean; mapping?: FieldMapping } }>(
    '/api/apps/:id/publish',
    {
      preHandler: designer,
      schema: {
        tags: ['apps'],
        summary:
          'Publish the draft as the next version (422 invalid-definition; 409 confirm-required for fields holding data)',
        params: idParams,
        body: {
          type: 'object',
          properties: { note: s.note, confirm: { type: 'boolean' }, mapping: s.fieldMapping },
          additionalProperties: false,
        },
        response: { 201: s.publishedVersion, ...errorResponses },
      },
    },
    async (request, reply) => {
      const auth = signedIn(request);
      const appId = request.params.id;
      const published = await ctx.db.transaction(async (tx) => {
        await loadApp(tx, auth.orgId, appId, true);
        const { definition } = await getDraft(tx, auth.orgId, appId);
        return publishVersion(tx, {
          orgId: auth.orgId,
          appId,
          actor: actorOf(auth),
          userId: auth.userId,
          definition,
          note: request.body.note ?? '',
          confirm: request.body.confirm,
          mapping: request.body.mapping,
        });
      });
      return reply.code(201).send({ ...published, publishedBy: auth.userName });
    },
  );

  app.get<IdParams>(
    '/api/apps/:id/versions',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['apps'],
        summary: 'Published versions, newest first',
        params: idParams,
        response: ok({ type: 'object', properties: { versions: { type: 'array', items: s.publishedVersion } } }),
      },
    },
    async (request) => {
      const auth = signedIn(request);
      await visibleApp(ctx.db, auth, request.params.id);
      return { versions: await listVersions(ctx.db, auth.orgId, request.params.id) };
    },
  );

  app.get<{ Params: { id: string; version: number } }>(
    '/api/apps/:id/versions/:version',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['apps'],
        summary: 'One published version with its definition (records are shown with the version they were filled with)',
        params: { type: 'object', required: ['id', 'version'], properties: { id: s.appId, version: s.versionNumber } },
        response: ok(s.publishedVersion),
      },
    },
    async (request) => {
      const auth = signedIn(request);
      await visibleApp(ctx.db, auth, request.params.id);
      return getVersion(ctx.db, auth.orgId, request.params.id, request.params.version);
    },
  );

  app.get<IdParams & { Querystring: { from: string; to: string } }>(
    '/api/apps/:id/diff',
    {
      preHandler: designer,
      schema: {
        tags: ['apps'],
        summary: 'Readable changes between two versions, or a version and the draft (`draft`)',
        params: idParams,
        querystring: {
          type: 'object',
          required: ['from', 'to'],
          properties: {
            from: { type: 'string', pattern: '^([1-9][0-9]{0,8}|draft)$' },
            to: { type: 'string', pattern: '^([1-9][0-9]{0,8}|draft)$' },
          },
          additionalProperties: false,
        },
        response: ok({
          type: 'object',
          properties: {
            from: { type: 'string' },
            to: { type: 'string' },
            changes: { type: 'array', items: s.diffEntry },
          },
        }),
      },
    },
    async (request) => {
      const orgId = org(request);
      const { from, to } = request.query;
      await loadApp(ctx.db, orgId, request.params.id);
      const before = await definitionAt(ctx.db, orgId, request.params.id, from);
      const after = await definitionAt(ctx.db, orgId, request.params.id, to);
      return { from, to, changes: diffDefinitions(before, after) };
    },
  );

  app.post<IdParams & { Body: { to: number; note?: string; confirm?: boolean; mapping?: FieldMapping } }>(
    '/api/apps/:id/rollback',
    {
      preHandler: designer,
      schema: {
        tags: ['apps'],
        summary: 'Roll back: publish a copy of version `to` as a new version (records stay pinned; see README)',
        params: idParams,
        body: {
          type: 'object',
          required: ['to'],
          properties: { to: s.versionNumber, note: s.note, confirm: { type: 'boolean' }, mapping: s.fieldMapping },
          additionalProperties: false,
        },
        response: { 201: s.publishedVersion, ...errorResponses },
      },
    },
    async (request, reply) => {
      const auth = signedIn(request);
      const rolled = await ctx.db.transaction((tx) =>
        rollbackApp(tx, { orgId: auth.orgId, appId: request.params.id, actor: actorOf(auth), ...request.body }),
      );
      return reply.code(201).send({ ...rolled, publishedBy: auth.userName });
    },
  );
}
