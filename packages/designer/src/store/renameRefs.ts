// A renamed field id carried into everything that names it: expressions (rules, formulas, defaults,
// validations, the form title, workflow conditions, postings, view filters, measures and
// highlights, other forms' reference filters) and plain id lists (field access, list columns,
// group keys). Expressions are rewritten through packages/schema's parser: each field reference
// comes with its position in the source, so text, function names and other fields are never touched.
import { type AppDefinition, compileExpression, type ExprNode, type Form } from '@gongfang/schema';
import type { AnyField } from './fieldTypes.ts';
import { locate, walk } from './tree.ts';

/** What was renamed: a header field (or section, or sub-table) `from` → `to`, or a column of `subtable`. */
export interface Rename {
  /** The sub-table whose column was renamed; undefined for a header field. */
  subtable?: string | undefined;
  from: string;
  to: string;
}

/** Where an expression is evaluated: the header, or the rows of a sub-table (whose columns read bare). */
type Scope = { rows?: string | undefined };

const IDENT = /[\p{L}\p{N}_$]/u;

/** Field references of an expression (in source order). */
function fieldRefs(node: ExprNode, out: { path: readonly string[]; at: number }[] = []) {
  switch (node.kind) {
    case 'field':
      out.push({ path: node.path, at: node.at });
      break;
    case 'negate':
      fieldRefs(node.arg, out);
      break;
    case 'binary':
      fieldRefs(node.left, out);
      fieldRefs(node.right, out);
      break;
    case 'call':
      for (const a of node.args) fieldRefs(a, out);
      break;
  }
  return out;
}

/**
 * Rewrites the field references of one expression: `map` gives a reference's new path (same length)
 * or undefined to keep it. An expression that does not parse is returned as it is.
 */
