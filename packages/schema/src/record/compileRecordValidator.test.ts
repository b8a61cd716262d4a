import { describe, expect, it } from 'vitest';
import type { Form } from '../generated/types.ts';
import { compileRecordValidator } from './compileRecordValidator.ts';

const L = (en: string, zh = en) => ({ 'zh-CN': zh, en });
const SHA = 'a'.repeat(64);
const file = (over: Record<string, unknown> = {}) => ({
  id: SHA,
  name: 'p.jpg',
  type: 'image/jpeg',
  size: 1000,
  ...over,
});

const form: Form = {
  id: 'inspection',
  name: L('Inspection'),
  permissions: { submit: ['operator'] },
  fields: [
    { id: 'batch', type: 'text', label: L('Batch', '批次'), required: true, pattern: '[A-Z]{2}-\\d{4}', maxLength: 7 },
    { id: 'note', type: 'textarea', label: L('Note'), maxLength: 5 },
    { id: 'code', type: 'barcode', label: L('Code') },
    { id: 'qty', type: 'number', label: L('Quantity', '数量'), min: 0, max: 100, precision: 1 },
    { id: 'day', type: 'date', label: L('Day') },
    { id: 'at', type: 'date', label: L('At'), mode: 'datetime' },
    { id: 'clock', type: 'date', label: L('Clock'), mode: 'time' },
    {
      id: 'result',
      type: 'radio',
      label: L('Result'),
      options: [
        { value: 'OK', label: L('OK') },
        { value: 'NG', label: L('NG') },
      ],
    },
    {
      id: 'shift',
      type: 'select',
      label: L('Shift'),
      options: [
        { value: 'a', label: L('A') },
        { value: 'b', label: L('B') },
      ],
    },
    {
      id: 'tags',
      type: 'select',
      label: L('Tags'),
      multiple: true,
      options: [
        { value: 'x', label: L('X') },
        { value: 'y', label: L('Y') },
      ],
    },
    {
      id: 'supplier',
      type: 'select',
      label: L('Supplier'),
      optionsFrom: { form: 'suppliers', valueField: 'code', labelField: 'name' },
    },
    {
      id: 'defects',
      type: 'checkbox',
      label: L('Defects', '缺陷'),
      visibleWhen: 'result = "NG"',
      requiredWhen: 'result = "NG"',
      minSelected: 1,
      maxSelected: 2,
      options: [
        { value: 'scratch', label: L('Scratch') },
        { value: 'dent', label: L('Dent') },
        { value: 'crack', label: L('Crack') },
      ],
    },
    { id: 'inspector', type: 'member', label: L('Inspector') },
    { id: 'helpers', type: 'member', label: L('Helpers'), multiple: true },
    { id: 'duty', type: 'role', label: L('Duty'), roles: ['operator', 'qc_lead'] },
    { id: 'photos', type: 'photo', label: L('Photos'), maxCount: 2 },
    { id: 'docs', type: 'attachment', label: L('Docs'), maxSizeMB: 1, accept: ['application/pdf', '.xlsx'] },
    { id: 'sign', type: 'signature', label: L('Signature') },
    { id: 'where', type: 'location', label: L('Where'), maxAccuracyMeters: 50 },
    { id: 'part', type: 'reference', label: L('Part'), form: 'items', displayField: 'name' },
    {
      id: 'planned',
      type: 'number',
      label: L('Planned'),
      validations: [{ rule: 'planned >= qty', message: L('Planned must cover the quantity', '计划数不能小于数量') }],
    },
    {
      id: 'lines',
      type: 'subtable',
      label: L('Lines', '明细'),
      minRows: 1,
      maxRows: 3,
      fields: [
        { id: 'item', type: 'text', label: L('Item', '物料'), required: true },
        {
          id: 'line_qty',
          type: 'number',
          label: L('Line qty', '行数量'),
          min: 0,
          validations: [{ rule: 'line_qty <= qty', message: L('Line above header', '行数量超过表头') }],
        },
        { id: 'double', type: 'formula', label: L('Double'), expression: 'line_qty * 2' },
      ],
    },
    {
      id: 'total',
      type: 'formula',
      label: L('Total'),
      expression: 'SUM(lines.line_qty)',
      validations: [{ rule: 'total <= 50', message: L('Total too big') }],
    },
    {
      id: 'extra',
      type: 'section',
      label: L('Extra'),
      visibleWhen: 'result = "NG"',
      fields: [{ id: 'cause', type: 'text', label: L('Cause'), required: true }],
    },
  ],
};

