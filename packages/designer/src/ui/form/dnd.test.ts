import type { Active, ClientRect, DroppableContainer, KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { Form } from '@gongfang/schema';
import { describe, expect, it } from 'vitest';
import { collisionFor, containerDndId, type DragData, fieldDndId, keyboardCoordinatesFor } from './dnd.ts';

const rect = (top: number, height: number, left = 0, width = 800): ClientRect => ({
  top,
  left,
  width,
  height,
  bottom: top + height,
  right: left + width,
});

const form = {
  id: 'f',
  fields: [
    { id: 'a', type: 'text', label: 'A' },
    { id: 'b', type: 'number', label: 'B' },
    { id: 'c', type: 'text', label: 'C' },
    { id: 's', type: 'section', label: 'S', fields: [] },
  ],
} as unknown as Form;

const field = (key: string, type: string): DragData => ({
  kind: 'field',
  key,
  type: type as never,
  label: key.toUpperCase(),
  container: '',
  containerKind: 'root',
});

/** Droppables as dnd-kit keeps them: the canvas (the form's end), the section and the mounted cards. */
function droppables(cards: Record<string, ClientRect>, section = true) {
  const rects = new Map<string, ClientRect>([
    [containerDndId(''), rect(0, 800)],
    ...(section ? [[containerDndId('s'), rect(900, 100)] as [string, ClientRect]] : []),
    ...Object.entries(cards).map(([key, r]) => [fieldDndId(key), r] as [string, ClientRect]),
  ]);
  const data: Record<string, DragData> = {
    [containerDndId('')]: { kind: 'container', key: '', containerKind: 'root', label: 'form' },
    [containerDndId('s')]: { kind: 'container', key: 's', containerKind: 'section', label: 'S' },
    ...Object.fromEntries(Object.keys(cards).map((k) => [fieldDndId(k), field(k, k === 'b' ? 'number' : 'text')])),
  };
  const containers = [...rects.keys()].map(
    (id) =>
      ({
        id,
        key: id,
        disabled: false,
        data: { current: data[id] },
        node: { current: { parentElement: null } },
        rect: { current: rects.get(id) },
      }) as unknown as DroppableContainer,
  );
  return { rects, containers };
}

const active = { id: fieldDndId('a'), data: { current: field('a', 'text') } } as unknown as Active;

/** What a keyboard drag of `a` with its rect at `collisionRect` is over, among these mounted cards. */
function keyboardOver(cards: Record<string, ClientRect>, collisionRect: ClientRect) {
  const { rects, containers } = droppables(cards);
  const hits = collisionFor(() => form)({
    active,
    collisionRect,
    droppableRects: rects,
    droppableContainers: containers,
    pointerCoordinates: null,
  });
  return hits[0]?.id;
}

describe('keyboard drags on the canvas', () => {
  it('go over the card under the item, not the canvas whose centre is nearer', () => {
    // The item's centre is at 390; the canvas's (the end of the form) at 400, the card's at 370.
    expect(keyboardOver({ a: rect(0, 60), b: rect(320, 100), c: rect(440, 60) }, rect(360, 60))).toBe(fieldDndId('b'));
  });

  it('may still end in a container that has no field yet', () => {
    expect(keyboardOver({ a: rect(0, 60) }, rect(880, 60))).toBe(containerDndId('s'));
  });

  it('move down to the next mounted card, and never to the canvas while the next cards mount', () => {
    const getter: KeyboardCoordinateGetter = keyboardCoordinatesFor(() => form);
    const down = () => new KeyboardEvent('keydown', { code: 'ArrowDown' });
    const context = (cards: Record<string, ClientRect>, collisionRect: ClientRect) => {
      const { rects, containers } = droppables(cards, false);
      const map = new Map(containers.map((c) => [c.id, c])) as Map<string, DroppableContainer> & {
        getEnabled(): DroppableContainer[];
      };
      map.getEnabled = () => containers;
      return {
        active: { id: fieldDndId('a'), data: { current: field('a', 'text') } },
        collisionRect,
        droppableRects: rects,
        droppableContainers: map,
        over: null,
        scrollableAncestors: [],
      };
    };
    // The item is a card scrolled half out of the top of the canvas: the canvas lies "below" it.
    const next = getter(down(), {
      active: fieldDndId('a'),
      currentCoordinates: { x: 0, y: -30 },
      context: context({ a: rect(-30, 60), b: rect(30, 60) }, rect(-30, 60)) as never,
    });
    expect(next).toEqual({ x: 0, y: 30 });
    // Only the card itself is mounted yet: no move (the next key finds the next card), no jump.
    const none = getter(down(), {
      active: fieldDndId('a'),
      currentCoordinates: { x: 0, y: -30 },
      context: context({ a: rect(-30, 60) }, rect(-30, 60)) as never,
    });
    expect(none).toBeUndefined();
  });
});
