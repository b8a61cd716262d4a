/**
 * The benchmark form, three ways: a Gongfang definition, the equivalent JSON Schema for rjsf, and
 * the field list the hand-written floor page renders. 300 header fields in 12 sections of 25
 * (text, number, select, date, textarea, text), 20 of them shown only when a number before them is
 * > 10 (hidden at first, as every value starts blank), every 10th required, and a 50-row sub-table
 * of 5 columns. Field 150 is a text field.
 */
import type { Field, Form } from '@gongfang/schema';

export const FIELDS = 300;
export const ROWS = 50;
export const KEY_FIELD = 150;
const L = (s: string) => ({ 'zh-CN': s, en: s });
const OPTIONS = ['A-01', 'A-02', 'B-01', 'B-02', 'C-01'];

export type Kind = 'text' | 'number' | 'select' | 'date' | 'textarea';
const KINDS: Kind[] = ['text', 'number', 'select', 'date', 'textarea', 'text'];
export const kindOf = (n: number): Kind => KINDS[n % KINDS.length] as Kind;
/** Field n (n % 15 === 14) is visible when the number field just before it… is > 10: 20 rules. */
export const ruleOf = (n: number): number | undefined => {
  if (n % 15 !== 14) return undefined;
  for (let m = n - 1; m >= 0; m--) if (kindOf(m) === 'number') return m;
  return undefined;
};
export const requiredOf = (n: number) => n % 10 === 3 && ruleOf(n) === undefined;

export function rows(): Record<string, unknown>[] {
  return Array.from({ length: ROWS }, (_, r) => ({
    item: `ITM-${10000 + r}`,
    batch: `B${r % 7}`,
    qty: (r * 3) % 500,
    location: OPTIONS[r % OPTIONS.length],
    note: 'ok',
  }));
}

export function gongfangForm(): Form {
  const sections: Field[] = [];
  for (let s = 0; s < FIELDS / 25; s++) {
    const fields: Field[] = [];
    for (let n = s * 25; n < (s + 1) * 25; n++) {
      const id = `f${n}`;
      const label = L(`Field ${n}`);
      const rule = ruleOf(n);
      const common = {
        id,
        label,
        ...(requiredOf(n) ? { required: true } : {}),
        ...(rule !== undefined ? { visibleWhen: `f${rule} > 10` } : {}),
      };
      switch (kindOf(n)) {
        case 'text':
          fields.push({ ...common, type: 'text', maxLength: 50 } as Field);
          break;
        case 'number':
          fields.push({ ...common, type: 'number', min: 0, max: 10000 } as Field);
          break;
        case 'select':
          fields.push({ ...common, type: 'select', options: OPTIONS.map((v) => ({ value: v, label: L(v) })) } as Field);
          break;
        case 'date':
          fields.push({ ...common, type: 'date' } as Field);
          break;
        default:
          fields.push({ ...common, type: 'textarea', maxLength: 500 } as Field);
      }
    }
    sections.push({ id: `s${s}`, type: 'section', label: L(`Section ${s}`), columns: 2, fields } as Field);
  }
  sections.push({
    id: 'lines',
    type: 'subtable',
    label: L('Lines'),
    maxRows: 500,
    fields: [
      { id: 'item', type: 'text', label: L('Item'), required: true },
      { id: 'batch', type: 'text', label: L('Batch'), maxLength: 30 },
      { id: 'qty', type: 'number', label: L('Qty'), min: 0, max: 1000000, required: true },
      {
        id: 'location',
        type: 'select',
        label: L('Location'),
        options: OPTIONS.map((v) => ({ value: v, label: L(v) })),
      },
      { id: 'note', type: 'text', label: L('Note'), maxLength: 100 },
    ],
  } as Field);
  return { id: 'big', name: L('Bench'), fields: sections, permissions: { submit: ['operator'] } } as Form;
}

/** The same form as JSON Schema + uiSchema for rjsf; a rule is an `if`/`then` that adds the field. */
export function jsonSchema(): { schema: Record<string, unknown>; uiSchema: Record<string, unknown> } {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const allOf: unknown[] = [];
  const uiSchema: Record<string, unknown> = {};
  for (let n = 0; n < FIELDS; n++) {
    const id = `f${n}`;
    let prop: Record<string, unknown>;
    switch (kindOf(n)) {
      case 'text':
        prop = { type: 'string', title: `Field ${n}`, maxLength: 50 };
        break;
      case 'number':
        prop = { type: 'number', title: `Field ${n}`, minimum: 0, maximum: 10000 };
        break;
      case 'select':
        prop = { type: 'string', title: `Field ${n}`, enum: OPTIONS };
        break;
      case 'date':
        prop = { type: 'string', title: `Field ${n}`, format: 'date' };
        break;
      default:
        prop = { type: 'string', title: `Field ${n}`, maxLength: 500 };
        uiSchema[id] = { 'ui:widget': 'textarea' };
    }
    const rule = ruleOf(n);
    if (rule !== undefined) {
      allOf.push({
        if: { properties: { [`f${rule}`]: { exclusiveMinimum: 10 } }, required: [`f${rule}`] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `if`/`then`, not a thenable
        then: { properties: { [id]: prop } },
      });
    } else {
      properties[id] = prop;
      if (requiredOf(n)) required.push(id);
    }
  }
  properties.lines = {
    type: 'array',
    title: 'Lines',
    maxItems: 500,
    items: {
      type: 'object',
      properties: {
        item: { type: 'string', title: 'Item', minLength: 1 },
        batch: { type: 'string', title: 'Batch', maxLength: 30 },
        qty: { type: 'number', title: 'Qty', minimum: 0, maximum: 1000000 },
        location: { type: 'string', title: 'Location', enum: OPTIONS },
        note: { type: 'string', title: 'Note', maxLength: 100 },
      },
      required: ['item', 'qty'],
    },
  };
  return { schema: { type: 'object', properties, required, allOf }, uiSchema };
}
