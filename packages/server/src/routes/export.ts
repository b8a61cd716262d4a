import type { Lang } from '@gongfang/schema';
import type { FastifyInstance } from 'fastify';
import { requireAuth, signedIn } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { csvStream } from '../export/csv.ts';
import { formExport } from '../export/rows.ts';
import { xlsxStream } from '../export/xlsx.ts';
import { errorResponses } from '../http/schemas.ts';

const id = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' } as const;

interface Params {
  app: string;
  form: string;
}

export async function exportRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const schema = (format: string) => ({
    tags: ['export'],
    summary: `Export a form's records as ${format}: one row per sub-table line with the header repeated, labels in \`lang\``,
    params: { type: 'object', required: ['app', 'form'], properties: { app: id, form: id } },
    querystring: {
      type: 'object',
      properties: { lang: { enum: ['zh-CN', 'en'], default: 'zh-CN' } },
      additionalProperties: false,
    },
    response: { ...errorResponses },
  });
  const filename = (name: string, ext: string) =>
    `attachment; filename="export.${ext}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;

  app.get<{ Params: Params; Querystring: { lang: Lang } }>(
    '/api/apps/:app/forms/:form/export.csv',
    { preHandler: requireAuth, schema: schema('CSV (UTF-8 with BOM)') },
    async (request, reply) => {
      const exp = await formExport(
        ctx.db,
        signedIn(request),
        request.params.app,
        request.params.form,
        request.query.lang,
      );
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', filename(exp.sheetName, 'csv'));
      return reply.send(csvStream(exp));
    },
  );

  app.get<{ Params: Params; Querystring: { lang: Lang } }>(
    '/api/apps/:app/forms/:form/export.xlsx',
    { preHandler: requireAuth, schema: schema('XLSX') },
    async (request, reply) => {
      const exp = await formExport(
        ctx.db,
        signedIn(request),
        request.params.app,
        request.params.form,
        request.query.lang,
      );
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', filename(exp.sheetName, 'xlsx'));
      return reply.send(xlsxStream(exp, (e) => request.log.error({ err: e }, 'xlsx export failed')));
    },
  );
}
