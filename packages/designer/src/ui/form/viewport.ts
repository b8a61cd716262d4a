// Which canvas slots are near the visible part of the canvas: one IntersectionObserver for the
// whole canvas (not one per card), so only cards on or near the screen mount their dnd-kit hooks.
import { createContext, useContext } from 'react';

/** How far beyond the visible canvas a card is still mounted (px), so a scroll or a keyboard drag finds it ready. */
export const OVERSCAN_PX = 100;

/**
 * The mounted part of the canvas moves in steps of this many px of its content, not with every
 * card: each card that mounts during a drag registers a droppable with dnd-kit, which then
 * re-measures every droppable and re-renders every mounted card once more. Stepping by about three
 * cards makes one such round for three rows a drag crosses instead of one for each.
 */
export const STEP_PX = 300;

type Listener = (near: boolean) => void;

export class CanvasViewport {
  private root: HTMLElement | null = null;
  private observer: IntersectionObserver | null = null;
  private readonly listeners = new Map<Element, Listener>();
  private readonly near = new Map<Element, boolean>();
  /** The mounted band of the content, [top, bottom) in px from the content's top. */
  private band = { top: 0, bottom: 0 };

  /** Sets the scrolling element the canvas shows its cards in. */
  attach(root: HTMLElement | null): void {
    if (root === this.root) return;
    this.observer?.disconnect();
    this.observer = null;
    this.root?.removeEventListener('scroll', this.onScroll);
    this.root = root;
    if (!root || typeof IntersectionObserver === 'undefined') return;
    this.band = this.bandNow();
    // Any card crossing the overscan edge (a scroll, a card growing, a field added above) updates.
    this.observer = new IntersectionObserver((entries) => this.update(entries.map((e) => e.target)), {
      root,
      rootMargin: `${OVERSCAN_PX}px 0px`,
    });
    for (const el of this.listeners.keys()) this.observer.observe(el);
    root.addEventListener('scroll', this.onScroll, { passive: true });
  }

  /** Calls `listener` whenever `el` comes near the visible canvas or leaves it; returns the unsubscribe. */
  observe(el: Element, listener: Listener): () => void {
    this.listeners.set(el, listener);
    this.near.set(el, this.isNear(el));
    this.observer?.observe(el);
    return () => {
      this.listeners.delete(el);
      this.near.delete(el);
      this.observer?.unobserve(el);
    };
  }

  /**
   * Whether `el` is in the mounted band now (read at mount, before the first paint, so a dropped
   * card paints at once). Without a root or a layout (tests) everything counts as near.
   */
  isNear(el: Element, root = this.root?.getBoundingClientRect()): boolean {
    if (!this.root || !root) return true;
    if (root.height === 0 && root.width === 0) return true;
    const r = el.getBoundingClientRect();
    const top = r.top - root.top + this.root.scrollTop;
    return top + r.height >= this.band.top && top <= this.band.bottom;
  }

  /** The visible canvas with its overscan, widened to whole steps of the content. */
  private bandNow(): { top: number; bottom: number } {
    const root = this.root;
    if (!root) return { top: 0, bottom: 0 };
    const top = Math.floor((root.scrollTop - OVERSCAN_PX) / STEP_PX) * STEP_PX;
    const bottom = Math.ceil((root.scrollTop + root.clientHeight + OVERSCAN_PX) / STEP_PX) * STEP_PX;
    return { top, bottom };
  }

  private readonly onScroll = () => this.update([]);

  /** Re-decides `changed`, or every card when the band moved; tells each card whose answer changed. */
  private update(changed: readonly Element[]): void {
    const band = this.bandNow();
    const moved = band.top !== this.band.top || band.bottom !== this.band.bottom;
    this.band = band;
    const root = this.root?.getBoundingClientRect();
    for (const el of moved ? this.listeners.keys() : changed) {
      const listener = this.listeners.get(el);
      if (!listener) continue;
      const near = this.isNear(el, root);
      if (near === this.near.get(el)) continue;
      this.near.set(el, near);
      listener(near);
    }
  }
}

export const ViewportContext = createContext<CanvasViewport | null>(null);

export function useViewport(): CanvasViewport | null {
  return useContext(ViewportContext);
}
