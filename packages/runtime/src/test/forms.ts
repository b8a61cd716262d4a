import type { AppDefinition, Form } from '@gongfang/schema';
import inventory from '../../../../examples/inventory/app.json';
import inspection from '../../../../examples/quality-inspection/app.json';
import handover from '../../../../examples/shift-handover/app.json';

export const inventoryApp = inventory as unknown as AppDefinition;
export const inspectionApp = inspection as unknown as AppDefinition;
export const handoverApp = handover as unknown as AppDefinition;

export function formOf(app: AppDefinition, id: string): Form {
  const f = app.forms.find((x) => x.id === id);
  if (!f) throw new Error(`no form ${id}`);
  return f;
}

/** A small form with one field of each simple type, for widget tests. */
export function oneOfEach(): Form {
  return {
    id: 'sample',
    name: { 'zh-CN': '样例', en: 'Sample' },
    permissions: { submit: ['operator'] },
    fields: [
      { id: 'note', type: 'text', label: { 'zh-CN': '备注', en: 'Note' }, maxLength: 10 },
      { id: 'story', type: 'textarea', label: { 'zh-CN': '经过', en: 'Story' }, maxLength: 50 },
      {
        id: 'weight',
        type: 'number',
        label: { 'zh-CN': '重量', en: 'Weight' },
        unit: { 'zh-CN': '千克', en: 'kg' },
        precision: 1,
        step: 0.5,
        min: 0,
        max: 2,
      },
      { id: 'day', type: 'date', label: { 'zh-CN': '日期', en: 'Day' } },
      { id: 'at', type: 'date', mode: 'time', label: { 'zh-CN': '时间', en: 'Time' } },
      {
        id: 'line',
        type: 'select',
        label: { 'zh-CN': '产线', en: 'Line' },
        options: [
          { value: 'L1', label: { 'zh-CN': '一线', en: 'Line 1' } },
          { value: 'L2', label: { 'zh-CN': '二线', en: 'Line 2' } },
        ],
      },
      {
        id: 'verdict',
        type: 'radio',
        label: { 'zh-CN': '判定', en: 'Verdict' },
        options: [
          { value: 'OK', label: { 'zh-CN': '合格', en: 'Pass' }, color: 'green' },
          { value: 'NG', label: { 'zh-CN': '不合格', en: 'Fail' }, color: 'red' },
        ],
      },
      {
        id: 'checks',
        type: 'checkbox',
        label: { 'zh-CN': '检查项', en: 'Checks' },
        options: [
          { value: 'oil', label: { 'zh-CN': '油位', en: 'Oil' } },
          { value: 'air', label: { 'zh-CN': '气压', en: 'Air' } },
        ],
      },
      { id: 'who', type: 'member', label: { 'zh-CN': '责任人', en: 'Owner' }, roles: ['qc'] },
      { id: 'team', type: 'role', label: { 'zh-CN': '岗位', en: 'Role' } },
      { id: 'code', type: 'barcode', label: { 'zh-CN': '条码', en: 'Code' } },
      { id: 'spot', type: 'location', label: { 'zh-CN': '位置', en: 'Place' }, maxAccuracyMeters: 50 },
      { id: 'pics', type: 'photo', label: { 'zh-CN': '照片', en: 'Photos' }, maxCount: 2 },
      { id: 'docs', type: 'attachment', label: { 'zh-CN': '附件', en: 'Files' }, maxSizeMB: 1 },
      { id: 'sig', type: 'signature', label: { 'zh-CN': '签名', en: 'Signature' } },
      {
        id: 'receipt',
        type: 'reference',
        label: { 'zh-CN': '入库单', en: 'Receipt' },
        form: 'stock_in',
        displayField: 'doc_no',
      },
      {
        id: 'double',
        type: 'formula',
        label: { 'zh-CN': '两倍重量', en: 'Double weight' },
        expression: 'weight * 2',
        precision: 2,
        unit: { 'zh-CN': '千克', en: 'kg' },
      },
    ],
  } as Form;
}
