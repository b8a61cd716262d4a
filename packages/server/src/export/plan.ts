/*
 * The columns of a form export and how each record's data reaches them. Columns follow the app's
 * current version; fields that only older versions had come after them. A record is read with the
 * version it was filled with: its values are labelled with that version's options, and a field a
 * later publish renamed (the registry's `field_mapping`, `{"<form>.<field>": "<new id>" | null}`)
 * lands in the column of its new id.
 */
import {
  type AppDefinition,
  type ColumnField,
  type Field,
  type Form,
  type LocalizedText,
  walkFields,
} from '@gongfang/schema';

export interface ExportColumn {
  /** `doc_no`, or `lines.qty` for a column of the flattened sub-table. */
  path: string;
  label: LocalizedText;
}

export interface VersionInfo {
  definition: AppDefinition;
  /** Field renames decided when this version was published. */
  mapping: Record<string, string | null>;
}

export interface ExportPlan {
  columns: ExportColumn[];
  /** The sub-table flattened into one row per line (the first one of the form). */
  lines: string | undefined;
  /** Per record version: field definition by current path, and old id → current path. */
  fields(version: number): Map<string, Field | ColumnField>;
  rename(version: number): Map<string, string | null>;
}

const NO_VALUE = new Set(['section', 'content']);

function formOf(app: AppDefinition | undefined, formId: string): Form | undefined {
  return app?.forms.find((f) => f.id === formId);
}

export function exportPlan(
  formId: string,
  current: number,
  versions: ReadonlyMap<number, VersionInfo>,
  hidden: ReadonlySet<string>,
): ExportPlan {
  const numbers = [...versions.keys()].sort((a, b) => a - b);
  const currentForm = formOf(versions.get(current)?.definition, formId);
  const lines = currentForm?.fields.find((f) => f.type === 'subtable')?.id;
  // Renames from version v to the current one: the mappings of every later version, applied in order.
  const renames = new Map<number, Map<string, string | null>>();
  for (const v of numbers) {
    const map = new Map<string, string | null>();
    for (const later of numbers.filter((n) => n > v && n <= current)) {
      for (const [from, to] of Object.entries(versions.get(later)?.mapping ?? {})) {
        const [form, id] = from.split('.');
        if (form !== formId || id === undefined) continue;
        const chained = [...map.entries()].find(([, t]) => t === id);
        if (chained) map.set(chained[0], to);
        else if (!map.has(id)) map.set(id, to);
      }
    }
    renames.set(v, map);
  }
  const pathOf = (v: number, path: string): string | null => {
    const [head, col] = path.split('.') as [string, string | undefined];
    const map = renames.get(v);
    const h = map?.has(head) ? map.get(head) : head;
    if (h === null || h === undefined) return null;
    if (col === undefined) return h;
    const c = map?.has(col) ? map.get(col) : col;
    return c === null || c === undefined ? null : `${h}.${c}`;
  };
  const fieldsByVersion = new Map<number, Map<string, Field | ColumnField>>();
  const columns: ExportColumn[] = [];
  const seen = new Set<string>();
  for (const v of [current, ...numbers.filter((n) => n !== current).reverse()]) {
    const form = formOf(versions.get(v)?.definition, formId);
    const fields = new Map<string, Field | ColumnField>();
    for (const e of form ? walkFields(form) : []) {
      if (NO_VALUE.has(e.field.type) || e.field.type === 'subtable') continue;
      if (e.parent && e.parent.id !== lines && !(v !== current && pathOf(v, e.parent.id) === lines)) continue;
      const path = pathOf(v, e.path);
      if (path === null) continue;
      fields.set(path, e.field);
      const top = path.split('.')[0] as string;
      const col = path.split('.')[1];
      if (seen.has(path) || hidden.has(top) || (col !== undefined && hidden.has(col))) continue;
      seen.add(path);
      columns.push({ path, label: e.field.label });
    }
    fieldsByVersion.set(v, fields);
  }
  return {
    columns,
    lines,
    fields: (v) => fieldsByVersion.get(v) ?? new Map(),
    rename: (v) => renames.get(v) ?? new Map(),
  };
}
