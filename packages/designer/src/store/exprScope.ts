// What an expression of a field can read, for completion and live checking in the editor.
// (Mirrors packages/schema's typeEnv.ts, which is not exported; asked for in the report.)
import {
  type CompileResult,
  checkExpression,
  compileExpression,
  type ExprError,
  type ExprType,
  type Form,
  type LocalizedText,
  type TypeEnv,
} from '@gongfang/schema';
import type { AnyField } from './fieldTypes.ts';
import { indexOf, walk } from './tree.ts';

export function fieldExprType(field: AnyField): ExprType | undefined {
  switch (field.type) {
    case 'number':
      return 'number';
    case 'select':
    case 'member':
      return field.multiple ? { list: 'text' } : 'text';
    case 'checkbox':
      return { list: 'text' };
    case 'date':
      return field.mode ?? 'date';
    case 'formula':
      return field.resultType ?? 'number';
    case 'photo':
    case 'attachment':
    case 'subtable':
      return { list: 'any' };
    case 'signature':
    case 'location':
      return 'any';
    case 'section':
      return undefined;
    default:
      return 'text';
  }
}

export interface ScopeName {
  /** What to type: `qty`, `lines.qty`. */
  name: string;
  label: LocalizedText;
  type: ExprType;
}

/** Names an expression on field `key` can read: a column sees its row's columns bare, then the header. */
export function scopeOf(form: Form, key: string | undefined): ExprScope {
  const own = key ? indexOf(form).get(key) : undefined;
  return rowsScopeOf(form, own && key?.includes('.') ? own.container : undefined);
}

/** What an expression can read. */
export interface ExprScope {
  names: ScopeName[];
  env: TypeEnv;
}

/** Names over the header of a form, or over the rows of its sub-table `row` (columns bare first). */
export function rowsScopeOf(form: Form, row: string | undefined): ExprScope {
  const names: ScopeName[] = [];
  const byName = new Map<string, ExprType>();
  for (const e of walk(form)) {
    const t = fieldExprType(e.field);
    if (t === undefined) continue;
    const isColumn = e.key.includes('.');
    const entries: [string, ExprType][] = [];
    if (!isColumn) entries.push([e.key, t]);
    else {
      entries.push([e.key, typeof t === 'string' ? { list: t } : t]);
      if (row && e.container === row) entries.unshift([e.field.id, t]);
    }
    for (const [name, type] of entries) {
      if (byName.has(name)) continue;
      byName.set(name, type);
      names.push({ name, label: e.field.label, type });
    }
  }
  return { names, env: { resolve: (path) => byName.get(path.join('.')) } };
}

/** A scope of given names (an aggregate view's group keys and measures, read by its highlights). */
export function namesScope(names: readonly ScopeName[]): ExprScope {
  const byName = new Map(names.map((n) => [n.name, n.type]));
  return { names: [...names], env: { resolve: (path) => byName.get(path.join('.')) } };
}

export type ExprCheck = { ok: true; type: ExprType } | { ok: false; error: ExprError };

/** Compiles and type-checks an expression in the scope of a field; the first error, if any. */
export function checkInScope(source: string, env: TypeEnv): ExprCheck {
  const compiled: CompileResult = compileExpression(source);
  if (!compiled.ok) return compiled;
  const { type, errors } = checkExpression(compiled.expr, env);
  return errors[0] ? { ok: false, error: errors[0] } : { ok: true, type };
}
