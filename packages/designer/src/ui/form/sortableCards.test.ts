import { describe, expect, it, vi } from 'vitest';
import { type CardDrag, SortableCards } from './sortableCards.ts';

const nodes = () => ({ slot: document.createElement('div'), activator: document.createElement('div') });
const moved: CardDrag = {
  transform: 'translate3d(0px, -94px, 0)',
  transition: 'transform 200ms ease',
  dragging: false,
  over: false,
  describedBy: 'DndDescribedBy-0',
};

describe('SortableCards', () => {
  it('notifies only the card whose drag state changed, and only when it changed', () => {
    const cards = new SortableCards();
    cards.mount('a', nodes());
    cards.mount('b', nodes());
    const a = vi.fn();
    const b = vi.fn();
    cards.subscribeCard('a', a);
    cards.subscribeCard('b', b);
    cards.publish('a', moved);
    expect(cards.drag('a')).toEqual(moved);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).not.toHaveBeenCalled();
    cards.publish('a', { ...moved });
    expect(a).toHaveBeenCalledTimes(1);
    cards.publish('a', { ...moved, transform: undefined });
    expect(a).toHaveBeenCalledTimes(2);
  });

  it('forgets an unmounted card: its drag state and listeners are gone, and it takes no new ones', () => {
    const cards = new SortableCards();
    const unmount = cards.mount('a', nodes());
    const onKeyDown = vi.fn();
    cards.setListeners('a', { onKeyDown });
    cards.publish('a', moved);
    const mounts = cards.mounts();
    unmount();
    expect(cards.mounts()).not.toBe(mounts);
    expect(cards.isMounted('a')).toBe(false);
    expect(cards.listenersOf('a')).toBeUndefined();
    expect(cards.drag('a').transform).toBeUndefined();
    cards.publish('a', moved);
    cards.setListeners('a', { onKeyDown });
    expect(cards.drag('a').transform).toBeUndefined();
    expect(cards.listenersOf('a')).toBeUndefined();
  });

  it('an old unmount does not remove the card mounted again under the same key', () => {
    const cards = new SortableCards();
    const first = cards.mount('a', nodes());
    const again = nodes();
    cards.mount('a', again);
    first();
    expect(cards.nodesOf('a')).toBe(again);
  });
});
