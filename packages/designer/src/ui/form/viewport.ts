// Which canvas slots are near the visible part of the canvas: one IntersectionObserver for the
// whole canvas (not one per card), so only cards on or near the screen mount their dnd-kit hooks.
import { createContext, useContext } from 'react';

/** How far beyond the visible canvas a card is still mounted (px), so a scroll or a keyboard drag finds it ready. */
export const OVERSCAN_PX = 200;

type Listener = (near: boolean) => void;

export class CanvasViewport {
  private root: HTMLElement | null = null;
  private observer: IntersectionObserver | null = null;
  private readonly listeners = new Map<Element, Listener>();

  /** Sets the scrolling element the canvas shows its cards in. */
  attach(root: HTMLElement | null): void {
    if (root === this.root) return;
    this.observer?.disconnect();
    this.observer = null;
    this.root = root;
    if (!root || typeof IntersectionObserver === 'undefined') return;
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) this.listeners.get(e.target)?.(e.isIntersecting);
      },
      { root, rootMargin: `${OVERSCAN_PX}px 0px` },
    );
    for (const el of this.listeners.keys()) this.observer.observe(el);
  }

  /** Calls `listener` whenever `el` comes near the visible canvas or leaves it; returns the unsubscribe. */
  observe(el: Element, listener: Listener): () => void {
    this.listeners.set(el, listener);
    this.observer?.observe(el);
    return () => {
      this.listeners.delete(el);
      this.observer?.unobserve(el);
    };
  }

  /**
   * Whether `el` is near the visible canvas now (read at mount, before the first paint, so a dropped
   * card paints at once). Without a root or a layout (tests) everything counts as near.
   */
  isNear(el: Element): boolean {
    if (!this.root) return true;
    const r = el.getBoundingClientRect();
    const v = this.root.getBoundingClientRect();
    if (v.height === 0 && v.width === 0) return true;
    return r.bottom >= v.top - OVERSCAN_PX && r.top <= v.bottom + OVERSCAN_PX;
  }
}

export const ViewportContext = createContext<CanvasViewport | null>(null);

export function useViewport(): CanvasViewport | null {
  return useContext(ViewportContext);
}
