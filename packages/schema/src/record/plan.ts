import { escapeSegment } from '../definition/errors.ts';
import { type CompiledExpression, compileExpression } from '../expr/index.ts';
import type { AppDefinition, ColumnField, Field, Form, LocalizedText } from '../generated/types.ts';
import { type Label, labelOf } from './label.ts';
import { compileValueCheck, type ValueCheck } from './valueChecks.ts';

export interface CompiledRule {
  expr: CompiledExpression;
  /** Paths the rule reads: when one is blank the rule is not applied. */
  reads: string[][];
  message: LocalizedText;
}

/** A field compiled once into what checking a value needs. */
export interface CompiledField {
  key: string;
  /** The key as a JSON-pointer segment. */
  segment: string;
  /** JSON pointer of a header field's value (`/lines`); unused for columns. */
  pointer: string;
  /**
   * The key is not a property of Object.prototype (true of every id but a few like `constructor`),
   * so reading it from a record object cannot reach the prototype and needs no `hasOwn` check.
   */
  plainKey: boolean;
  /** `qty` or `lines.qty`. */
  path: string;
  label: Label;
  required: boolean;
  requiredWhen: CompiledExpression | undefined;
  /** Own visibleWhen and that of the enclosing section: hidden when any is not TRUE. */
  visibleWhen: CompiledExpression[];
  rules: CompiledRule[];
  check: ValueCheck | undefined;
  /** The expression of a formula field (its value is recomputed, never read from the data). */
  formula: CompiledExpression | undefined;
  subtable: SubtablePlan | undefined;
}

export interface SubtablePlan {
  columns: CompiledField[];
  byKey: Map<string, CompiledField>;
  minRows: number;
  maxRows: number;
}

/** Expressions that do not compile are left out: validateDefinition reports them. */
function compiled(source: string | undefined): CompiledExpression | undefined {
  if (source === undefined) return undefined;
  const r = compileExpression(source);
  return r.ok ? r.expr : undefined;
}

function compileField(
  field: Field | ColumnField,
  path: string,
  sectionVisible: CompiledExpression[],
  app?: AppDefinition,
): CompiledField {
  const own = compiled(field.visibleWhen);
  const visibleWhen = own ? [...sectionVisible, own] : sectionVisible;
  const rules: CompiledRule[] = [];
  let subtable: SubtablePlan | undefined;
  if (field.type !== 'section') {
    for (const v of field.validations ?? []) {
      const expr = compiled(v.rule);
      if (expr) rules.push({ expr, reads: expr.reads.map((r) => r.split('.')), message: v.message });
    }
    if (field.type === 'subtable') {
      const columns = field.fields.map((c) => compileField(c, `${field.id}.${c.id}`, [], app));
      subtable = {
        columns,
        byKey: new Map(columns.map((c) => [c.key, c])),
        minRows: field.minRows ?? 0,
        maxRows: field.maxRows ?? 500,
      };
    }
  }
  const isValue = field.type !== 'section';
  return {
    key: field.id,
    segment: escapeSegment(field.id),
    pointer: `/${escapeSegment(field.id)}`,
    plainKey: !(field.id in Object.prototype),
    path,
    label: labelOf(field),
    required: isValue && field.required === true,
    requiredWhen: isValue ? compiled(field.requiredWhen) : undefined,
    visibleWhen,
    rules,
    check: field.type === 'subtable' || field.type === 'formula' ? undefined : compileValueCheck(field, app),
    formula: field.type === 'formula' ? compiled(field.expression) : undefined,
    subtable,
  };
}

/** The header fields of a form (fields inside sections included, sections themselves left out). */
export function planForm(form: Form, app?: AppDefinition): CompiledField[] {
  const out: CompiledField[] = [];
  for (const field of form.fields) {
    if (field.type === 'section') {
      const sv = compiled(field.visibleWhen);
      for (const child of field.fields ?? []) out.push(compileField(child, child.id, sv ? [sv] : [], app));
    } else {
      out.push(compileField(field, field.id, [], app));
    }
  }
  return out;
}
