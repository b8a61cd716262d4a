import type { AppDefinition, ColumnField, ContentField, Field, Form } from '@gongfang/schema';

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The schema types want non-empty lists (`[T, ...T[]]`); a generated one is checked here once. */
function nonEmpty<T>(items: T[]): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error('a generated fixture list is empty');
  return [first, ...rest];
}

const OPTION_LIST = () => nonEmpty(OPTIONS.map((v) => ({ value: v, label: L(v, v) })));

/** A generated definition with `count` fields in sections of 25, mixing every common field type and rules. */
export function largeDefinition(count: number): AppDefinition {
  const sections: Field[] = [];
  let n = 0;
  while (n < count) {
    const fields: ContentField[] = [];
    for (let i = 0; i < 25 && n < count; i++, n++) fields.push(generatedField(n));
    sections.push({
      id: `s${sections.length}`,
      type: 'section',
      label: L(`分组 ${sections.length}`, `Section ${sections.length}`),
      columns: 2,
      fields: nonEmpty(fields),
    });
  }
  return {
    schemaVersion: 3,
    id: 'large',
    version: 1,
    name: L('大表单', 'Large form'),
    roles: [{ id: 'operator', name: L('操作员', 'Operator') }],
    forms: [
      { id: 'big', name: L('大表单', 'Big form'), fields: nonEmpty(sections), permissions: { submit: ['operator'] } },
    ],
  };
}

function generatedField(n: number): ContentField {
  const id = `f${n}`;
  const label = L(`字段 ${n}`, `Field ${n}`);
  switch (n % 8) {
    case 0:
      return { id, type: 'text', label, maxLength: 50, required: n % 16 === 0 };
    case 1:
      return { id, type: 'number', label, min: 0, max: 10000, precision: 2, unit: L('件', 'pcs') };
    case 2:
      return {
        id,
        type: 'select',
        label,
        options: [
          { value: 'a', label: L('甲', 'A') },
          { value: 'b', label: L('乙', 'B') },
        ],
      };
    case 3:
      return { id, type: 'date', label };
    case 4:
      return { id, type: 'number', label, visibleWhen: `f${n - 3} > 10`, requiredWhen: `f${n - 2} = "a"` };
    case 5:
      return { id, type: 'formula', label, expression: `f${n - 4} * 2 + f${n - 1}`, resultType: 'number' };
    case 6:
      return {
        id,
        type: 'textarea',
        label,
        validations: [{ rule: `LEN(f${n}) <= 500`, message: L('太长', 'Too long') }],
      };
    default:
      return {
        id,
        type: 'checkbox',
        label,
        options: [
          { value: 'x', label: L('X', 'X') },
          { value: 'y', label: L('Y', 'Y') },
        ],
      };
  }
}

const OPTIONS = ['A-01', 'A-02', 'B-01', 'B-02', 'C-01'];

/**
 * The form of the record-validation benchmark: 40 header fields and a 5-column sub-table, using only
 * checks a hand-written JSON Schema can express too (types, required, limits, lengths, options), so
 * both sides do the same work.
 */
export function recordForm(): Form {
  const fields: Field[] = [];
  for (let i = 0; i < 40; i++) {
    const id = `h${i}`;
    const label = L(`字段 ${i}`, `Field ${i}`);
    switch (i % 4) {
      case 0:
        fields.push({ id, type: 'text', label, maxLength: 40, required: true });
        break;
      case 1:
        fields.push({ id, type: 'number', label, min: 0, max: 100000, required: true });
        break;
      case 2:
        fields.push({ id, type: 'select', label, options: OPTION_LIST() });
        break;
      default:
        fields.push({ id, type: 'textarea', label, maxLength: 500 });
    }
  }
  const columns: ColumnField[] = [
    { id: 'item', type: 'barcode', label: L('物料', 'Item'), required: true },
    { id: 'batch', type: 'text', label: L('批次', 'Batch'), maxLength: 30 },
    { id: 'qty', type: 'number', label: L('数量', 'Qty'), min: 0, max: 1000000, required: true },
    {
      id: 'location',
      type: 'select',
      label: L('库位', 'Location'),
      options: OPTION_LIST(),
    },
    { id: 'note', type: 'text', label: L('备注', 'Note'), maxLength: 100 },
  ];
  fields.push({ id: 'lines', type: 'subtable', label: L('明细', 'Lines'), fields: nonEmpty(columns), maxRows: 500 });
  return { id: 'bench', name: L('基准', 'Bench'), fields: nonEmpty(fields), permissions: { submit: ['operator'] } };
}