const validate = compileRecordValidator(form);
const valid = { batch: 'AB-1234', result: 'OK', lines: [{ _id: 'r1', item: 'bolt', line_qty: 2 }] };
const codes = (data: unknown, ctx?: Parameters<typeof validate>[1]) =>
  validate(data, ctx).errors.map((e) => [e.pointer, e.code]);

describe('compileRecordValidator', () => {
  it('accepts a valid record', () => {
    expect(validate(valid)).toEqual({ ok: true, errors: [] });
  });

  it('rejects data that is not an object', () => {
    expect(codes([])).toEqual([['', 'not-an-object']]);
    expect(codes(null)).toEqual([['', 'not-an-object']]);
  });

  it('requires required fields, names the label, and skips required checks in draft mode', () => {
    const r = validate({ ...valid, batch: '' });
    expect(r.errors).toEqual([
      {
        pointer: '/batch',
        field: 'batch',
        code: 'required',
        message: { 'zh-CN': '「批次」不能为空', en: '“Batch” is required' },
      },
    ]);
    expect(validate({ ...valid, batch: undefined }, { mode: 'draft' }).ok).toBe(true);
    expect(codes({ result: 'OK' }, { mode: 'draft' })).toEqual([]);
  });

  it('checks text type, maxLength (own and default) and the whole-value pattern', () => {
    expect(codes({ ...valid, batch: 5 })).toEqual([['/batch', 'wrong-type']]);
    expect(codes({ ...valid, batch: 'AB-12345' })).toEqual([['/batch', 'too-long']]);
    expect(codes({ ...valid, batch: 'xAB-123' })).toEqual([['/batch', 'pattern-mismatch']]);
    expect(codes({ ...valid, note: 'too long' })).toEqual([['/note', 'too-long']]);
    expect(codes({ ...valid, code: 'x'.repeat(10001) })).toEqual([['/code', 'too-long']]);
  });

  it('checks numbers: finite, min, max, precision, with the label in both languages', () => {
    const r = validate({ ...valid, qty: -1 });
    expect(r.errors[0]!.message).toEqual({ 'zh-CN': '「数量」不能小于 0', en: '“Quantity” must be at least 0' });
    expect(codes({ ...valid, qty: 101 })).toEqual([['/qty', 'too-large']]);
    expect(codes({ ...valid, qty: 5.25 })).toEqual([['/qty', 'precision']]);
    expect(codes({ ...valid, qty: 5.2 })).toEqual([]);
    expect(codes({ ...valid, qty: '3' })).toEqual([['/qty', 'wrong-type']]);
    expect(codes({ ...valid, qty: Number.NaN })).toEqual([['/qty', 'wrong-type']]);
  });

  it('checks dates by mode, including impossible days', () => {
    expect(codes({ ...valid, day: '2024-02-29', at: '2024-01-01T08:00:00+08:00', clock: '23:59' })).toEqual([]);
    expect(codes({ ...valid, day: '2023-02-29' })).toEqual([['/day', 'wrong-format']]);
    expect(codes({ ...valid, at: '2024-01-01T08:00' })).toEqual([['/at', 'wrong-format']]);
    expect(codes({ ...valid, clock: '24:00' })).toEqual([['/clock', 'wrong-format']]);
  });

  it('checks static options; optionsFrom values only for type', () => {
    expect(codes({ ...valid, result: 'MAYBE' })).toEqual([['/result', 'not-an-option']]);
    expect(codes({ ...valid, shift: 'c' })).toEqual([['/shift', 'not-an-option']]);
    expect(codes({ ...valid, tags: ['x', 'x'] })).toEqual([['/tags', 'duplicate-value']]);
    expect(codes({ ...valid, tags: 'x' })).toEqual([['/tags', 'wrong-type']]);
    expect(codes({ ...valid, supplier: 'anything' })).toEqual([]);
    expect(codes({ ...valid, supplier: 3 })).toEqual([['/supplier', 'wrong-type']]);
  });

  it('applies requiredWhen and checkbox min/maxSelected; a hidden field is never required', () => {
    expect(codes({ ...valid, result: 'NG', cause: 'dust' })).toEqual([['/defects', 'required']]);
    expect(codes({ ...valid, result: 'NG', cause: 'dust', defects: ['scratch', 'dent', 'crack'] })).toEqual([
      ['/defects', 'too-many'],
    ]);
    expect(codes({ ...valid, result: 'NG', cause: 'dust', defects: ['rust'] })).toEqual([
      ['/defects', 'not-an-option'],
    ]);
    expect(codes({ ...valid, result: 'OK' })).toEqual([]);
  });

  it('hides the fields of a section whose visibleWhen is not TRUE', () => {
    expect(codes({ ...valid, result: 'NG', defects: ['dent'] })).toEqual([['/cause', 'required']]);
    expect(codes({ ...valid, result: 'OK' })).toEqual([]);
  });

  it('checks members and roles', () => {
    expect(codes({ ...valid, inspector: 'u1', helpers: ['u2', 'u3'], duty: 'qc_lead' })).toEqual([]);
    expect(codes({ ...valid, inspector: ['u1'] })).toEqual([['/inspector', 'wrong-type']]);
    expect(codes({ ...valid, helpers: 'u2' })).toEqual([['/helpers', 'wrong-type']]);
    expect(codes({ ...valid, duty: 'boss' })).toEqual([['/duty', 'not-an-option']]);
  });

  it('checks photos, attachments and signatures: count, shape, hash id, size, type', () => {
    expect(
      codes({
        ...valid,
        photos: [file()],
        docs: [file({ name: 'a.pdf', type: 'application/pdf' })],
        sign: file({ type: 'image/png' }),
      }),
    ).toEqual([]);
    expect(codes({ ...valid, photos: [file(), file(), file()] })).toEqual([['/photos', 'too-many']]);
    expect(codes({ ...valid, photos: [file({ id: 'abc' })] })).toEqual([['/photos', 'wrong-format']]);
    expect(codes({ ...valid, photos: [file({ type: 'application/pdf' })] })).toEqual([['/photos', 'wrong-file-type']]);
    expect(codes({ ...valid, photos: [file({ extra: 1 })] })).toEqual([['/photos', 'unknown-property']]);
    expect(codes({ ...valid, docs: [file({ name: 'a.exe', type: 'application/x-msdownload' })] })).toEqual([
      ['/docs', 'wrong-file-type'],
    ]);
    expect(
      codes({ ...valid, docs: [file({ name: 'b.xlsx', type: 'application/octet-stream', size: 2 * 1024 * 1024 })] }),
    ).toEqual([['/docs', 'too-large']]);
    expect(codes({ ...valid, sign: [file()] })).toEqual([['/sign', 'wrong-type']]);
  });

  it('checks locations, including the accuracy limit', () => {
    expect(codes({ ...valid, where: { lat: 31.2, lng: 121.5, accuracy: 10, at: '2024-01-01T08:00:00Z' } })).toEqual([]);
    expect(codes({ ...valid, where: { lat: 91, lng: 0, accuracy: 1 } })).toEqual([['/where', 'wrong-type']]);
    expect(codes({ ...valid, where: { lat: 1, lng: 1, accuracy: 500 } })).toEqual([['/where', 'inaccurate']]);
    expect(codes({ ...valid, where: { lat: 1, lng: 1, accuracy: 1, alt: 3 } })).toEqual([
      ['/where', 'unknown-property'],
    ]);
  });

  it('checks references as record ids', () => {
    expect(codes({ ...valid, part: 'rec-1' })).toEqual([]);
    expect(codes({ ...valid, part: 7 })).toEqual([['/part', 'wrong-type']]);
  });

  it('uses a validation’s own message, and does not apply a rule whose inputs are blank', () => {
    const r = validate({ ...valid, qty: 10, planned: 5 });
    expect(r.errors).toEqual([
      {
        pointer: '/planned',
        field: 'planned',
        code: 'validation',
        message: { 'zh-CN': '计划数不能小于数量', en: 'Planned must cover the quantity' },
      },
    ]);
    expect(codes({ ...valid, planned: 5 })).toEqual([]);
  });

  it('validates sub-table rows with row pointers, row scope and header fields in scope', () => {
    const r = validate({
      ...valid,
      qty: 5,
      lines: [
        { item: 'a', line_qty: 1 },
        { item: '', line_qty: 9 },
      ],
    });
    expect(r.errors.map((e) => [e.pointer, e.field, e.row, e.code])).toEqual([
      ['/lines/1/item', 'lines.item', 1, 'required'],
      ['/lines/1/line_qty', 'lines.line_qty', 1, 'validation'],
    ]);
    expect(r.errors[0]!.message).toEqual({ 'zh-CN': '第 2 行：「物料」不能为空', en: 'Row 2: “Item” is required' });
  });

  it('checks the row list itself: type, minRows (not in drafts), maxRows, row shape, row keys', () => {
    expect(codes({ ...valid, lines: [] })).toEqual([['/lines', 'too-few-rows']]);
    expect(codes({ ...valid, lines: [] }, { mode: 'draft' })).toEqual([]);
    expect(codes({ ...valid, lines: {} })).toEqual([['/lines', 'wrong-type']]);
    const row = { item: 'a' };
    expect(codes({ ...valid, lines: [row, row, row, row] })).toEqual([['/lines', 'too-many-rows']]);
    expect(codes({ ...valid, lines: ['x'] })).toEqual([['/lines/0', 'wrong-type']]);
    expect(codes({ ...valid, lines: [{ item: 'a', bogus: 1 }] })).toEqual([['/lines/0/bogus', 'unknown-field']]);
    expect(codes({ ...valid, lines: [{ item: 'a', _id: 3 }] })).toEqual([['/lines/0/_id', 'wrong-type']]);
  });

  it('ignores formula values in the data and checks rules against the recomputed value', () => {
    expect(codes({ ...valid, total: 'garbage', lines: [{ item: 'a', line_qty: 2, double: 'x' }] })).toEqual([]);
    expect(
      codes({
        ...valid,
        total: 1,
        lines: [
          { item: 'a', line_qty: 30 },
          { item: 'b', line_qty: 30 },
        ],
      }),
    ).toEqual([['/total', 'validation']]);
  });

  it('rejects unknown keys, including __proto__, without touching prototypes', () => {
    const data = JSON.parse(
      '{"batch":"AB-1234","result":"OK","lines":[{"item":"a"}],"__proto__":{"polluted":true},"zzz":1}',
    );
    expect(codes(data)).toEqual([
      ['/__proto__', 'unknown-field'],
      ['/zzz', 'unknown-field'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('passes USER() from the context to rules', () => {
    const mine = compileRecordValidator({
      id: 'f',
      name: L('F'),
      permissions: { submit: ['a'] },
      fields: [
        {
          id: 'owner',
          type: 'member',
          label: L('Owner'),
          validations: [{ rule: 'owner = USER()', message: L('Only yourself') }],
        },
      ],
    });
    expect(mine({ owner: 'ann' }, { user: 'ann' }).ok).toBe(true);
    expect(mine({ owner: 'bob' }, { user: 'ann' }).errors.map((e) => e.code)).toEqual(['validation']);
  });

  it('never reads a field named `constructor` (the one id that names an Object.prototype property) from the prototype', () => {
    const odd = compileRecordValidator({
      id: 'f',
      name: L('F'),
      permissions: { submit: ['a'] },
      fields: [
        { id: 'constructor', type: 'text', label: L('Constructor'), required: true },
        {
          id: 'lines',
          type: 'subtable',
          label: L('Lines'),
          fields: [{ id: 'constructor', type: 'text', label: L('C'), required: true }],
        },
      ],
    });
    expect(odd({ lines: [{ _id: 'r1' }] }).errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/constructor', 'required'],
      ['/lines/0/constructor', 'required'],
    ]);
    expect(odd({ constructor: 'x', lines: [{ _id: 'r1', constructor: 'y' }] }).ok).toBe(true);
  });
});
