/**
 * Three-way merge of app definitions for template upgrades. base = the template version the app
 * came from, ours = the app's draft, theirs = the newer template version. Pure.
 *
 * Things are matched by identity, never by array position: forms, fields (within their form or
 * sub-table), workflow nodes and branches, views, ledgers, roles, postings by id; options by value;
 * field-access rules by role. A change on one side is taken; the same change on both sides is
 * taken once; different changes to the same property (or an edit on one side of what the other
 * side deleted) are conflicts, reported by path and pointer with both values. Role lists merge as
 * sets (both sides may add roles). Order: ours wins when ours reordered, else theirs; items new on
 * either side land after their predecessor.
 */
import { asObject, escapePointer, type JsonObject, jsonEqual } from '../registry/json.ts';
import { fromKeyed, Keyed, pointerIn, StringSet, toKeyed } from './keyed.ts';

export type Side = 'ours' | 'theirs';

export interface MergeConflict {
  /** Identity path (`/forms/check/fields/qty/label/en`): the same in base, ours and theirs. */
  path: string;
  /** RFC 6901 pointer in ours (in theirs when ours no longer has it). */
  pointer: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

export interface MergeResult {
  definition: JsonObject;
  /** Conflicts without a resolution; while any remain the merge must not be applied. */
  conflicts: MergeConflict[];
  /** Conflicts settled by the resolutions given, with the side taken. */
  resolved: (MergeConflict & { side: Side })[];
}

/** Keys that belong to the app, not the template: never merged. */
const OWN_KEYS = ['$schema', 'id', 'version', 'template'];

interface Run {
  base: unknown;
  ours: unknown;
  theirs: unknown;
  resolutions: Readonly<Record<string, Side>>;
  conflicts: MergeConflict[];
  resolved: (MergeConflict & { side: Side })[];
}

function eq(a: unknown, b: unknown): boolean {
  return jsonEqual(fromKeyed(a), fromKeyed(b));
}

function sameRelativeOrder(a: string[], b: string[]): boolean {
  const inB = new Set(b);
  const inA = new Set(a);
  return jsonEqual(
    a.filter((x) => inB.has(x)),
    b.filter((x) => inA.has(x)),
  );
}

function mergeOrder(base: string[], ours: string[], theirs: string[], keep: Set<string>): string[] {
  const primary = sameRelativeOrder(base, ours) ? theirs : ours;
  const out = primary.filter((id) => keep.has(id));
  for (const list of [ours, theirs]) {
    list.forEach((id, i) => {
      if (!keep.has(id) || out.includes(id)) return;
      const before = list
        .slice(0, i)
        .reverse()
        .find((p) => out.includes(p));
      out.splice(before === undefined ? 0 : out.indexOf(before) + 1, 0, id);
    });
  }
  return out;
}

function conflict(run: Run, path: string[], base: unknown, ours: unknown, theirs: unknown): unknown {
  const key = `/${path.map(escapePointer).join('/')}`;
  const pointer = pointerIn(run.ours, path) ?? pointerIn(run.theirs, path) ?? pointerIn(run.base, path) ?? key;
  const found: MergeConflict = {
    path: key,
    pointer,
    base: fromKeyed(base),
    ours: fromKeyed(ours),
    theirs: fromKeyed(theirs),
  };
  const side = run.resolutions[key] ?? run.resolutions[pointer];
  if (side === 'ours' || side === 'theirs') {
    run.resolved.push({ ...found, side });
    return side === 'ours' ? ours : theirs;
  }
  run.conflicts.push(found);
  return ours;
}

function merge(run: Run, path: string[], b: unknown, o: unknown, t: unknown): unknown {
  if (eq(o, t)) return o;
  if (eq(b, o)) return t;
  if (eq(b, t)) return o;
  // An empty list reads as Keyed; next to a set of role ids it is an empty set.
  const asSet = (x: unknown) => (x instanceof Keyed && x.order.length === 0 ? new StringSet([]) : x);
  if (o instanceof StringSet || t instanceof StringSet) [b, o, t] = [asSet(b), asSet(o), asSet(t)];
  if (o instanceof StringSet && t instanceof StringSet && (b === undefined || b instanceof StringSet)) {
    const base = new Set(b?.values ?? []);
    const mine = new Set(o.values);
    const yours = new Set(t.values);
    const kept = o.values.filter((v) => !(base.has(v) && !yours.has(v)));
    return new StringSet([...kept, ...t.values.filter((v) => !base.has(v) && !mine.has(v))]);
  }
  if (
    o instanceof Keyed &&
    t instanceof Keyed &&
    o.key === t.key &&
    (b === undefined || (b instanceof Keyed && b.key === o.key))
  ) {
    const base = b ?? new Keyed(o.key, [], new Map());
    const items = new Map<string, unknown>();
    for (const id of new Set([...base.order, ...o.order, ...t.order])) {
      const value = merge(run, [...path, id], base.items.get(id), o.items.get(id), t.items.get(id));
      if (value !== undefined) items.set(id, value);
    }
    return new Keyed(o.key, mergeOrder(base.order, o.order, t.order, new Set(items.keys())), items);
  }
  const oo = asObject(o);
  const to = asObject(t);
  const bo = b === undefined ? {} : asObject(b);
  if (oo && to && bo) {
    const out: JsonObject = {};
    for (const k of new Set([...Object.keys(oo), ...Object.keys(to), ...Object.keys(bo)])) {
      const value = merge(run, [...path, k], bo[k], oo[k], to[k]);
      if (value !== undefined) out[k] = value;
    }
    return out;
  }
  return conflict(run, path, b, o, t);
}

function withoutOwnKeys(def: unknown): JsonObject {
  const out: JsonObject = { ...(asObject(def) ?? {}) };
  for (const k of OWN_KEYS) delete out[k];
  return out;
}

/**
 * Merges theirs into ours over base. `resolutions` settles conflicts by path or pointer. The
 * result keeps ours' `$schema`, `id`, `version` and `template` (the caller sets the new template
 * reference once the merge is applied).
 */
export function mergeDefinitions(
  base: unknown,
  ours: unknown,
  theirs: unknown,
  resolutions: Readonly<Record<string, Side>> = {},
): MergeResult {
  const run: Run = { base, ours, theirs, resolutions, conflicts: [], resolved: [] };
  const merged = merge(
    run,
    [],
    toKeyed(withoutOwnKeys(base)),
    toKeyed(withoutOwnKeys(ours)),
    toKeyed(withoutOwnKeys(theirs)),
  );
  const own = asObject(ours) ?? {};
  const definition: JsonObject = {};
  for (const k of OWN_KEYS) if (own[k] !== undefined) definition[k] = own[k];
  Object.assign(definition, fromKeyed(merged));
  // Keep the usual key order of a definition: format, ids, then content.
  const ordered: JsonObject = {};
  for (const k of ['$schema', 'schemaVersion', 'id', 'version']) if (k in definition) ordered[k] = definition[k];
  return { definition: { ...ordered, ...definition }, conflicts: run.conflicts, resolved: run.resolved };
}
