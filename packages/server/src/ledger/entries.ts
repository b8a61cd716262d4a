/*
 * What a record posts: one entry per row of the posting's sub-table (or one per record), its key
 * and measures computed by the expression language over the row and the header. Formulas are
 * recomputed by the form engine first: the server never trusts a device's computed values.
 */
import {
  compileExpression,
  createFormEngine,
  type EvalContext,
  evaluateExpression,
  type Form,
  type FormEngine,
  type Ledger,
  type Posting,
  toExprValue,
  type Value,
} from '@gongfang/schema';
import { canonicalJson } from '../audit/canonical.ts';

export type LedgerKeyValue = Record<string, string>;
export type Measures = Record<string, number>;

export interface ComputedEntry {
  ledgerId: string;
  postingId: string;
  key: LedgerKeyValue;
  keyText: string;
  measures: Measures;
}

/** Equal keys give equal text whatever the order of their members. */
export function keyText(key: LedgerKeyValue): string {
  return canonicalJson(key);
}

/** Decimal quantities (≤ 6 places) summed as floats drift (0.1 + 0.2); 9 places put them back. */
export function roundQuantity(n: number): number {
  return Number.isFinite(n) ? Number(n.toFixed(9)) : 0;
}

function evaluate(source: string, ctx: EvalContext): Value {
  const compiled = compileExpression(source);
  if (!compiled.ok) return null;
  const result = evaluateExpression(compiled.expr, ctx);
  return result.ok ? result.value : null;
}

function keyValue(v: Value): string {
  if (v === null) return '';
  if (Array.isArray(v)) return v.map(keyValue).join(',');
  return String(v);
}

function rowContext(engine: FormEngine, row: Readonly<Record<string, unknown>> | undefined): EvalContext {
  const header = (id: string) => toExprValue(engine.field(id)?.value);
  return {
    get(path) {
      const [id, column] = path;
      if (id === undefined) return undefined;
      if (column !== undefined) return engine.rows(id).map((r) => toExprValue(r.values[column]));
      if (row && Object.hasOwn(row, id)) return toExprValue(row[id]);
      return engine.model.byId.has(id) ? header(id) : undefined;
    },
  };
}

/** The entries `posting` makes for a record with `data` (before any reversal). */
export function computeEntries(
  form: Form,
  ledger: Ledger,
  posting: Posting,
  data: Readonly<Record<string, unknown>>,
  engine: FormEngine = createFormEngine(form, { data }),
): ComputedEntry[] {
  const rows = posting.rows ? engine.rows(posting.rows).map((r) => r.values) : [undefined];
  const out: ComputedEntry[] = [];
  for (const row of rows) {
    const ctx = rowContext(engine, row);
    const key: LedgerKeyValue = {};
    for (const k of ledger.keys)
      key[k.id] = keyValue(posting.keys[k.id] ? evaluate(posting.keys[k.id] as string, ctx) : null);
    const measures: Measures = {};
    let any = false;
    for (const m of ledger.measures) {
      const source = posting.measures[m.id];
      if (source === undefined) continue;
      const v = evaluate(source, ctx);
      const n = typeof v === 'number' ? roundQuantity(v) : 0;
      measures[m.id] = n;
      if (n !== 0) any = true;
    }
    if (any) out.push({ ledgerId: ledger.id, postingId: posting.id, key, keyText: keyText(key), measures });
  }
  return out;
}

/** Adds `b` into `a` measure by measure. */
export function addMeasures(a: Measures, b: Readonly<Measures>, sign = 1): Measures {
  for (const [id, n] of Object.entries(b)) a[id] = roundQuantity((a[id] ?? 0) + sign * n);
  return a;
}

export function isZero(m: Readonly<Measures>): boolean {
  return Object.values(m).every((n) => n === 0);
}
