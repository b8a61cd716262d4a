import type { LocalizedText } from '@gongfang/schema';
import type { FastifyInstance } from 'fastify';
import { requireRole, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { errorResponses } from '../http/schemas.ts';
import { DESIGNER_ROLES, TEMPLATE_PUBLISHER_ROLES } from '../registry/access.ts';
import { actorOf } from '../registry/apps.ts';
import * as s from '../registry/schemas.ts';
import type { Side } from '../templates/merge.ts';
import { getTemplateVersion, listTemplates, publishTemplate } from '../templates/templates.ts';
import { upgradeFromTemplate } from '../templates/upgrade.ts';

const templateVersion = {
  type: 'object',
  properties: {
    template: { type: 'string' },
    version: { type: 'integer' },
    note: { type: 'string' },
    publishedAt: { type: 'string' },
    publishedBy: { type: 'string' },
    source: { type: 'object', properties: { app: { type: 'string' }, version: { type: 'integer' } } },
    definition: {},
  },
} as const;

const templateView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'object', additionalProperties: { type: 'string' } },
    description: { type: ['object', 'null'], additionalProperties: { type: 'string' } },
    latestVersion: { type: 'integer' },
    versions: { type: 'array', items: templateVersion },
  },
} as const;

interface PublishBody {
  app: string;
  appVersion?: number;
  template?: string;
  name?: LocalizedText;
  description?: LocalizedText;
  note: string;
}

interface UpgradeBody {
  version?: number;
  apply?: boolean;
  resolutions?: Record<string, Side>;
  revision?: number;
}

/** Templates (published by the IT role, used by designers) and the template upgrade of an app. */
export async function templateRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const designer = requireRole(...DESIGNER_ROLES);

  app.get(
    '/api/templates',
    {
      preHandler: designer,
      schema: {
        tags: ['templates'],
        summary: 'Templates of the organization with their versions',
        response: {
          200: { type: 'object', properties: { templates: { type: 'array', items: templateView } } },
          ...errorResponses,
        },
      },
    },
    async (request) => ({ templates: await listTemplates(ctx.db, signedIn(request).orgId) }),
  );

  app.post<{ Body: PublishBody }>(
    '/api/templates',
    {
      preHandler: requireRole(...TEMPLATE_PUBLISHER_ROLES),
      schema: {
        tags: ['templates'],
        summary: "Publish an app's published version as a new template, or as the next version of `template`",
        body: {
          type: 'object',
          required: ['app', 'note'],
          properties: {
            app: s.appId,
            appVersion: s.versionNumber,
            template: s.appId,
            name: s.localizedText,
            description: s.localizedText,
            note: s.note,
          },
          additionalProperties: false,
        },
        response: { 201: templateVersion, ...errorResponses },
      },
    },
    async (request, reply) => {
      const auth = signedIn(request);
      const published = await ctx.db.transaction((tx) => publishTemplate(tx, auth.orgId, actorOf(auth), request.body));
      return reply.code(201).send(published);
    },
  );

  app.get<{ Params: { id: string; version: number } }>(
    '/api/templates/:id/versions/:version',
    {
      preHandler: designer,
      schema: {
        tags: ['templates'],
        summary: 'One template version with its definition',
        params: { type: 'object', required: ['id', 'version'], properties: { id: s.appId, version: s.versionNumber } },
        response: { 200: templateVersion, ...errorResponses },
      },
    },
    async (request) => getTemplateVersion(ctx.db, signedIn(request).orgId, request.params.id, request.params.version),
  );

  app.post<{ Params: { id: string }; Body: UpgradeBody }>(
    '/api/apps/:id/upgrade-template',
    {
      preHandler: designer,
      schema: {
        tags: ['templates'],
        summary: 'Preview (default) or apply the upgrade of the draft to a newer template version (three-way merge)',
        params: { type: 'object', required: ['id'], properties: { id: s.appId } },
        body: {
          type: 'object',
          properties: {
            version: s.versionNumber,
            apply: { type: 'boolean' },
            resolutions: { type: 'object', additionalProperties: { enum: ['ours', 'theirs'] }, maxProperties: 5000 },
            revision: { type: 'integer', minimum: 1 },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              template: { type: 'string' },
              from: { type: 'integer' },
              to: { type: 'integer' },
              applied: { type: 'boolean' },
              conflicts: { type: 'array', items: s.mergeConflict },
              resolved: { type: 'array', items: s.mergeConflict },
              changes: { type: 'array', items: s.diffEntry },
              definition: {},
              problems: { type: 'array', items: s.definitionProblem },
              revision: { type: 'integer' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const auth = signedIn(request);
      const input = { orgId: auth.orgId, appId: request.params.id, actor: actorOf(auth), ...request.body };
      return input.apply
        ? ctx.db.transaction((tx) => upgradeFromTemplate(tx, input))
        : upgradeFromTemplate(ctx.db, input);
    },
  );
}
