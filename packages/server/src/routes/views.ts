import type { AggregateView, AppDefinition, ChartView, View } from '@gongfang/schema';
import type { FastifyInstance } from 'fastify';
import { requireAuth, signedIn } from '../auth/sessions.ts';
import type { Auth, ServerContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { errorResponses } from '../http/schemas.ts';
import { assertAnyRole, currentApp, findLedger, ledgerReaders } from '../ledger/apps.ts';
import { opensForm } from '../views/access.ts';
import { runAggregateView } from '../views/aggregate.ts';
import { shapeChart } from '../views/chart.ts';
import { type Filter, runListView } from '../views/list.ts';

const id = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' } as const;

interface ViewQuery {
  filter?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

function forbidden(): never {
  throw apiError(403, 'forbidden', '您的角色无权查看此视图', 'Your role may not see this view');
}

/** The view's own roles when it names them; otherwise whoever may read what it is built on. */
function assertSees(app: AppDefinition, view: View, auth: Auth): void {
  if (view.roles && view.roles.length > 0) {
    if (!view.roles.some((r) => auth.roles.includes(r))) forbidden();
    return;
  }
  if (view.type === 'list') {
    const form = app.forms.find((f) => f.id === view.form);
    if (!form || !opensForm(form, auth)) forbidden();
    return;
  }
  if (view.type === 'chart') {
    const base = aggregateOf(app, view);
    assertSees(app, base, auth);
    return;
  }
  if ('ledger' in view.source) {
    assertAnyRole(auth, ledgerReaders(app, findLedger(app, view.source.ledger)));
    return;
  }
  const formId = view.source.form;
  const form = app.forms.find((f) => f.id === formId);
  if (!form || !opensForm(form, auth)) forbidden();
}

function aggregateOf(app: AppDefinition, chart: ChartView): AggregateView {
  const base = app.views?.find((v) => v.id === chart.view);
  if (base?.type !== 'aggregate')
    throw apiError(404, 'view-not-found', '找不到该视图', 'No such view', { view: chart.view });
  return base;
}

function parseFilters(text: string | undefined): Filter[] {
  if (text === undefined) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length <= 20 &&
      parsed.every(
        (f) => typeof f === 'object' && f !== null && typeof f.field === 'string' && typeof f.op === 'string',
      )
    ) {
      return parsed as Filter[];
    }
  } catch {
    // falls through
  }
  throw apiError(400, 'invalid-filter', '筛选条件格式无效', 'The filter is not valid JSON [{ field, op, value }]');
}

export async function viewRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get<{ Params: { app: string; view: string }; Querystring: ViewQuery }>(
    '/api/apps/:app/views/:view',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['views'],
        summary:
          'Run a view. List: `filter` = JSON [{field, op, value}] over userFilters, `q` searches, `cursor` pages. ' +
          'Aggregate: grouped rows with measures and highlights. Chart: categories and series.',
        params: { type: 'object', required: ['app', 'view'], properties: { app: id, view: id } },
        querystring: {
          type: 'object',
          properties: {
            filter: { type: 'string', maxLength: 5000 },
            q: { type: 'string', maxLength: 200 },
            cursor: { type: 'string', maxLength: 5000 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
          additionalProperties: false,
        },
        response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses },
      },
    },
    async (request) => {
      const auth = signedIn(request);
      const { definition, version } = await currentApp(ctx.db, auth.orgId, request.params.app);
      const view = definition.views?.find((v) => v.id === request.params.view);
      if (!view) throw apiError(404, 'view-not-found', '找不到该视图', 'No such view', { view: request.params.view });
      assertSees(definition, view, auth);
      const head = { view: { id: view.id, type: view.type, name: view.name }, version };
      if (view.type === 'list') {
        const form = definition.forms.find((f) => f.id === view.form);
        if (!form) throw apiError(404, 'form-not-found', '找不到该表单', 'No such form', { form: view.form });
        const q = request.query;
        const result = await runListView(ctx.db, auth, form, view, {
          appId: definition.id,
          filters: parseFilters(q.filter),
          ...(q.q ? { search: q.q } : {}),
          ...(q.cursor ? { cursor: q.cursor } : {}),
          limit: q.limit,
        });
        return { ...head, ...result };
      }
      if (view.type === 'aggregate') return { ...head, ...(await runAggregateView(ctx.db, auth, definition, view)) };
      const data = await runAggregateView(ctx.db, auth, definition, aggregateOf(definition, view));
      return { ...head, ...shapeChart(view, data) };
    },
  );
}
