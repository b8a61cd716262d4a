import { describe, expect, it } from 'vitest';
import { TestDesigner } from '../test/TestDesigner.ts';

describe('field commands', () => {
  it('adds every field type at an index, into sections and into sub-tables', () => {
    const d = new TestDesigner();
    const section = d.add('section');
    const lines = d.add('subtable');
    const first = d.addField('number', { container: '', index: 0 });
    expect(d.keys()).toEqual([first, section, lines]);
    const inSection = d.add('date', section);
    const column = d.add('number', lines);
    expect(d.keys(section)).toEqual([inSection]);
    expect(column).toBe(`${lines}.field_1`);
    expect(d.keys(lines)).toEqual([`${lines}.item`, column]);
  });

  it('sub-tables only take column types; sections take no sections', () => {
    const d = new TestDesigner();
    const section = d.add('section');
    const lines = d.add('subtable');
    expect(d.addField('subtable', { container: lines, index: 0 })).toBeUndefined();
    expect(d.addField('section', { container: lines, index: 0 })).toBeUndefined();
    expect(d.addField('section', { container: section, index: 0 })).toBeUndefined();
    expect(d.moveFields([section], { container: lines, index: 0 })).toBeUndefined();
    expect(d.state.history.undo).toBe(2);
  });

  it('moves fields into and out of sections and sub-tables, renaming ids only on a clash', () => {
    const d = new TestDesigner();
    const lines = d.add('subtable');
    const qty = d.add('number');
    d.setId(qty, 'item');
    const section = d.add('section');
    const [moved] = d.moveFields(['item'], { container: lines, index: 1 })!;
    expect(moved).toBe(`${lines}.item_2`);
    const [out] = d.moveFields([moved!], { container: section, index: 0 })!;
    expect(out).toBe('item_2');
    expect(d.keys(section)).toEqual(['item_2']);
    const [back] = d.moveFields([out!], { container: '', index: 0 })!;
    expect(d.keys()).toEqual([back, lines, section]);
  });

  it('reorders several selected fields together, keeping their order', () => {
    const d = new TestDesigner();
    const [a, b, c, e] = [d.add('text'), d.add('number'), d.add('date'), d.add('select')];
    d.moveFields([c, a], { container: '', index: 4 });
    expect(d.keys()).toEqual([b, e, a, c]);
  });

  it('deletes fields, a section with its contents', () => {
    const d = new TestDesigner();
    const section = d.add('section');
    d.add('text', section);
    const keep = d.add('number');
    d.deleteFields([section, 'field_1']);
    expect(d.keys()).toEqual([keep]);
  });

  it('pastes copies with unique ids, section children too', () => {
    const d = new TestDesigner();
    const section = d.add('section');
    const inner = d.add('text', section);
    const clip = d.copy([section]);
    const pasted = d.paste(clip, { container: '', index: 1 });
    expect([section, inner]).toEqual(['field_1', 'field_2']);
    expect(pasted).toEqual(['field_3']);
    expect(d.keys(pasted[0]!)).toEqual(['field_4']);
    const twice = d.paste(clip, { container: '', index: 9 });
    expect(twice).toEqual(['field_5']);
    const ids = d.form.fields.flatMap((f) => [
      f.id,
      ...(f.type === 'section' ? (f.fields ?? []).map((c) => c.id) : []),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(d.flushProblems().filter((p) => p.code.includes('duplicate'))).toEqual([]);
  });

  it('pastes into a sub-table only the fields a column may be, and accepts a bare field', () => {
    const d = new TestDesigner();
    const lines = d.add('subtable');
    const keys = d.paste(
      JSON.stringify([
        { id: 'item', type: 'number', label: { en: 'Qty' } },
        { id: 'sec', type: 'section', label: { en: 'S' } },
      ]),
      { container: lines, index: 9 },
    );
    expect(keys).toEqual([`${lines}.item_2`]);
    expect(d.paste('not json')).toEqual([]);
    expect(
      d.paste(JSON.stringify({ id: 'note', type: 'textarea', label: { en: 'Note' } }), { container: '', index: 0 }),
    ).toEqual(['note']);
  });

  it('duplicates the selection right after it', () => {
    const d = new TestDesigner();
    const a = d.add('text');
    const b = d.add('number');
    d.select([a]);
    expect(d.duplicate()).toEqual(['field_3']);
    expect(d.keys()).toEqual([a, 'field_3', b]);
    expect(d.state.ui.selection).toEqual(['field_3']);
  });
});
