import type { ExprType, TypeEnv } from '../expr/index.ts';
import type { AggregateView, ChartView, ListView } from '../generated/types.ts';
import { message } from '../i18n.ts';
import { unknownForm } from './checkFields.ts';
import { unknownMeasure } from './checkLedgers.ts';
import type { CheckContext, FormInfo } from './context.ts';
import { checkExpr } from './expressionCheck.ts';
import { checkHeaderField, checkRole, unknownField, wrongKind } from './refs.ts';
import { fieldExprType, namesEnv } from './typeEnv.ts';

/** Views over known forms and ledgers, naming fields, keys and measures that exist. */
export function checkViews(ctx: CheckContext): void {
  (ctx.def.views ?? []).forEach((view, i) => {
    const at = `/views/${i}`;
    view.roles?.forEach((r, j) => {
      checkRole(ctx, r, `${at}/roles/${j}`);
    });
    if (view.type === 'list') checkList(ctx, view, at);
    else if (view.type === 'aggregate') checkAggregate(ctx, view, at);
    else checkChart(ctx, view, at);
  });
}

function column(ctx: CheckContext, form: FormInfo, ref: string, pointer: string): void {
  if (!ref.startsWith('$')) checkHeaderField(ctx, form, ref, pointer);
}

function checkList(ctx: CheckContext, view: ListView, at: string): void {
  const form = ctx.forms.get(view.form);
  if (!form) {
    unknownForm(ctx, view.form, `${at}/form`);
    return;
  }
  view.columns.forEach((c, j) => {
    column(ctx, form, c, `${at}/columns/${j}`);
  });
  view.userFilters?.forEach((c, j) => {
    column(ctx, form, c, `${at}/userFilters/${j}`);
  });
  view.filters?.forEach((f, j) => {
    column(ctx, form, f.field, `${at}/filters/${j}/field`);
  });
  view.search?.forEach((c, j) => {
    checkHeaderField(ctx, form, c, `${at}/search/${j}`);
  });
  view.sort?.forEach((s, j) => {
    column(ctx, form, s.field, `${at}/sort/${j}/field`);
  });
}

