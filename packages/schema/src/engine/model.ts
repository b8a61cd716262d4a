/*
 * A form compiled once for live use: every rule and formula parsed, and the dependency graph that
 * lets the engine recompute only what an edit can change.
 */
import { walkFields } from '../definition/fields.ts';
import { type CompiledExpression, compileExpression } from '../expr/index.ts';
import type { ColumnField, Field, Form, SubtableField } from '../generated/types.ts';

/** A field that holds a value (or a section, which only has visibility), with its compiled rules. */
export interface FieldModel {
  readonly id: string;
  readonly field: Field | ColumnField;
  /** The sub-table this column belongs to. */
  readonly subtable?: SubtableField;
  /** Id of the enclosing section, whose visibility this field inherits. */
  readonly section?: string;
  readonly visibleWhen?: CompiledExpression;
  readonly requiredWhen?: CompiledExpression;
  readonly formula?: CompiledExpression;
  /** Header ids whose change can change this field's visibility, requirement or value. */
  readonly headerReads: readonly string[];
  /** Sibling columns (row scope) whose change can change this column's rules or value. */
  readonly rowReads: readonly string[];
}

export interface FormModel {
  readonly form: Form;
  /** Header fields and sections in display order (no columns). */
  readonly header: readonly FieldModel[];
  readonly byId: ReadonlyMap<string, FieldModel>;
  /** Columns of each sub-table, in order. */
  readonly columns: ReadonlyMap<string, readonly FieldModel[]>;
  /** Header ids in an order where everything a node reads comes before it (sub-tables included). */
  readonly order: readonly string[];
  /** Header id → header ids whose rules or values read it. */
  readonly dependents: ReadonlyMap<string, readonly string[]>;
  /** Header id → the header ids it reads (a sub-table: what its columns read from the header). */
  readonly reads: ReadonlyMap<string, ReadonlySet<string>>;
  /** Columns of each sub-table in evaluation order (a row formula after the columns it reads). */
  readonly rowOrder: ReadonlyMap<string, readonly FieldModel[]>;
}

const compiled = (source: string | undefined): CompiledExpression | undefined => {
  if (!source) return undefined;
  const r = compileExpression(source);
  // An invalid expression never reaches a published definition (validateDefinition refuses it);
  // a draft being edited simply has no rule until it parses.
  return r.ok ? r.expr : undefined;
};

const models = new WeakMap<Form, FormModel>();

export function compileFormModel(form: Form): FormModel {
  const cached = models.get(form);
  if (cached) return cached;
  const header: FieldModel[] = [];
  const columns = new Map<string, FieldModel[]>();
  const byId = new Map<string, FieldModel>();
  for (const entry of walkFields(form)) {
    const f = entry.field;
    const rules = [
      compiled(f.visibleWhen),
      compiled('requiredWhen' in f ? f.requiredWhen : undefined),
      compiled(f.type === 'formula' ? f.expression : undefined),
    ] as const;
    const own = entry.parent ? new Set(entry.parent.fields.map((c) => c.id)) : undefined;
    const headerReads = new Set<string>();
    const rowReads = new Set<string>();
    for (const rule of rules) {
      for (const path of rule?.reads ?? []) {
        const root = path.split('.')[0] ?? path;
        if (own?.has(root) && !path.includes('.')) rowReads.add(root);
        else headerReads.add(root);
      }
    }
    const model: FieldModel = {
      id: f.id,
      field: f,
      ...(entry.parent ? { subtable: entry.parent } : {}),
      ...(entry.section ? { section: entry.section.id } : {}),
      ...(rules[0] ? { visibleWhen: rules[0] } : {}),
      ...(rules[1] ? { requiredWhen: rules[1] } : {}),
      ...(rules[2] ? { formula: rules[2] } : {}),
      headerReads: [...headerReads],
      rowReads: [...rowReads],
    };
    if (entry.parent) {
      const list = columns.get(entry.parent.id) ?? [];
      list.push(model);
      columns.set(entry.parent.id, list);
    } else {
      header.push(model);
      if (!byId.has(f.id)) byId.set(f.id, model);
    }
  }
  // A sub-table "reads" what its columns read from the header; a field in a section reads what
  // the section's visibility reads.
  const reads = new Map<string, Set<string>>();
  for (const m of header) {
    const set = new Set(m.headerReads);
    if (m.section) set.add(m.section);
    for (const col of columns.get(m.id) ?? []) for (const r of col.headerReads) set.add(r);
    set.delete(m.id);
    reads.set(m.id, set);
  }
  const dependents = new Map<string, string[]>();
  for (const [id, set] of reads) {
    for (const r of set) {
      const list = dependents.get(r) ?? [];
      list.push(id);
      dependents.set(r, list);
    }
  }
  const model: FormModel = {
    form,
    header,
    byId,
    columns,
    order: topoOrder(header, reads, dependents),
    dependents,
    reads,
    rowOrder: new Map([...columns].map(([id, cols]) => [id, rowOrder(cols)])),
  };
  models.set(form, model);
  return model;
}

/** Kahn's algorithm; members of a cycle (refused by validateDefinition) keep display order at the end. */
function topoOrder(
  header: readonly FieldModel[],
  reads: ReadonlyMap<string, Set<string>>,
  dependents: ReadonlyMap<string, readonly string[]>,
): string[] {
  const ids = header.map((m) => m.id);
  const known = new Set(ids);
  const indegree = new Map<string, number>();
  for (const id of ids) indegree.set(id, [...(reads.get(id) ?? [])].filter((r) => known.has(r)).length);
  const order: string[] = [];
  const ready = ids.filter((id) => indegree.get(id) === 0);
  const placed = new Set<string>();
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(id);
    placed.add(id);
    for (const other of dependents.get(id) ?? []) {
      if (placed.has(other)) continue;
      const n = (indegree.get(other) ?? 0) - 1;
      indegree.set(other, n);
      if (n === 0) ready.push(other);
    }
  }
  for (const id of ids) if (!placed.has(id)) order.push(id);
  return order;
}

/** Columns in an order where a row formula comes after the columns it reads. */
function rowOrder(columns: readonly FieldModel[]): FieldModel[] {
  const out: FieldModel[] = [];
  const placed = new Set<string>();
  let progress = true;
  while (out.length < columns.length && progress) {
    progress = false;
    for (const c of columns) {
      if (placed.has(c.id) || c.rowReads.some((r) => r !== c.id && !placed.has(r))) continue;
      out.push(c);
      placed.add(c.id);
      progress = true;
    }
  }
  for (const c of columns) if (!placed.has(c.id)) out.push(c);
  return out;
}
