/* One exported cell: a stored value shown as a person reads it, safe to open in a spreadsheet. */
import { type ColumnField, type Field, type Lang, localize } from '@gongfang/schema';

export type Cell = string | number | boolean | null;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab / carriage return) as a formula: such
 * text gets a leading apostrophe. Numbers stay numbers (a negative number is not text).
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const SIGNED: Record<Lang, string> = { 'zh-CN': '已签名', en: 'Signed' };

export function cellValue(field: Field | ColumnField | undefined, value: unknown, lang: Lang): Cell {
  if (value === undefined || value === null || value === '') return null;
  const options = field && 'options' in field && Array.isArray(field.options) ? field.options : undefined;
  const label = (v: unknown) => {
    const o = options?.find((x) => x.value === v);
    return o ? localize(o.label, lang) : String(v);
  };
  if (typeof value === 'number' || typeof value === 'boolean') return options ? safeText(label(value)) : value;
  if (typeof value === 'string') return safeText(options ? label(value) : value);
  if (Array.isArray(value)) {
    const parts = value.map((v) =>
      typeof v === 'object' && v !== null && 'id' in v ? String((v as { id: unknown }).id) : label(v),
    );
    return safeText(parts.join(lang === 'zh-CN' ? '、' : ', '));
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (field?.type === 'signature') return SIGNED[lang];
    if (typeof o.lat === 'number' && typeof o.lng === 'number') return `${o.lat},${o.lng}`;
    if (typeof o.id === 'string') return safeText(o.id);
    return safeText(JSON.stringify(value));
  }
  return safeText(String(value));
}
