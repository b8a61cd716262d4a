import { brief, byKey, type DiffKind, type DiffList, nameOf } from './diffTypes.ts';
import { asArray, asObject, asString, type JsonObject, jsonEqual } from './json.ts';

/** A field of a form with where it sits: container is `''` (the form), a section id or a sub-table id. */
interface PlacedField {
  field: JsonObject;
  /** `qty` for header fields (also inside sections), `lines.qty` for sub-table columns. */
  key: string;
  pointer: string;
  container: string;
}

/** Every field of a form by value key, tolerating invalid drafts (items without ids are skipped). */
export function placeFields(form: JsonObject, formPointer: string): Map<string, PlacedField> {
  const out = new Map<string, PlacedField>();
  const visit = (items: unknown[], pointer: string, container: string, prefix: string): void => {
    items.forEach((raw, i) => {
      const field = asObject(raw);
      const id = asString(field?.id);
      if (!field || id === undefined) return;
      const key = prefix + id;
      const at = `${pointer}/${i}`;
      if (!out.has(key)) out.set(key, { field, key, pointer: at, container });
      if (field.type === 'section') visit(asArray(field.fields), `${at}/fields`, id, prefix);
      else if (field.type === 'subtable' && prefix === '') visit(asArray(field.fields), `${at}/fields`, id, `${id}.`);
    });
  };
  visit(asArray(form.fields), `${formPointer}/fields`, '', '');
  return out;
}

/** Properties that are rules (when a field shows, must be filled, starts, or is refused). */
const RULE_PROPS = new Set(['visibleWhen', 'requiredWhen', 'required', 'readOnly', 'default', 'validations']);
/** Handled on their own: identity, children, options. */
const SKIP_PROPS = new Set(['id', 'type', 'label', 'fields', 'options']);

function diffOptions(list: DiffList, path: string, pointer: string, before: JsonObject, after: JsonObject): void {
  const name = nameOf(after);
  const a = byKey(asArray(before.options), 'value');
  const b = byKey(asArray(after.options), 'value');
  for (const [value, { item }] of b) {
    const old = a.get(value);
    const n = nameOf(item);
    if (!old) {
      list.add(
        'option.added',
        `${path}.options.${value}`,
        `${pointer}/options/${b.get(value)?.index}`,
        undefined,
        item,
        `字段「${name.zh}」新增选项「${n.zh}」`,
        `Field "${name.en}": option "${n.en}" added`,
      );
    } else if (!jsonEqual(old.item, item)) {
      list.add(
        'option.changed',
        `${path}.options.${value}`,
        `${pointer}/options/${b.get(value)?.index}`,
        old.item,
        item,
        `字段「${name.zh}」的选项「${n.zh}」已修改`,
        `Field "${name.en}": option "${n.en}" changed`,
      );
    }
  }
  for (const [value, { item, index }] of a) {
    if (b.has(value)) continue;
    const n = nameOf(item);
    list.add(
      'option.removed',
      `${path}.options.${value}`,
      `${pointer}/options/${index}`,
      item,
      undefined,
      `字段「${name.zh}」删除选项「${n.zh}」`,
      `Field "${name.en}": option "${n.en}" removed`,
    );
  }
}

function diffField(list: DiffList, path: string, pointer: string, before: JsonObject, after: JsonObject): void {
  const b = nameOf(before);
  const a = nameOf(after);
  if (before.type !== after.type) {
    list.add(
      'field.retyped',
      path,
      pointer,
      before.type,
      after.type,
      `字段「${a.zh}」类型由 ${brief(before.type)} 改为 ${brief(after.type)}`,
      `Field "${a.en}" changed type from ${brief(before.type)} to ${brief(after.type)}`,
    );
  }
  if (!jsonEqual(before.label, after.label)) {
    list.add(
      'field.relabelled',
      path,
      `${pointer}/label`,
      before.label,
      after.label,
      `字段「${b.zh}」改名为「${a.zh}」`,
      `Field "${b.en}" renamed to "${a.en}"`,
    );
  }
  const props = new Set([...Object.keys(before), ...Object.keys(after)].filter((p) => !SKIP_PROPS.has(p)));
  for (const prop of props) {
    if (jsonEqual(before[prop], after[prop])) continue;
    const kind: DiffKind =
      prop === 'expression' ? 'formula.changed' : RULE_PROPS.has(prop) ? 'rule.changed' : 'field.changed';
    const what =
      kind === 'formula.changed'
        ? ['公式', 'formula']
        : kind === 'rule.changed'
          ? ['规则', 'rule']
          : ['属性', 'property'];
    list.add(
      kind,
      `${path}.${prop}`,
      `${pointer}/${prop}`,
      before[prop],
      after[prop],
      `字段「${a.zh}」的${what[0]} ${prop} 由 ${brief(before[prop])} 改为 ${brief(after[prop])}`,
      `Field "${a.en}": ${what[1]} ${prop} changed from ${brief(before[prop])} to ${brief(after[prop])}`,
    );
  }
  if (!jsonEqual(before.options, after.options)) diffOptions(list, path, pointer, before, after);
}

/** Relative order of the fields both sides keep, per container. */
function diffOrder(
  list: DiffList,
  formId: string,
  pointer: string,
  a: Map<string, PlacedField>,
  b: Map<string, PlacedField>,
): void {
  const containers = new Set([...b.values()].map((p) => p.container));
  for (const container of containers) {
    const kept = (m: Map<string, PlacedField>) =>
      [...m.values()]
        .filter(
          (p) =>
            p.container === container &&
            a.get(p.key)?.container === b.get(p.key)?.container &&
            a.has(p.key) &&
            b.has(p.key),
        )
        .map((p) => p.key);
    const before = kept(a);
    const after = kept(b);
    if (jsonEqual(before, after)) continue;
    const where = container === '' ? formId : `${formId}.${container}`;
    list.add(
      'fields.reordered',
      `${where}.fields`,
      pointer,
      before,
      after,
      `「${where}」中的字段顺序已调整`,
      `Fields of "${where}" reordered`,
    );
  }
}

/** Fields added, removed, retyped, relabelled, moved, their rules, formulas and options. */
export function diffFormFields(
  list: DiffList,
  formId: string,
  before: JsonObject,
  after: JsonObject,
  beforePointer: string,
  afterPointer: string,
): void {
  const a = placeFields(before, beforePointer);
  const b = placeFields(after, afterPointer);
  for (const [key, placed] of b) {
    const path = `${formId}.${key}`;
    const old = a.get(key);
    const n = nameOf(placed.field);
    if (!old) {
      list.add(
        'field.added',
        path,
        placed.pointer,
        undefined,
        placed.field,
        `新增字段「${n.zh}」（${asString(placed.field.type) ?? '?'}）`,
        `Field "${n.en}" (${asString(placed.field.type) ?? '?'}) added`,
      );
      continue;
    }
    if (old.container !== placed.container) {
      const to = placed.container || formId;
      list.add(
        'field.moved',
        path,
        placed.pointer,
        old.container || formId,
        to,
        `字段「${n.zh}」移到「${to}」`,
        `Field "${n.en}" moved to "${to}"`,
      );
    }
    diffField(list, path, placed.pointer, old.field, placed.field);
  }
  for (const [key, placed] of a) {
    if (b.has(key)) continue;
    const n = nameOf(placed.field);
    list.add(
      'field.removed',
      `${formId}.${key}`,
      placed.pointer,
      placed.field,
      undefined,
      `删除字段「${n.zh}」`,
      `Field "${n.en}" removed`,
    );
  }
  diffOrder(list, formId, `${afterPointer}/fields`, a, b);
}
