// The mounted cards of one list and their drag state, kept apart from dnd-kit's contexts: dnd-kit
// re-renders every `useSortable` caller whenever the drop target or the active item's position
// changes, so the cards do not call it. One component per list calls it for all of them
// (SortableHooks.tsx) and publishes here what each card shows; a card re-renders only when its own
// entry changes (the card being dragged, the ones it pushes aside).
import type { DraggableSyntheticListeners } from '@dnd-kit/core';

/** What a card shows of a drag: where it is pushed to, and how to start one from it. */
export interface CardDrag {
  transform: string | undefined;
  transition: string | undefined;
  dragging: boolean;
  /** A field from another list is over this card (it will land before or after it). */
  over: boolean;
  /** dnd-kit's screen-reader instructions for the card's activator (aria-describedby). */
  describedBy: string | undefined;
}

/** The DOM a card gives dnd-kit: its slot (measured and scrolled to) and its activator (focused after a drop). */
export interface CardNodes {
  slot: HTMLElement;
  activator: HTMLElement;
}

const IDLE: CardDrag = {
  transform: undefined,
  transition: undefined,
  dragging: false,
  over: false,
  describedBy: undefined,
};

const same = (a: CardDrag, b: CardDrag) =>
  a.transform === b.transform &&
  a.transition === b.transition &&
  a.dragging === b.dragging &&
  a.over === b.over &&
  a.describedBy === b.describedBy;

export class SortableCards {
  private readonly nodes = new Map<string, CardNodes>();
  private readonly drags = new Map<string, CardDrag>();
  private readonly listeners = new Map<string, DraggableSyntheticListeners>();
  private readonly cardListeners = new Map<string, Set<() => void>>();
  private readonly mountListeners = new Set<() => void>();
  private version = 0;

  /** Registers a card's DOM while it is mounted; returns the unregister. */
  mount(key: string, nodes: CardNodes): () => void {
    this.nodes.set(key, nodes);
    this.mountsChanged();
    return () => {
      if (this.nodes.get(key) !== nodes) return;
      this.nodes.delete(key);
      this.drags.delete(key);
      this.listeners.delete(key);
      this.mountsChanged();
    };
  }

  nodesOf(key: string): CardNodes | undefined {
    return this.nodes.get(key);
  }

  isMounted = (key: string): boolean => this.nodes.has(key);

  /** Changes whenever a card mounts or unmounts (for useSyncExternalStore). */
  mounts = (): number => this.version;

  subscribeMounts = (listener: () => void): (() => void) => {
    this.mountListeners.add(listener);
    return () => this.mountListeners.delete(listener);
  };

  drag(key: string): CardDrag {
    return this.drags.get(key) ?? IDLE;
  }

  subscribeCard(key: string, listener: () => void): () => void {
    const set = this.cardListeners.get(key) ?? new Set();
    this.cardListeners.set(key, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.cardListeners.delete(key);
    };
  }

  /**
   * dnd-kit's activator listeners for `key` (new objects whenever the hooks remount, so the card calls
   * them through this lookup instead of re-rendering for them).
   */
  setListeners(key: string, listeners: DraggableSyntheticListeners): void {
    if (this.nodes.has(key)) this.listeners.set(key, listeners);
  }

  listenersOf(key: string): DraggableSyntheticListeners {
    return this.listeners.get(key);
  }

  /** Sets what `key`'s card shows; notifies that card only, and only on a change. */
  publish(key: string, next: CardDrag): void {
    if (!this.nodes.has(key) || same(this.drag(key), next)) return;
    this.drags.set(key, next);
    for (const listener of this.cardListeners.get(key) ?? []) listener();
  }

  private mountsChanged(): void {
    this.version++;
    for (const listener of this.mountListeners) listener();
  }
}
