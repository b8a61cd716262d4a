import type { ExprType, TypeEnv } from '../expr/index.ts';
import type { ColumnField, Field } from '../generated/types.ts';
import type { FieldEntry } from './fields.ts';

/** The expression type of a field's value (undefined for sections, which hold none). */
export function fieldExprType(field: Field | ColumnField): ExprType | undefined {
  switch (field.type) {
    case 'number':
      return 'number';
    case 'text':
    case 'textarea':
    case 'barcode':
    case 'radio':
    case 'role':
    case 'reference':
      return 'text';
    case 'select':
      return field.multiple ? { list: 'text' } : 'text';
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
  }
}

function listOf(t: ExprType): ExprType {
  return typeof t === 'string' ? { list: t } : t;
}

/** Names in scope of a form's header: header fields bare, sub-table columns as `lines.qty` lists. */
export function headerEnv(index: ReadonlyMap<string, FieldEntry>): TypeEnv {
  return {
    resolve(path) {
      if (path.length === 1) {
        const entry = index.get(path[0]!);
        return entry && !entry.parent ? fieldExprType(entry.field) : undefined;
      }
      if (path.length === 2) {
        const entry = index.get(`${path[0]}.${path[1]}`);
        const t = entry?.parent ? fieldExprType(entry.field) : undefined;
        return t === undefined ? undefined : listOf(t);
      }
      return undefined;
    },
  };
}

/** Names in scope of one sub-table row: the row's columns bare (they win), then the header. */
export function rowEnv(index: ReadonlyMap<string, FieldEntry>, subtable: string): TypeEnv {
  const header = headerEnv(index);
  return {
    resolve(path) {
      if (path.length === 1) {
        const column = index.get(`${subtable}.${path[0]}`);
        if (column?.parent) return fieldExprType(column.field);
      }
      return header.resolve(path);
    },
  };
}

/** A fixed set of names, e.g. the measures and group keys of an aggregate view. */
export function namesEnv(names: ReadonlyMap<string, ExprType>): TypeEnv {
  return { resolve: (path) => (path.length === 1 ? names.get(path[0]!) : undefined) };
}

/** Whether a value of type `actual` is acceptable where `expected` is needed ('any' fits everything). */
export function typeFits(actual: ExprType, expected: ExprType): boolean {
  if (actual === 'any' || expected === 'any') return true;
  if (typeof actual === 'string' || typeof expected === 'string') return actual === expected;
  return actual.list === 'any' || expected.list === 'any' || actual.list === expected.list;
}

export function describeType(t: ExprType): string {
  return typeof t === 'string' ? t : `list of ${t.list}`;
}
