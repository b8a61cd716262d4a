import { describe, expect, it } from 'vitest';
import { TestDesigner } from '../test/TestDesigner.ts';
import { emptyApp } from './emptyApp.ts';

describe('undo history', () => {
  it('keeps at least 500 steps and undoes them one by one back to the start', () => {
    const d = new TestDesigner();
    const key = d.add('number');
    const start = d.snapshot();
    for (let i = 1; i <= 600; i++) {
      d.setProp(key, 'max', i);
      d.stopMerging();
    }
    expect(d.state.history.undo).toBe(601);
    for (let i = 0; i < 500; i++) expect(d.undo()).toBe(true);
    expect(d.get<{ max: number }>(key).max).toBe(100);
    d.undoAll();
    expect(d.doc).toEqual(emptyApp());
    d.redo();
    expect(d.doc).toEqual(start);
  });

  it('folds a burst of typing in one input into one step, and separate inputs into separate steps', () => {
    const d = new TestDesigner();
    let key = d.add('text');
    // The id follows the English label while it is typed, so each keystroke returns the new key.
    for (const t of ['R', 'Re', 'Rec', 'Receipt']) key = d.setLabel(key, 'en', t);
    expect(key).toBe('receipt');
    d.setText(key, 'help', 'en', 'Printed on the delivery note');
    expect(d.state.history.undo).toBe(3);
    d.undo();
    d.undo();
    expect(d.get('field_1').label).toEqual({ 'zh-CN': '单行文本', en: 'Text' });
  });

  it('groups everything between a mark and its commit into one undo step (a drag)', () => {
    const d = new TestDesigner();
    const [a, b, c] = [d.add('text'), d.add('number'), d.add('date')];
    const before = d.snapshot();
    const mark = d.mark('drag');
    d.moveFields([a], { container: '', index: 2 });
    d.moveFields([a], { container: '', index: 3 });
    d.moveFields([b], { container: '', index: 0 });
    d.commit(mark);
    expect(d.keys()).toEqual([b, c, a]);
    expect(d.state.history.undo).toBe(4);
    d.undo();
    expect(d.doc).toEqual(before);
    d.redo();
    expect(d.keys()).toEqual([b, c, a]);
  });

  it('bails out of a cancelled drag without leaving a step behind', () => {
    const d = new TestDesigner();
    const [a] = [d.add('text'), d.add('number')];
    const before = d.snapshot();
    const mark = d.mark('drag');
    d.moveFields([a], { container: '', index: 2 });
    d.bail(mark);
    expect(d.doc).toEqual(before);
    expect(d.state.history.undo).toBe(2);
  });

  it('never records a load, a remote update or a server update', () => {
    const d = new TestDesigner();
    d.add('text');
    const other = emptyApp();
    other.id = 'other_app';
    d.load(other);
    expect(d.state.history).toEqual({ undo: 0, redo: 0 });
    expect(d.undo()).toBe(false);
    expect(d.doc.id).toBe('other_app');
    d.update((doc) => {
      doc.name = { 'zh-CN': '远程改名', en: 'Renamed remotely' };
    }, 'remote');
    d.update((doc) => {
      doc.version = 2;
    }, 'server');
    expect(d.state.history.undo).toBe(0);
    expect(d.doc.version).toBe(2);
  });

  it('a new edit after undo drops the redo steps', () => {
    const d = new TestDesigner();
    d.add('text');
    d.add('number');
    d.undo();
    expect(d.state.history.redo).toBe(1);
    d.add('date');
    expect(d.state.history.redo).toBe(0);
  });
});