function checkAggregate(ctx: CheckContext, view: AggregateView, at: string): void {
  const source = view.source;
  // what group keys and `of` may name, with their types; undefined when the source is unknown
  let names: Map<string, ExprType> | undefined;
  let rowsEnv: TypeEnv | undefined;
  let sourceName = '';
  let form: FormInfo | undefined;
  let rowsId: string | undefined;
  if ('ledger' in source) {
    const ledger = ctx.ledgers.get(source.ledger);
    sourceName = source.ledger;
    if (!ledger) {
      ctx.errors.add(
        `${at}/source/ledger`,
        'unknown-ledger',
        message(`没有 id 为「${source.ledger}」的台账`, `There is no ledger with id “${source.ledger}”`),
      );
    } else {
      names = new Map<string, ExprType>();
      for (const k of ledger.ledger.keys) names.set(k.id, 'any');
      for (const m of ledger.ledger.measures) names.set(m.id, 'number');
      rowsEnv = namesEnv(names);
    }
  } else {
    form = ctx.forms.get(source.form);
    if (!form) unknownForm(ctx, source.form, `${at}/source/form`);
    else {
      rowsEnv = form.header;
      if (source.rows !== undefined) {
        const rows = form.fields.get(source.rows);
        if (!rows || rows.parent) unknownField(ctx, source.rows, `${at}/source/rows`, form);
        else if (rows.field.type !== 'subtable')
          wrongKind(ctx, source.rows, `${at}/source/rows`, message('子表', 'a sub-table'));
        else {
          rowsId = source.rows;
          rowsEnv = form.row(source.rows);
        }
      }
      if (source.where) checkExpr(ctx.errors, source.where, `${at}/source/where`, rowsEnv, 'boolean');
    }
  }
  const typeOf = (id: string): ExprType | undefined => {
    if (names) return names.get(id);
    if (!form) return undefined;
    const entry = (rowsId && form.fields.get(`${rowsId}.${id}`)) || form.fields.get(id);
    return entry && (!entry.parent || entry.parent.id === rowsId) ? fieldExprType(entry.field) : undefined;
  };
  const known = names !== undefined || form !== undefined;
  const missing = (id: string, pointer: string, what: 'key' | 'measure') => {
    if (form) unknownField(ctx, id, pointer, form, rowsId);
    else if (what === 'measure') unknownMeasure(ctx, sourceName, id, pointer);
    else
      ctx.errors.add(
        pointer,
        'unknown-ledger-key',
        message(`台账「${sourceName}」没有维度「${id}」`, `The ledger “${sourceName}” has no key “${id}”`),
      );
  };
  const outputs = new Map<string, ExprType>();
  view.groupBy.forEach((g, j) => {
    const t = typeOf(g.key);
    if (known && t === undefined) missing(g.key, `${at}/groupBy/${j}/key`, 'key');
    outputs.set(g.key, t ?? 'any');
  });
  view.measures.forEach((m, j) => {
    const mat = `${at}/measures/${j}`;
    if ('agg' in m) {
      if (m.of === undefined && m.agg !== 'count') {
        ctx.errors.add(
          mat,
          'missing-property',
          message(
            `「${m.agg}」统计需要 of 指明统计的字段`,
            `A “${m.agg}” measure needs “of” naming what it aggregates`,
          ),
        );
      } else if (m.of !== undefined && known) {
        const t = typeOf(m.of);
        if (t === undefined) missing(m.of, `${mat}/of`, 'measure');
        else if ((m.agg === 'sum' || m.agg === 'avg') && t !== 'number' && t !== 'any')
          wrongKind(ctx, m.of, `${mat}/of`, message('数字字段', 'a number field'));
      }
      if (m.where && rowsEnv) checkExpr(ctx.errors, m.where, `${mat}/where`, rowsEnv, 'boolean');
    }
    outputs.set(m.id, 'number');
  });
  const outEnv = namesEnv(outputs);
  view.measures.forEach((m, j) => {
    if ('expr' in m) checkExpr(ctx.errors, m.expr, `${at}/measures/${j}/expr`, outEnv, 'number');
  });
  view.highlights?.forEach((h, j) => {
    checkExpr(ctx.errors, h.when, `${at}/highlights/${j}/when`, outEnv, 'boolean');
  });
  view.sort?.forEach((s, j) => {
    if (!outputs.has(s.field)) notAnOutput(ctx, view.id, s.field, `${at}/sort/${j}/field`);
  });
}

function notAnOutput(ctx: CheckContext, viewId: string, id: string, pointer: string): void {
  ctx.errors.add(
    pointer,
    'unknown-measure',
    message(
      `统计视图「${viewId}」没有分组键或指标「${id}」`,
      `The aggregate view “${viewId}” has no group key or measure “${id}”`,
    ),
  );
}

function checkChart(ctx: CheckContext, view: ChartView, at: string): void {
  const target = ctx.views.get(view.view);
  if (!target) {
    ctx.errors.add(
      `${at}/view`,
      'unknown-view',
      message(`没有 id 为「${view.view}」的视图`, `There is no view with id “${view.view}”`),
    );
    return;
  }
  if (target.view.type !== 'aggregate') {
    ctx.errors.add(
      `${at}/view`,
      'not-an-aggregate-view',
      message(
        `图表只能基于统计视图，「${view.view}」不是`,
        `A chart draws an aggregate view; “${view.view}” is not one`,
      ),
    );
    return;
  }
  const keys = new Set(target.view.groupBy.map((g) => g.key));
  const measures = new Set(target.view.measures.map((m) => m.id));
  if (!keys.has(view.x)) notAKey(ctx, view.view, view.x, `${at}/x`);
  if (view.series !== undefined && !keys.has(view.series)) notAKey(ctx, view.view, view.series, `${at}/series`);
  view.y.forEach((y, j) => {
    if (!measures.has(y)) notAnOutput(ctx, view.view, y, `${at}/y/${j}`);
  });
}

function notAKey(ctx: CheckContext, viewId: string, id: string, pointer: string): void {
  ctx.errors.add(
    pointer,
    'unknown-group-key',
    message(`统计视图「${viewId}」没有分组键「${id}」`, `The aggregate view “${viewId}” has no group key “${id}”`),
  );
}
