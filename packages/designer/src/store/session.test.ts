import { describe, expect, it } from 'vitest';
import { TestDesigner } from '../test/TestDesigner.ts';
import { emptyApp } from './emptyApp.ts';
import { FIELD_TYPES, type FieldType } from './fieldTypes.ts';
import { walk } from './tree.ts';

/** A small deterministic PRNG (mulberry32), so a failing session can be replayed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function session(d: TestDesigner, seed: number, edits: number): AppDefinitionSnapshots {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  const snapshots = [d.snapshot()];
  for (let i = 0; i < edits; i++) {
    const all = walk(d.form);
    const some = pick(all);
    const containers = [
      '',
      ...all.filter((e) => e.field.type === 'section' || e.field.type === 'subtable').map((e) => e.key),
    ];
    const container = pick(containers)!;
    const before = d.state.history.undo;
    switch (Math.floor(random() * 9)) {
      case 0:
      case 1:
        d.addField(pick(FIELD_TYPES) as FieldType, { container, index: Math.floor(random() * 6) });
        break;
      case 2:
        if (some) d.moveFields([some.key], { container, index: Math.floor(random() * 6) });
        break;
      case 3:
        if (some) d.deleteFields([some.key]);
        break;
      case 4:
        if (some) d.duplicate([some.key]);
        break;
      case 5:
        if (some) d.setLabel(some.key, random() < 0.5 ? 'en' : 'zh-CN', `Label ${i}`);
        break;
      case 6:
        if (some) d.setProp(some.key, 'visibleWhen', random() < 0.7 ? `${some.field.id} <> ""` : undefined);
        break;
      case 7:
        if (some) d.paste(d.copy([some.key]), { container, index: 0 });
        break;
      default:
        if (some) d.setProp(some.key, 'required', random() < 0.5);
    }
    d.stopMerging();
    if (d.state.history.undo !== before) snapshots.push(d.snapshot());
  }
  return snapshots;
}
type AppDefinitionSnapshots = ReturnType<TestDesigner['snapshot']>[];

describe('a long editing session', () => {
  it('undoes back to the empty app and redoes to the very same definition', () => {
    const d = new TestDesigner();
    const snapshots = session(d, 20250301, 400);
    const end = d.snapshot();
    expect(snapshots.length).toBeGreaterThan(250);
    expect(d.state.history.undo).toBe(snapshots.length - 1);
    // Every intermediate state comes back on the way down.
    for (let i = snapshots.length - 1; i > 0; i--) {
      expect(d.doc).toEqual(snapshots[i]);
      expect(d.undo()).toBe(true);
    }
    expect(d.undo()).toBe(false);
    expect(d.doc).toEqual(emptyApp());
    d.redoAll();
    expect(d.doc).toEqual(end);
  });

  it('keeps the session valid enough to export and re-import', () => {
    const d = new TestDesigner();
    session(d, 7, 150);
    const again = new TestDesigner();
    expect(again.importJson(d.exportJson()).ok).toBe(true);
    expect(again.doc).toEqual(d.doc);
  });
});
