import { message } from '../i18n.ts';
import type { CheckContext, FormInfo } from './context.ts';
import { checkExpr } from './expressionCheck.ts';
import { checkRole, unknownField, wrongKind } from './refs.ts';

/** Ledger guards: a known measure, a sensible range, a known exception role. */
export function checkLedgers(ctx: CheckContext): void {
  (ctx.def.ledgers ?? []).forEach((ledger, i) => {
    const measures = new Set(ledger.measures.map((m) => m.id));
    ledger.guards?.forEach((g, j) => {
      const at = `/ledgers/${i}/guards/${j}`;
      if (!measures.has(g.measure)) unknownMeasure(ctx, ledger.id, g.measure, `${at}/measure`);
      if (g.min !== undefined && g.max !== undefined && g.min > g.max) {
        ctx.errors.add(
          `${at}/min`,
          'min-greater-than-max',
          message(`min（${g.min}）大于 max（${g.max}）`, `min (${g.min}) is greater than max (${g.max})`),
        );
      }
      checkRole(ctx, g.exceptionRole, `${at}/exceptionRole`);
    });
  });
}

export function unknownMeasure(ctx: CheckContext, ledger: string, id: string, pointer: string): void {
  ctx.errors.add(
    pointer,
    'unknown-measure',
    message(`台账「${ledger}」没有数量「${id}」`, `The ledger “${ledger}” has no measure “${id}”`),
  );
}

/** A form's postings: known ledger, every key and measure given, expressions that fit. */
export function checkPostings(ctx: CheckContext, info: FormInfo): void {
  info.form.postings?.forEach((posting, i) => {
    const at = `${info.pointer}/postings/${i}`;
    let env = info.header;
    if (posting.rows !== undefined) {
      const rows = info.fields.get(posting.rows);
      if (!rows || rows.parent) unknownField(ctx, posting.rows, `${at}/rows`, info);
      else if (rows.field.type !== 'subtable')
        wrongKind(ctx, posting.rows, `${at}/rows`, message('子表', 'a sub-table'));
      else env = info.row(posting.rows);
    }
    const target = ctx.ledgers.get(posting.ledger);
    if (!target) {
      ctx.errors.add(
        `${at}/ledger`,
        'unknown-ledger',
        message(`没有 id 为「${posting.ledger}」的台账`, `There is no ledger with id “${posting.ledger}”`),
      );
    }
    const keys = new Set(target?.ledger.keys.map((k) => k.id));
    const measures = new Set(target?.ledger.measures.map((m) => m.id));
    for (const [key, expr] of Object.entries(posting.keys)) {
      const kat = `${at}/keys/${key}`;
      if (target && !keys.has(key)) {
        ctx.errors.add(
          kat,
          'unknown-ledger-key',
          message(`台账「${posting.ledger}」没有维度「${key}」`, `The ledger “${posting.ledger}” has no key “${key}”`),
        );
      }
      if (expr !== undefined) checkExpr(ctx.errors, expr, kat, env);
    }
    for (const [measure, expr] of Object.entries(posting.measures)) {
      const mat = `${at}/measures/${measure}`;
      if (target && !measures.has(measure)) unknownMeasure(ctx, posting.ledger, measure, mat);
      if (expr !== undefined) checkExpr(ctx.errors, expr, mat, env, 'number');
    }
    if (!target) return;
    for (const k of keys) {
      if (!Object.hasOwn(posting.keys, k)) {
        ctx.errors.add(
          `${at}/keys`,
          'missing-ledger-key',
          message(`过账缺少台账维度「${k}」`, `The posting gives no value for the ledger key “${k}”`),
        );
      }
    }
    // a measure left out posts 0 (a stock-in posts `in_qty`, not `out_qty`); posting none is a mistake
    if (Object.keys(posting.measures).length === 0) {
      ctx.errors.add(
        `${at}/measures`,
        'missing-ledger-measure',
        message(
          `过账没有给出任何台账数量（可用：${[...measures].join(', ')}）`,
          `The posting gives no ledger measure (available: ${[...measures].join(', ')})`,
        ),
      );
    }
  });
}
