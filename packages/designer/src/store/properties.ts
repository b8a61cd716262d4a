// Recipes that change one field's properties (run inside immer's produceWithPatches).
import { type Form, type Lang, type Message, message, type Option } from '@gongfang/schema';
import type { AnyField } from './fieldTypes.ts';
import { followsLabel, ID_PATTERN, slugId, uniqueId } from './ids.ts';
import { containerKind, keyIn, locate, takenIds } from './tree.ts';

/** Sets (or, with undefined, removes) one property. `id`, `type` and `fields` have their own commands. */
export function setProp(form: Form, key: string, prop: string, value: unknown): boolean {
  if (prop === 'id' || prop === 'type' || prop === 'fields') return false;
  const e = locate(form, key);
  if (!e) return false;
  const field = e.field as unknown as Record<string, unknown>;
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0 && prop !== 'options')) {
    if (!(prop in field)) return false;
    delete field[prop];
  } else field[prop] = value;
  return true;
}

/** Sets one language of a localized property (label, help, unit, placeholder, …); empty text removes it. */
export function setText(form: Form, key: string, prop: string, lang: Lang, text: string): boolean {
  const e = locate(form, key);
  if (!e) return false;
  const field = e.field as unknown as Record<string, Record<string, string> | undefined>;
  const current = { ...(field[prop] ?? {}) };
  if (text === '') delete current[lang];
  else current[lang] = text;
  if (Object.keys(current).length === 0 && prop !== 'label') delete field[prop];
  else field[prop] = current;
  return true;
}

/** Renames a field. Returns the new key, or an error message (bad pattern, taken, locked). */
export function renameField(form: Form, key: string, id: string, locked: boolean): string | Message {
  const e = locate(form, key);
  if (!e) return message('找不到该字段', 'There is no such field');
  if (e.field.id === id) return key;
  if (locked) {
    return message(
      '应用发布后字段标识不能再改：已有记录用它保存数据',
      'The field id is locked once the app is published: saved records use it',
    );
  }
  if (!ID_PATTERN.test(id)) {
    return message(
      '标识须以小写字母开头，只含小写字母、数字和下划线（最多 64 个字符）',
      'Ids start with a lower-case letter and use only a–z, 0–9 and _ (at most 64 characters)',
    );
  }
  const kind = containerKind(form, e.container)!;
  if (takenIds(form, kind, e.container).has(id)) {
    return message(`标识 ${id} 已被本表单的其他字段使用`, `The id ${id} is already used by another field of this form`);
  }
  const old = e.field.id;
  e.field.id = id;
  if (e.container !== '' && kind === 'subtable') renameColumnRefs(form, e.container, old, id);
  return keyIn(kind, e.container, id);
}

/** Keeps a sub-table's totals and scan settings pointing at a renamed column. */
function renameColumnRefs(form: Form, subtable: string, from: string, to: string): void {
  const s = locate(form, subtable)?.field;
  if (s?.type !== 'subtable') return;
  if (s.totals) s.totals = s.totals.map((c) => (c === from ? to : c));
  if (s.scan?.field === from) s.scan.field = to;
  if (s.scan?.quantityField === from) s.scan.quantityField = to;
}

/**
 * Sets a label; while the id still follows the English label (a new field, never renamed by hand,
 * not yet published) the id follows the new English label. Returns the field's key afterwards.
 */
export function setLabel(form: Form, key: string, lang: Lang, text: string, locked: boolean): string {
  const e = locate(form, key);
  if (!e) return key;
  const before = e.field.label?.en;
  setText(form, key, 'label', lang, text);
  if (lang !== 'en' || locked || !followsLabel(e.field.id, before)) return key;
  const slug = slugId(text);
  if (!slug) return key;
  const kind = containerKind(form, e.container)!;
  const taken = takenIds(form, kind, e.container);
  taken.delete(e.field.id);
  const next = uniqueId(slug, taken);
  const renamed = renameField(form, key, next, false);
  return typeof renamed === 'string' ? renamed : key;
}

/**
 * Options typed or pasted from a spreadsheet column: one per line; `value<TAB>label` or
 * `value<TAB>中文<TAB>English` when there are tabs. A label in Chinese goes to zh-CN, other text
 * to both languages. Repeated values are dropped (values must be unique).
 */
export function parseOptions(text: string): Option[] {
  const seen = new Set<string>();
  const out: Option[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const cells = raw.split('\t').map((c) => c.trim());
    if (cells.every((c) => c === '')) continue;
    const [value0, zh0, en0] = cells;
    const value = (value0 || zh0 || '').slice(0, 100);
    if (!value || seen.has(value)) continue;
    seen.add(value);
    const label = zh0 ?? value0 ?? value;
    const cjk = /[\u3400-\u9fff]/.test(label);
    const localized: Option['label'] =
      en0 !== undefined && en0 !== ''
        ? { 'zh-CN': label, en: en0 }
        : cjk
          ? { 'zh-CN': label }
          : { 'zh-CN': label, en: label };
    out.push({ value, label: localized });
  }
  return out;
}

/** The options as the text area shows them: `value<TAB>zh<TAB>en` lines. */
export function formatOptions(options: readonly Option[] | undefined): string {
  return (options ?? [])
    .map((o) => [o.value, o.label['zh-CN'] ?? '', o.label.en ?? ''].join('\t').replace(/\t+$/, ''))
    .join('\n');
}

export type { AnyField };
