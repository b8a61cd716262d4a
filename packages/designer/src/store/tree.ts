// Where fields sit in a form. Fields are addressed by their value key, as in packages/schema's
// fieldIndex: a header field (or section) by its id, a sub-table column by `subtable.column`.
// Containers are the form itself (ROOT), a section or a sub-table, addressed by their key.
import type { Form } from '@gongfang/schema';
import type { AnyField } from './fieldTypes.ts';

export const ROOT = '';

/** A position: before the item now at `index` of `container` (at the end when index ≥ length). */
export interface Place {
  container: string;
  index: number;
}

export interface Located {
  key: string;
  field: AnyField;
  container: string;
  index: number;
}

type FieldsHolder = { fields: AnyField[] };

/** Every field in display order with its place (works on immer drafts too). */
export function walk(form: Pick<Form, 'fields'>): Located[] {
  const out: Located[] = [];
  (form.fields as AnyField[]).forEach((field, index) => {
    out.push({ key: field.id, field, container: ROOT, index });
    if (field.type === 'section' || field.type === 'subtable') {
      const nested = (field.fields ?? []) as AnyField[];
      nested.forEach((child, i) => {
        const key = field.type === 'subtable' ? `${field.id}.${child.id}` : child.id;
        out.push({ key, field: child, container: field.id, index: i });
        if (field.type === 'section' && child.type === 'subtable') {
          child.fields.forEach((column, j) => {
            out.push({ key: `${child.id}.${column.id}`, field: column, container: child.id, index: j });
          });
        }
      });
    }
  });
  return out;
}

const cache = new WeakMap<object, Map<string, Located>>();

/** Fields by key, cached per (immutable) form object; the first wins when ids repeat. */
export function indexOf(form: Pick<Form, 'fields'>): ReadonlyMap<string, Located> {
  let map = cache.get(form);
  if (!map) {
    map = new Map();
    for (const entry of walk(form)) if (!map.has(entry.key)) map.set(entry.key, entry);
    cache.set(form, map);
  }
  return map;
}

/** Looks a field up without caching (for drafts, which change under the recipe). */
export function locate(form: Pick<Form, 'fields'>, key: string): Located | undefined {
  return walk(form).find((e) => e.key === key);
}

/** The field list of a container, created when a section has none yet; undefined if no such container. */
export function containerFields(form: Pick<Form, 'fields'>, container: string): AnyField[] | undefined {
  if (container === ROOT) return form.fields as AnyField[];
  const found = locate(form, container)?.field;
  if (!found || (found.type !== 'section' && found.type !== 'subtable')) return undefined;
  const holder = found as unknown as FieldsHolder;
  holder.fields ??= [];
  return holder.fields;
}

/** The type of a container: 'root', 'section' or 'subtable'. */
export function containerKind(
  form: Pick<Form, 'fields'>,
  container: string,
): 'root' | 'section' | 'subtable' | undefined {
  if (container === ROOT) return 'root';
  const t = locate(form, container)?.field.type;
  return t === 'section' || t === 'subtable' ? t : undefined;
}

/** Whether a field of `type` may be placed in a container of `kind`. */
export function accepts(kind: 'root' | 'section' | 'subtable' | undefined, type: string): boolean {
  if (kind === 'root') return true;
  if (kind === 'section') return type !== 'section';
  if (kind === 'subtable') return type !== 'section' && type !== 'subtable';
  return false;
}

/** Key of a field with `id` placed in `container` of `kind`. */
export function keyIn(kind: 'root' | 'section' | 'subtable', container: string, id: string): string {
  return kind === 'subtable' ? `${container}.${id}` : id;
}

/** Ids in use in a container's id namespace: the header (form + sections) or one sub-table. */
export function takenIds(
  form: Pick<Form, 'fields'>,
  kind: 'root' | 'section' | 'subtable',
  container: string,
): Set<string> {
  const taken = new Set<string>();
  for (const e of walk(form)) {
    const inSub = e.key.includes('.');
    if (kind === 'subtable' ? inSub && e.container === container : !inSub) taken.add(e.field.id);
  }
  return taken;
}
