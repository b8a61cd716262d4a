import type { Form, Lang } from '@gongfang/schema';
import type { AnyField } from '../../store/fieldTypes.ts';

/** A plausible value for a field, so the preview shows rules and formulas at work. */
function sample(field: AnyField, lang: Lang, row = 0): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return lang === 'en' ? `Sample ${row + 1}` : `示例 ${row + 1}`;
    case 'number': {
      const min = field.min ?? 0;
      const max = field.max ?? min + 100;
      const v = Math.min(max, min + 10 * (row + 1));
      return Number(v.toFixed(field.precision ?? 0));
    }
    case 'date':
      return field.mode === 'time'
        ? '08:30'
        : field.mode === 'datetime'
          ? new Date().toISOString()
          : new Date().toISOString().slice(0, 10);
    case 'select':
      return field.options?.[0] ? (field.multiple ? [field.options[0].value] : field.options[0].value) : undefined;
    case 'radio':
      return field.options?.[0]?.value;
    case 'checkbox':
      return field.options?.[0] ? [field.options[0].value] : undefined;
    case 'barcode':
      return `ITM-${10001 + row}`;
    case 'subtable':
      return [0, 1].map((r) =>
        Object.fromEntries(field.fields.map((c) => [c.id, sample(c, lang, r)]).filter(([, v]) => v !== undefined)),
      );
    default:
      return undefined;
  }
}

/** Test data for the preview: sample values for every field that can take one. */
export function sampleData(form: Form, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const visit = (fields: readonly AnyField[]) => {
    for (const f of fields) {
      if (f.type === 'section') visit((f.fields ?? []) as AnyField[]);
      else if (f.type !== 'formula') {
        const v = sample(f, lang);
        if (v !== undefined) out[f.id] = v;
      }
    }
  };
  visit(form.fields as AnyField[]);
  return out;
}
