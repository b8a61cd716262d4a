/**
 * The readable diff between two app definitions (two versions, or a version and the draft). Pure:
 * the designer shows the same list before a publish. Things are matched by id (fields by id within
 * their form or sub-table, options by value, workflow nodes, views, ledgers, roles, postings by
 * id), never by array position, so a reorder is one entry and not a cascade of changes.
 * Definitions may be invalid drafts: whatever cannot be read is skipped, nothing throws.
 */
import { diffFormFields } from './diffFields.ts';
import { brief, byKey, type DiffEntry, type DiffKind, DiffList, nameOf } from './diffTypes.ts';
import { diffWorkflow } from './diffWorkflow.ts';
import { asArray, asObject, type JsonObject, jsonEqual } from './json.ts';

export type { DiffEntry, DiffKind } from './diffTypes.ts';

type Section = 'role' | 'view' | 'ledger' | 'posting';
const SECTION_WORDS: Record<Section, [string, string]> = {
  role: ['角色', 'Role'],
  view: ['视图', 'View'],
  ledger: ['台账', 'Ledger'],
  posting: ['过账', 'Posting'],
};

/** Items of a list matched by id: added, removed, and changed property by property. */
function diffById(
  list: DiffList,
  section: Section,
  prefix: string,
  before: unknown,
  after: unknown,
  beforePointer: string,
  afterPointer: string,
): void {
  const [zhWord, enWord] = SECTION_WORDS[section];
  const a = byKey(asArray(before));
  const b = byKey(asArray(after));
  for (const [id, { item, index }] of b) {
    const n = nameOf(item);
    const old = a.get(id);
    const pointer = `${afterPointer}/${index}`;
    if (!old) {
      list.add(
        `${section}.added` as DiffKind,
        `${prefix}.${id}`,
        pointer,
        undefined,
        item,
        `新增${zhWord}「${n.zh}」`,
        `${enWord} "${n.en}" added`,
      );
      continue;
    }
    for (const prop of new Set([...Object.keys(old.item), ...Object.keys(item)])) {
      if (jsonEqual(old.item[prop], item[prop])) continue;
      list.add(
        `${section}.changed` as DiffKind,
        `${prefix}.${id}.${prop}`,
        `${pointer}/${prop}`,
        old.item[prop],
        item[prop],
        `${zhWord}「${n.zh}」的 ${prop} 由 ${brief(old.item[prop])} 改为 ${brief(item[prop])}`,
        `${enWord} "${n.en}": ${prop} changed from ${brief(old.item[prop])} to ${brief(item[prop])}`,
      );
    }
  }
  for (const [id, { item, index }] of a) {
    if (b.has(id)) continue;
    const n = nameOf(item);
    list.add(
      `${section}.removed` as DiffKind,
      `${prefix}.${id}`,
      `${beforePointer}/${index}`,
      item,
      undefined,
      `删除${zhWord}「${n.zh}」`,
      `${enWord} "${n.en}" removed`,
    );
  }
}

const FORM_PROPS = ['name', 'description', 'icon', 'columns', 'title'];

function diffForm(list: DiffList, id: string, a: JsonObject, b: JsonObject, pa: string, pb: string): void {
  const n = nameOf(b);
  for (const prop of FORM_PROPS) {
    if (jsonEqual(a[prop], b[prop])) continue;
    list.add(
      'form.changed',
      `${id}.${prop}`,
      `${pb}/${prop}`,
      a[prop],
      b[prop],
      `表单「${n.zh}」的 ${prop} 由 ${brief(a[prop])} 改为 ${brief(b[prop])}`,
      `Form "${n.en}": ${prop} changed from ${brief(a[prop])} to ${brief(b[prop])}`,
    );
  }
  diffFormFields(list, id, a, b, pa, pb);
  const perm = (x: JsonObject) => asObject(x.permissions) ?? {};
  const [permA, permB] = [perm(a), perm(b)];
  for (const key of new Set([...Object.keys(permA), ...Object.keys(permB)])) {
    if (jsonEqual(permA[key], permB[key])) continue;
    list.add(
      'permission.changed',
      `${id}.permissions.${key}`,
      `${pb}/permissions/${key}`,
      permA[key],
      permB[key],
      `表单「${n.zh}」的权限 ${key} 由 ${brief(permA[key])} 改为 ${brief(permB[key])}`,
      `Form "${n.en}": permission ${key} changed from ${brief(permA[key])} to ${brief(permB[key])}`,
    );
  }
  diffWorkflow(list, id, a.workflow, b.workflow, `${pa}/workflow`, `${pb}/workflow`);
  diffById(list, 'posting', `${id}.postings`, a.postings, b.postings, `${pa}/postings`, `${pb}/postings`);
}

/** Every change from `before` to `after`, in definition order: app, roles, forms, ledgers, views. */
export function diffDefinitions(before: unknown, after: unknown): DiffEntry[] {
  const list = new DiffList();
  const a = asObject(before) ?? {};
  const b = asObject(after) ?? {};
  for (const prop of ['name', 'description', 'icon']) {
    if (jsonEqual(a[prop], b[prop])) continue;
    list.add(
      'app.changed',
      `app.${prop}`,
      `/${prop}`,
      a[prop],
      b[prop],
      `应用的 ${prop} 由 ${brief(a[prop])} 改为 ${brief(b[prop])}`,
      `App ${prop} changed from ${brief(a[prop])} to ${brief(b[prop])}`,
    );
  }
  diffById(list, 'role', 'roles', a.roles, b.roles, '/roles', '/roles');
  const fa = byKey(asArray(a.forms));
  const fb = byKey(asArray(b.forms));
  for (const [id, { item, index }] of fb) {
    const old = fa.get(id);
    const n = nameOf(item);
    if (!old)
      list.add('form.added', id, `/forms/${index}`, undefined, item, `新增表单「${n.zh}」`, `Form "${n.en}" added`);
    else diffForm(list, id, old.item, item, `/forms/${old.index}`, `/forms/${index}`);
  }
  for (const [id, { item, index }] of fa) {
    if (fb.has(id)) continue;
    const n = nameOf(item);
    list.add('form.removed', id, `/forms/${index}`, item, undefined, `删除表单「${n.zh}」`, `Form "${n.en}" removed`);
  }
  diffById(list, 'ledger', 'ledgers', a.ledgers, b.ledgers, '/ledgers', '/ledgers');
  diffById(list, 'view', 'views', a.views, b.views, '/views', '/views');
  return list.entries;
}