export function renameInExpression(
  source: string,
  map: (path: readonly string[]) => readonly string[] | undefined,
): string {
  const compiled = compileExpression(source);
  if (!compiled.ok) return source;
  const edits: { start: number; end: number; text: string }[] = [];
  for (const ref of fieldRefs(compiled.expr.ast)) {
    const next = map(ref.path);
    if (!next || next.every((s, i) => s === ref.path[i])) continue;
    // Segment by segment from the reference's position: identifier, then optional spaces, '.', spaces.
    let at = ref.at;
    ref.path.forEach((segment, i) => {
      if (i > 0) {
        while (/\s/.test(source[at] ?? '')) at++;
        at++; // the '.'
        while (/\s/.test(source[at] ?? '')) at++;
      }
      let end = at;
      while (end < source.length && IDENT.test(source[end]!)) end++;
      if (source.slice(at, end) === segment && next[i] !== segment) {
        edits.push({ start: at, end, text: next[i]! });
      }
      at = end;
    });
  }
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function columnsOf(form: Form, subtable: string): Set<string> {
  const s = (form.fields as AnyField[]).flatMap((f) => (f.type === 'section' ? (f.fields ?? []) : [f]));
  const t = s.find((f) => f.id === subtable);
  return new Set(t?.type === 'subtable' ? t.fields.map((c) => c.id) : []);
}

/** The path map of a rename for expressions evaluated in `scope` of the renamed field's form. */
function pathMap(form: Form, r: Rename, scope: Scope) {
  const rowColumns = scope.rows ? columnsOf(form, scope.rows) : new Set<string>();
  return (path: readonly string[]): readonly string[] | undefined => {
    const [head, second] = path;
    if (r.subtable === undefined) {
      // A header id; in a row scope a bare name that is one of the row's columns means the column.
      if (head !== r.from) return undefined;
      if (path.length === 1 && scope.rows && rowColumns.has(head)) return undefined;
      return [r.to, ...path.slice(1)];
    }
    if (head === r.subtable && second === r.from) return [head, r.to, ...path.slice(2)];
    if (path.length === 1 && head === r.from && scope.rows === r.subtable) return [r.to];
    return undefined;
  };
}

/** An id (a group key, a list column) as seen from `scope`: the new id when it is the renamed field. */
function renameId(r: Rename, scope: Scope, id: string, rowColumns: ReadonlySet<string> = new Set()): string {
  // In a row scope a header id is seen unless a column of the row has the same id.
  if (r.subtable === undefined) return id === r.from && !rowColumns.has(id) ? r.to : id;
  if (scope.rows === r.subtable && id === r.from) return r.to;
  return id === `${r.subtable}.${r.from}` ? `${r.subtable}.${r.to}` : id;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Ids in access lists (`hidden`, `readOnly`, `editable`): header ids or `subtable.column` keys. */
function renameList(r: Rename, list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  const key = (id: string) => {
    if (r.subtable !== undefined) return id === `${r.subtable}.${r.from}` ? `${r.subtable}.${r.to}` : id;
    // A renamed sub-table takes its columns' keys along.
    return id === r.from ? r.to : id.startsWith(`${r.from}.`) ? r.to + id.slice(r.from.length) : id;
  };
  return list.map((x) => (typeof x === 'string' ? key(x) : x));
}

/** The workflow tree: branch conditions, approvers and CCs taken from a member field, field access. */
function renameInWorkflow(node: unknown, rewrite: (s: string) => string, r: Rename): void {
  if (Array.isArray(node)) {
    for (const n of node) renameInWorkflow(n, rewrite, r);
    return;
  }
  if (!isObj(node)) return;
  if (typeof node.when === 'string') node.when = rewrite(node.when);
  for (const who of [node.assignee, node.recipients]) {
    if (r.subtable === undefined && isObj(who) && who.kind === 'field' && who.field === r.from) who.field = r.to;
  }
  for (const access of ['fieldAccess', 'initiatorFieldAccess']) {
    const a = node[access];
    if (isObj(a)) for (const k of ['editable', 'hidden']) if (k in a) a[k] = renameList(r, a[k]);
  }
  for (const k of ['nodes', 'branches', 'default']) if (k in node) renameInWorkflow(node[k], rewrite, r);
}

/**
 * Carries the rename of a field of `doc.forms[formIndex]` into every reference to it (run inside the
 * same immer recipe as the rename itself, so that both are one undo step). The field itself must
 * already carry its new id.
 */
export function renameFieldRefs(doc: AppDefinition, formIndex: number, r: Rename): void {
  const form = doc.forms[formIndex];
  if (!form || r.from === r.to) return;
  const inScope = (scope: Scope) => {
    const map = pathMap(form, r, scope);
    return (source: string) => renameInExpression(source, map);
  };
  const header = inScope({});

  // The form's own fields: rules, formulas, defaults, validations (columns read their row).
  for (const e of walk(form)) {
    const rows = e.key.includes('.') ? e.container : undefined;
    const rewrite = rows ? inScope({ rows }) : header;
    const f = e.field as unknown as Obj;
    for (const prop of ['visibleWhen', 'requiredWhen', 'expression']) {
      if (typeof f[prop] === 'string') f[prop] = rewrite(f[prop] as string);
    }
    if (isObj(f.default) && typeof f.default.expr === 'string') f.default.expr = rewrite(f.default.expr);
    if (Array.isArray(f.validations)) {
      for (const v of f.validations) if (isObj(v) && typeof v.rule === 'string') v.rule = rewrite(v.rule);
    }
  }
  if (typeof form.title === 'string') form.title = header(form.title);
  if (form.workflow) renameInWorkflow(form.workflow as unknown, header, r);
  for (const rule of form.permissions?.fieldAccess ?? []) {
    const x = rule as unknown as Obj;
    for (const k of ['hidden', 'readOnly']) if (k in x) x[k] = renameList(r, x[k]);
  }
  for (const p of form.postings ?? []) {
    const rewrite = inScope({ rows: p.rows });
    for (const group of [p.keys, p.measures] as (Record<string, string> | undefined)[]) {
      if (group) for (const k of Object.keys(group)) group[k] = rewrite(group[k]!);
    }
    if (r.subtable === undefined && p.rows === r.from) p.rows = r.to;
  }

  // Other forms' references into this one: filters over this form's fields, shown fields.
  for (const other of doc.forms) {
    for (const e of walk(other)) {
      const f = e.field as unknown as Obj;
      const source = f.type === 'reference' ? f : isObj(f.optionsFrom) ? f.optionsFrom : undefined;
      if (!source || source.form !== form.id) continue;
      if (typeof source.filter === 'string') source.filter = header(source.filter);
      for (const k of ['displayField', 'valueField', 'labelField']) {
        if (typeof source[k] === 'string') source[k] = renameId(r, {}, source[k] as string);
      }
    }
  }

  // Views of this form's records.
  const renamedKeys = new Set<string>();
  for (const view of doc.views ?? []) {
    const v = view as unknown as Obj;
    if (v.type === 'list' && v.form === form.id) {
      for (const k of ['columns', 'userFilters', 'search']) {
        if (Array.isArray(v[k]))
          v[k] = (v[k] as unknown[]).map((c) => (typeof c === 'string' ? renameId(r, {}, c) : c));
      }
      for (const k of ['filters', 'sort']) {
        for (const x of (v[k] as unknown[] | undefined) ?? []) {
          if (isObj(x) && typeof x.field === 'string') x.field = renameId(r, {}, x.field);
        }
      }
    }
    if (v.type === 'aggregate' && isObj(v.source) && v.source.form === form.id) {
      const src = v.source;
      const scope: Scope = { rows: typeof src.rows === 'string' ? src.rows : undefined };
      const rewrite = inScope(scope);
      const rowColumns = scope.rows ? columnsOf(form, scope.rows) : new Set<string>();
      if (typeof src.where === 'string') src.where = rewrite(src.where);
      if (r.subtable === undefined && src.rows === r.from) src.rows = r.to;
      const keys = new Map<string, string>();
      for (const g of (v.groupBy as Obj[] | undefined) ?? []) {
        if (typeof g.key !== 'string') continue;
        const next = renameId(r, scope, g.key, rowColumns);
        if (next !== g.key) keys.set(g.key, next);
        g.key = next;
      }
      for (const m of (v.measures as Obj[] | undefined) ?? []) {
        if (typeof m.where === 'string') m.where = rewrite(m.where);
        if (typeof m.of === 'string') m.of = renameId(r, scope, m.of, rowColumns);
      }
      // Highlights read group keys and measures by name: a renamed group key is renamed there too.
      const byKey = (path: readonly string[]) =>
        path.length === 1 && keys.has(path[0]!) ? [keys.get(path[0]!)!] : undefined;
      for (const h of (v.highlights as Obj[] | undefined) ?? []) {
        if (typeof h.when === 'string') h.when = renameInExpression(h.when, byKey);
      }
      // So do computed measures.
      for (const m of (v.measures as Obj[] | undefined) ?? []) {
        if (typeof m.expr === 'string') m.expr = renameInExpression(m.expr, byKey);
      }
      for (const s of (v.sort as Obj[] | undefined) ?? []) {
        if (typeof s.field === 'string' && keys.has(s.field)) s.field = keys.get(s.field);
      }
      if (keys.size > 0 && typeof v.id === 'string') {
        for (const [a, b] of keys) renamedKeys.add(`${v.id}\u0000${a}\u0000${b}`);
      }
    }
  }
  // Charts of those aggregate views name the group keys on their axes.
  for (const view of doc.views ?? []) {
    const c = view as unknown as Obj;
    if (c.type !== 'chart') continue;
    for (const entry of renamedKeys) {
      const [id, a, b] = entry.split('\u0000') as [string, string, string];
      if (c.view !== id) continue;
      for (const k of ['x', 'series']) if (c[k] === a) c[k] = b;
    }
  }
}

/**
 * Runs `rename` (a recipe that may change the id of the field at `key` of `doc.forms[formIndex]`)
 * and, when the id did change, carries the new id into every reference. Returns what `rename` returned.
 */
export function withRefs<T>(doc: AppDefinition, formIndex: number, key: string, rename: (form: Form) => T): T {
  const form = doc.forms[formIndex]!;
  const e = locate(form, key);
  const from = e?.field.id;
  const result = rename(form);
  const to = e?.field.id;
  if (e && from !== undefined && to !== undefined && from !== to) {
    renameFieldRefs(doc, formIndex, { subtable: key.includes('.') ? e.container : undefined, from, to });
  }
  return result;
}
