import type { ColumnField, Field, LocalizedText } from '@gongfang/schema';

/** Every field type of schemas/app.schema.json, in the palette's order. */
export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'member',
  'role',
  'barcode',
  'photo',
  'attachment',
  'signature',
  'location',
  'formula',
  'reference',
  'subtable',
  'section',
] as const satisfies readonly Field['type'][];

export type FieldType = (typeof FIELD_TYPES)[number];
export type AnyField = Field | ColumnField;

export type PaletteGroup = 'basic' | 'choice' | 'device' | 'advanced' | 'layout';

export interface FieldTypeInfo {
  type: FieldType;
  name: LocalizedText & { 'zh-CN': string; en: string };
  group: PaletteGroup;
  /** What a new field of this type starts with, besides id, type and label. */
  init: () => Record<string, unknown>;
}

const opts = () => ({
  options: [
    { value: 'option_1', label: { 'zh-CN': '选项 1', en: 'Option 1' } },
    { value: 'option_2', label: { 'zh-CN': '选项 2', en: 'Option 2' } },
  ],
});
const none = () => ({});

function info(type: FieldType, zh: string, en: string, group: PaletteGroup, init = none): FieldTypeInfo {
  return { type, name: { 'zh-CN': zh, en }, group, init };
}

export const FIELD_TYPE_INFO: Readonly<Record<FieldType, FieldTypeInfo>> = {
  text: info('text', '单行文本', 'Text', 'basic'),
  textarea: info('textarea', '多行文本', 'Paragraph', 'basic'),
  number: info('number', '数字', 'Number', 'basic'),
  date: info('date', '日期时间', 'Date / time', 'basic'),
  select: info('select', '下拉选择', 'Dropdown', 'choice', opts),
  radio: info('radio', '单选按钮', 'Single choice', 'choice', opts),
  checkbox: info('checkbox', '多选', 'Checkboxes', 'choice', opts),
  member: info('member', '人员', 'Member', 'choice'),
  role: info('role', '角色', 'Role', 'choice'),
  barcode: info('barcode', '扫码', 'Barcode / QR', 'device'),
  photo: info('photo', '拍照', 'Photo', 'device'),
  attachment: info('attachment', '附件', 'Attachment', 'device'),
  signature: info('signature', '手写签名', 'Signature', 'device'),
  location: info('location', '定位', 'Location', 'device'),
  formula: info('formula', '计算公式', 'Formula', 'advanced', () => ({ expression: '0' })),
  reference: info('reference', '关联记录', 'Record link', 'advanced', () => ({ form: 'form_1', displayField: 'id' })),
  subtable: info('subtable', '明细子表', 'Sub-table', 'layout', () => ({
    fields: [{ id: 'item', type: 'text', label: { 'zh-CN': '名称', en: 'Name' } }],
  })),
  section: info('section', '分组', 'Section', 'layout', () => ({ columns: 2, fields: [] })),
};

export const PALETTE_GROUPS: readonly { id: PaletteGroup; name: { 'zh-CN': string; en: string } }[] = [
  { id: 'basic', name: { 'zh-CN': '基础字段', en: 'Basic' } },
  { id: 'choice', name: { 'zh-CN': '选择', en: 'Choices and people' } },
  { id: 'device', name: { 'zh-CN': '扫码与现场', en: 'Scan, photo, sign' } },
  { id: 'advanced', name: { 'zh-CN': '计算与关联', en: 'Computed and linked' } },
  { id: 'layout', name: { 'zh-CN': '布局与明细', en: 'Layout and lines' } },
];

export function isFieldType(t: unknown): t is FieldType {
  return typeof t === 'string' && (FIELD_TYPES as readonly string[]).includes(t);
}

/** Types allowed as sub-table columns: every value field except another sub-table. */
export function isColumnType(t: string): boolean {
  return isFieldType(t) && t !== 'section' && t !== 'subtable';
}

/** Types that hold no value of their own in a record row or are containers. */
export function isContainerType(t: string): t is 'section' | 'subtable' {
  return t === 'section' || t === 'subtable';
}
