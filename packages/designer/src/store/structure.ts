// Recipes that change the field tree of one form (run inside immer's produceWithPatches).
import type { Form, LocalizedText } from '@gongfang/schema';
import { type AnyField, FIELD_TYPE_INFO, type FieldType, isFieldType } from './fieldTypes.ts';
import { nextFieldId, uniqueId } from './ids.ts';
import {
  accepts,
  containerFields,
  containerKind,
  keyIn,
  type Located,
  locate,
  type Place,
  takenIds,
  walk,
} from './tree.ts';

type Kind = 'root' | 'section' | 'subtable';

/** Adds a new field of `type` at `place`; returns its key, or undefined when the container refuses it. */
export function addField(
  form: Form,
  type: FieldType,
  place: Place,
  extra?: Record<string, unknown>,
): string | undefined {
  const kind = containerKind(form, place.container);
  const list = containerFields(form, place.container);
  if (!kind || !list || !accepts(kind, type)) return undefined;
  const info = FIELD_TYPE_INFO[type];
  const id = nextFieldId(takenIds(form, kind, place.container));
  const label: LocalizedText = { 'zh-CN': info.name['zh-CN'], en: info.name.en };
  const field = { id, type, label, ...info.init(), ...extra } as AnyField;
  list.splice(clamp(place.index, list.length), 0, field);
  return keyIn(kind, place.container, id);
}

/** The fields to act on: known keys, without those inside another selected container. */
export function topmost(form: Form, keys: readonly string[]): Located[] {
  const all = walk(form);
  const chosen = new Set(keys);
  const picked = all.filter((e) => chosen.has(e.key));
  const containers = new Set(
    picked.filter((e) => e.field.type === 'section' || e.field.type === 'subtable').map((e) => e.key),
  );
  return picked.filter((e) => !containers.has(e.container) && !containers.has(parentSection(all, e)));
}

function parentSection(all: Located[], e: Located): string {
  // A column inside a sub-table inside a section: its section counts as an ancestor too.
  const parent = all.find((p) => p.key === e.container);
  return parent ? parent.container : '';
}

/**
 * Moves fields (in display order) to `place`. Ids are renamed only when a field changes id space
 * (header ↔ a sub-table) and its id is taken there. Returns the new keys, or undefined (nothing
 * changes) when the target refuses one of them.
 */
export function moveFields(form: Form, keys: readonly string[], place: Place): string[] | undefined {
  const kind = containerKind(form, place.container);
  if (!kind) return undefined;
  const moving = topmost(form, keys);
  if (moving.length === 0) return undefined;
  if (moving.some((e) => !accepts(kind, e.field.type) || e.key === place.container)) return undefined;
  let index = place.index;
  for (const e of moving) if (e.container === place.container && e.index < place.index) index--;
  removeAll(form, moving);
  return insertAll(form, kind, place.container, index, moving);
}

/** Deletes fields (a container goes with its contents). Returns how many top-level fields went. */
export function deleteFields(form: Form, keys: readonly string[]): number {
  const doomed = topmost(form, keys);
  removeAll(form, doomed);
  return doomed.length;
}

/**
 * Inserts copies of `fields` at `place`, with ids made unique in the target's id space (section
 * children too). Fields the container refuses are skipped. Returns the new keys.
 */
export function pasteFields(form: Form, fields: readonly unknown[], place: Place): string[] {
  const kind = containerKind(form, place.container);
  if (!kind) return [];
  const copies = fields.filter(isFieldLike).map((f) => structuredClone(f) as AnyField);
  const accepted = copies.filter((f) => accepts(kind, f.type));
  const entries = accepted.map((field) => ({ key: '', field, container: '', index: -1 }));
  return insertAll(form, kind, place.container, place.index, entries, true);
}

function insertAll(form: Form, kind: Kind, container: string, at: number, moving: Located[], fresh = false): string[] {
  const list = containerFields(form, container)!;
  const taken = takenIds(form, kind, container);
  const keys: string[] = [];
  const fields = moving.map((e) => {
    const field = e.field;
    const oldSpace = e.key.includes('.') ? e.container : 'header';
    const newSpace = kind === 'subtable' ? container : 'header';
    if (fresh || oldSpace !== newSpace) field.id = uniqueId(field.id, taken);
    taken.add(field.id);
    if (fresh && field.type === 'section') {
      for (const child of field.fields ?? []) {
        child.id = uniqueId(child.id, taken);
        taken.add(child.id);
      }
    }
    if (fresh && field.type === 'subtable') dedupeColumns(field.fields);
    keys.push(keyIn(kind, container, field.id));
    return field;
  });
  list.splice(clamp(at, list.length), 0, ...fields);
  return keys;
}

function dedupeColumns(columns: AnyField[]): void {
  const seen = new Set<string>();
  for (const c of columns) {
    c.id = uniqueId(c.id, seen);
    seen.add(c.id);
  }
}

function removeAll(form: Form, entries: Located[]): void {
  // Highest index first within each container, so earlier removals do not shift later ones.
  const sorted = [...entries].sort((a, b) => b.index - a.index);
  for (const e of sorted) {
    const list = containerFields(form, e.container);
    const at = list?.indexOf(e.field) ?? -1;
    if (list && at >= 0) list.splice(at, 1);
  }
}

function clamp(i: number, length: number): number {
  return Math.max(0, Math.min(i, length));
}

function isFieldLike(v: unknown): v is AnyField {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return typeof f.id === 'string' && isFieldType(f.type);
}

/** The place right after a field (where duplicates go). */
export function placeAfter(form: Form, key: string): Place | undefined {
  const e = locate(form, key);
  return e ? { container: e.container, index: e.index + 1 } : undefined;
}
