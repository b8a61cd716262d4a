import { type CompiledExpression, type EvalContext, evaluateExpression, type Value } from '../expr/index.ts';
import type { CompiledField } from './plan.ts';

/**
 * The values expressions see while one record is checked. Built once per validator and reset per
 * call (validation is synchronous), so checking a record allocates no contexts. Formula values in
 * the data are not trusted: a formula read by a rule is recomputed from its expression.
 */
export class RecordScope {
  data: Record<string, unknown> = {};
  row: Record<string, unknown> | undefined;
  rowOf: CompiledField | undefined;
  private formulas = new Map<string, Value>();
  /** Value keys found invalid in this call: rules reading them are not applied (the value is already refused). */
  readonly invalid = new Set<string>();
  private depth = 0;
  readonly header: EvalContext;
  readonly inRow: EvalContext;

  constructor(private readonly fields: ReadonlyMap<string, CompiledField>) {
    this.header = { get: (path) => this.getHeader(path) };
    this.inRow = { get: (path) => this.getInRow(path) };
  }

  reset(data: Record<string, unknown>, user: string | undefined, now: (() => Date) | undefined): void {
    this.data = data;
    this.row = undefined;
    this.rowOf = undefined;
    if (this.formulas.size > 0) this.formulas.clear();
    if (this.invalid.size > 0) this.invalid.clear();
    this.header.user = user;
    this.inRow.user = user;
    this.header.now = now;
    this.inRow.now = now;
  }

  /** Evaluates a rule in the current scope; anything but TRUE counts as FALSE. */
  isTrue(expr: CompiledExpression): boolean {
    const r = evaluateExpression(expr, this.row ? this.inRow : this.header);
    return r.ok && r.value === true;
  }

  /** Whether a rule input is blank or was refused, so the rule should not be applied. */
  unusable(path: readonly string[]): boolean {
    if (this.invalid.size > 0) {
      const key = path.join('.');
      if (this.invalid.has(key) || (this.rowOf && path.length === 1 && this.invalid.has(`${this.rowOf.key}.${key}`)))
        return true;
    }
    const v = this.value(path);
    return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  }

  /** The value a path names in the current scope, blank as null. */
  value(path: readonly string[]): Value | undefined {
    return this.row ? this.getInRow(path) : this.getHeader(path);
  }

  private getHeader(path: readonly string[]): Value | undefined {
    const field = this.fields.get(path[0]!);
    if (!field) return undefined;
    if (path.length === 1) {
      if (field.formula) return this.headerFormula(field);
      return toValue(own(this.data, field.key));
    }
    const column = path.length === 2 ? field.subtable?.byKey.get(path[1]!) : undefined;
    if (!column) return undefined;
    const rows = own(this.data, field.key);
    if (!Array.isArray(rows)) return [];
    const out: Value[] = [];
    const saved = this.row;
    const savedOf = this.rowOf;
    for (const r of rows) {
      if (typeof r !== 'object' || r === null) continue;
      if (column.formula) {
        this.row = r as Record<string, unknown>;
        this.rowOf = field;
        out.push(this.compute(column.formula));
      } else {
        out.push(toValue(own(r, column.key)));
      }
    }
    this.row = saved;
    this.rowOf = savedOf;
    return out;
  }

  private getInRow(path: readonly string[]): Value | undefined {
    if (path.length === 1 && this.row && this.rowOf) {
      const column = this.rowOf.subtable?.byKey.get(path[0]!);
      if (column) return column.formula ? this.compute(column.formula) : toValue(own(this.row, column.key));
    }
    const saved = this.row;
    this.row = undefined;
    const v = this.getHeader(path);
    this.row = saved;
    return v;
  }

  private headerFormula(field: CompiledField): Value {
    const cached = this.formulas.get(field.key);
    if (cached !== undefined) return cached;
    const saved = this.row;
    this.row = undefined;
    const v = this.compute(field.formula!);
    this.row = saved;
    this.formulas.set(field.key, v);
    return v;
  }

  private compute(expr: CompiledExpression): Value {
    // a cycle (only in a definition that failed validateDefinition) gives blank, not a hang
    if (this.depth > 32) return null;
    this.depth++;
    const r = evaluateExpression(expr, this.row ? this.inRow : this.header);
    this.depth--;
    return r.ok ? r.value : null;
  }
}

export function own(obj: object, key: string): unknown {
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** Record data as expression values: files as their ids, a position as `lat,lng`, blank as null. */
export function toValue(raw: unknown): Value {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw)) return raw.map(toValue);
  const o = raw as Record<string, unknown>;
  if (typeof o.id === 'string') return o.id;
  if (typeof o.lat === 'number' && typeof o.lng === 'number') return `${o.lat},${o.lng}`;
  return null;
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}
