// Edits by path for the parts of the definition edited as plain lists and objects (views, ledgers,
// postings): `['views', 2, 'measures', 0, 'agg']`. Called inside an immer draft.

export type Path = readonly (string | number)[];

type Container = Record<string | number, unknown>;

function parentOf(root: unknown, path: Path, create: boolean): Container | undefined {
  let at = root as Container | undefined;
  for (let i = 0; i < path.length - 1; i++) {
    if (at === undefined || at === null || typeof at !== 'object') return undefined;
    const key = path[i]!;
    if (at[key] === undefined && create) at[key] = typeof path[i + 1] === 'number' ? [] : {};
    at = at[key] as Container | undefined;
  }
  return at !== null && typeof at === 'object' ? at : undefined;
}

export function getAt(root: unknown, path: Path): unknown {
  let at = root as Container | undefined;
  for (const key of path) {
    if (at === undefined || at === null || typeof at !== 'object') return undefined;
    at = at[key] as Container | undefined;
  }
  return at;
}

/**
 * Sets a value, creating objects and lists on the way; `undefined` removes the property (an empty
 * string too, when `emptyRemoves`), and a list or object left empty by it is removed as well
 * (optional lists must not be empty) unless it is the root's own child.
 */
export function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = parentOf(root, path, value !== undefined);
  if (!parent) return;
  const key = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete parent[key];
    pruneEmpty(root, path.slice(0, -1));
  } else parent[key] = value;
}

function pruneEmpty(root: unknown, path: Path): void {
  if (path.length < 3) return;
  const value = getAt(root, path);
  const empty = Array.isArray(value)
    ? value.length === 0
    : value && typeof value === 'object' && !Object.keys(value).length;
  if (empty) setAt(root, path, undefined);
}

/** Appends to a list (created when missing); returns the new index. */
export function pushAt(root: unknown, path: Path, value: unknown): number {
  let list = getAt(root, path);
  if (!Array.isArray(list)) {
    setAt(root, path, []);
    list = getAt(root, path);
  }
  (list as unknown[]).push(value);
  return (list as unknown[]).length - 1;
}

/** Moves a list item by `delta` places; false at either end. */
export function moveAt(root: unknown, path: Path, index: number, delta: number): boolean {
  const list = getAt(root, path);
  if (!Array.isArray(list)) return false;
  const to = index + delta;
  if (to < 0 || to >= list.length || index < 0 || index >= list.length) return false;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
  return true;
}
