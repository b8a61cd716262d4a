import type { ColumnField, Field, LocalizedText } from '../generated/types.ts';
import { type Message, message } from '../i18n.ts';

/** A field's label in both languages, falling back to the other one or the id. */
export interface Label {
  zh: string;
  en: string;
}

export function labelOf(field: Field | ColumnField): Label {
  const l: LocalizedText = field.label;
  const zh = (Object.hasOwn(l, 'zh-CN') ? l['zh-CN'] : undefined) ?? l.en ?? field.id;
  const en = (Object.hasOwn(l, 'en') ? l.en : undefined) ?? l['zh-CN'] ?? field.id;
  return { zh, en };
}

/** `「数量」不能小于 0` / `“Quantity” must be at least 0`. */
export function about(label: Label, zh: string, en: string): Message {
  return message(`「${label.zh}」${zh}`, `“${label.en}” ${en}`);
}

/** Prefixes a row number (1-based for people) to a column's message. */
export function inRow(row: number, m: Message): Message {
  return message(`第 ${row + 1} 行：${m['zh-CN']}`, `Row ${row + 1}: ${m.en}`);
}