/** The same checks as `recordForm()`, written by hand as a JSON Schema for ajv. */
export function recordJsonSchema(): object {
  const properties: Record<string, object> = {};
  const required: string[] = [];
  for (let i = 0; i < 40; i++) {
    const id = `h${i}`;
    switch (i % 4) {
      case 0:
        properties[id] = { type: 'string', minLength: 1, maxLength: 40 };
        required.push(id);
        break;
      case 1:
        properties[id] = { type: 'number', minimum: 0, maximum: 100000 };
        required.push(id);
        break;
      case 2:
        properties[id] = { enum: OPTIONS };
        break;
      default:
        properties[id] = { type: 'string', maxLength: 500 };
    }
  }
  properties.lines = {
    type: 'array',
    maxItems: 500,
    items: {
      type: 'object',
      properties: {
        _id: { type: 'string' },
        item: { type: 'string', minLength: 1 },
        batch: { type: 'string', maxLength: 30 },
        qty: { type: 'number', minimum: 0, maximum: 1000000 },
        location: { enum: OPTIONS },
        note: { type: 'string', maxLength: 100 },
      },
      required: ['item', 'qty'],
      additionalProperties: false,
    },
  };
  return { type: 'object', properties, required, additionalProperties: false };
}

/** A valid record of `recordForm()` with `rows` line items. */
export function recordData(seed: number, rows: number): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (let i = 0; i < 40; i++) {
    const id = `h${i}`;
    switch (i % 4) {
      case 0:
        data[id] = `value ${seed}-${i}`;
        break;
      case 1:
        data[id] = (seed * 7 + i) % 1000;
        break;
      case 2:
        data[id] = OPTIONS[(seed + i) % OPTIONS.length];
        break;
      default:
        data[id] = 'a longer remark about the shift and the machine state';
    }
  }
  data.lines = Array.from({ length: rows }, (_, r) => ({
    _id: `r${r}`,
    item: `ITM-${10000 + r}`,
    batch: `B${seed}`,
    qty: (r * 3 + seed) % 500,
    location: OPTIONS[r % OPTIONS.length],
    note: 'ok',
  }));
  return data;
}

/** 10,000 expression sources over a small header + sub-table scope, cycling through every function. */
export function expressionSources(count: number): string[] {
  // Every template embeds `i`, so all `count` sources are distinct (no compile-cache hits).
  const templates = [
    (i: number) => `qty * ${i} + price`,
    (i: number) => `IF(qty > ${i}, "high", "low")`,
    (i: number) => `SUM(lines.qty) - SUM(lines.scrap) + ${i}`,
    (i: number) => `AND(qty >= ${i}, NOT(ISBLANK(batch)), status = "ok")`,
    (i: number) => `ROUND(AVG(lines.qty) * ${i}, 2)`,
    (i: number) => `MAX(lines.qty) - MIN(lines.qty) > ${i}`,
    (i: number) => `CONCAT(batch, "-${i}-", LEN(batch))`,
    (i: number) => `DATEDIF(start, TODAY(), "d") > ${i}`,
    (i: number) => `OR(COUNT(lines.qty) > ${i}, ABS(price - 10) < 1)`,
    (i: number) => `batch & " / ${i} / " & status`,
  ];
  return Array.from({ length: count }, (_, i) => (templates[i % templates.length] as (i: number) => string)(i));
}
