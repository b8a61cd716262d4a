import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TestDesigner } from '../../test/TestDesigner.ts';
import { DesignerApp } from '../DesignerApp.tsx';

// Records the element each field's sortable hook is given as its node.
const nodes = vi.hoisted(() => new Map<string, HTMLElement | null>());
// One recording setter per dnd-kit setter, as stable as dnd-kit's own.
const setters = vi.hoisted(() => new WeakMap<object, (el: HTMLElement | null) => void>());
vi.mock('@dnd-kit/sortable', async (original) => {
  const real = await original<typeof import('@dnd-kit/sortable')>();
  return {
    ...real,
    useSortable: (args: Parameters<typeof real.useSortable>[0]) => {
      const sortable = real.useSortable(args);
      let setNodeRef = setters.get(sortable.setNodeRef);
      if (!setNodeRef) {
        setNodeRef = (el: HTMLElement | null) => {
          nodes.set(String(args.id), el);
          sortable.setNodeRef(el);
        };
        setters.set(sortable.setNodeRef, setNodeRef);
      }
      return { ...sortable, setNodeRef };
    },
  };
});

describe('the node a card gives dnd-kit', () => {
  it('is its slot, so the fields of a list share one parent (a move over the next field re-measures no scroll ancestors)', () => {
    const d = new TestDesigner();
    for (let i = 0; i < 4; i++) d.add(i % 2 ? 'text' : 'number');
    const section = d.add('section');
    d.add('text', section);
    d.add('text', section);
    d.load(d.doc);
    nodes.clear();
    render(<DesignerApp designer={d} />);
    const top = d.keys().map((key) => nodes.get(`field:${key}`));
    expect(top).toHaveLength(5);
    for (const [i, el] of top.entries()) {
      expect(el?.classList.contains('dz-slot')).toBe(true);
      expect(el?.dataset.key).toBe(d.keys()[i]);
      expect(el?.parentElement).toBe(top[0]?.parentElement);
    }
    const inner = d.keys(section).map((key) => nodes.get(`field:${key}`));
    expect(inner.map((el) => el?.dataset.key)).toEqual(d.keys(section));
    expect(inner[0]?.parentElement).toBe(inner[1]?.parentElement);
    expect(inner[0]?.parentElement).not.toBe(top[0]?.parentElement);
  });

  it('is the slot of a field just added too (selected, so its card mounts together with its slot)', () => {
    const d = new TestDesigner();
    d.add('text');
    d.load(d.doc);
    nodes.clear();
    render(<DesignerApp designer={d} />);
    let key = '';
    act(() => {
      key = d.add('number');
    });
    expect(d.state.ui.selection).toEqual([key]);
    const el = nodes.get(`field:${key}`);
    expect(el?.classList.contains('dz-slot')).toBe(true);
    expect(el?.dataset.key).toBe(key);
    expect(el?.parentElement).toBe(nodes.get(`field:${d.keys()[0]}`)?.parentElement);
  });
});
