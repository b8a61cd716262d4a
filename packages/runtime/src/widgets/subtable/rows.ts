import type { FormEngine, SubtableField } from '@gongfang/schema';
import { roundTo } from '../number/numbers.ts';

/** Literal column defaults for a new row (the engine applies defaults to header fields only). */
export function rowDefaults(field: SubtableField): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of field.fields) {
    if (c.type === 'formula' || !('default' in c) || c.default === undefined) continue;
    if (typeof c.default === 'object' && !Array.isArray(c.default)) continue;
    out[c.id] = c.default;
  }
  return out;
}

/** True when no column of the row holds anything but its default (formulas aside). */
export function isBlankRow(field: SubtableField, values: Readonly<Record<string, unknown>>): boolean {
  const defaults = rowDefaults(field);
  return field.fields.every((c) => {
    if (c.type === 'formula') return true;
    const v = values[c.id];
    return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || v === defaults[c.id];
  });
}

export interface ScanOutcome {
  rowId: string;
  /** True when the quantity of an existing row went up instead of a row being added. */
  bumped: boolean;
}

/**
 * A scan into a sub-table with `scan`: the row already holding `code` gets its quantity raised by
 * one (when the table has a `quantityField`), otherwise a new row starts with the code and 1.
 */
export function applyScan(engine: FormEngine, field: SubtableField, code: string): ScanOutcome | undefined {
  const scan = field.scan;
  if (!scan) return undefined;
  const qf = scan.quantityField;
  const existing = qf ? engine.rows(field.id).find((r) => r.values[scan.field] === code) : undefined;
  if (existing && qf) {
    const q = existing.values[qf];
    const column = field.fields.find((c) => c.id === qf);
    const precision = column && 'precision' in column ? column.precision : undefined;
    engine.setCell(field.id, existing.id, qf, roundTo((typeof q === 'number' ? q : 0) + 1, precision));
    return { rowId: existing.id, bumped: true };
  }
  // A blank row (the one a new record starts with) takes the code instead of staying behind empty.
  const blank = engine.rows(field.id).find((r) => isBlankRow(field, r.values));
  if (blank) {
    engine.setCell(field.id, blank.id, scan.field, code);
    if (qf) engine.setCell(field.id, blank.id, qf, 1);
    return { rowId: blank.id, bumped: false };
  }
  const rowId = engine.addRow(field.id, { ...rowDefaults(field), [scan.field]: code, ...(qf ? { [qf]: 1 } : {}) });
  return { rowId, bumped: false };
}

/** Sum of a number column over the rows (blanks and text skipped), for the totals footer. */
export function columnTotal(rows: readonly { values: Readonly<Record<string, unknown>> }[], column: string): number {
  let sum = 0;
  for (const r of rows) {
    const v = r.values[column];
    if (typeof v === 'number' && Number.isFinite(v)) sum += v;
  }
  return Number.parseFloat(sum.toPrecision(12));
}
