import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CanvasViewport, OVERSCAN_PX, STEP_PX } from './viewport.ts';

// A scrolling canvas 800 px high at y = 50 with cards 90 px high every 100 px of its content.
function canvas() {
  const root = document.createElement('main');
  let scrollTop = 0;
  Object.defineProperty(root, 'scrollTop', { get: () => scrollTop, set: (v: number) => (scrollTop = v) });
  Object.defineProperty(root, 'clientHeight', { get: () => 800 });
  root.getBoundingClientRect = () => ({ top: 50, bottom: 850, height: 800, width: 600 }) as DOMRect;
  const card = (contentTop: number) => {
    const el = document.createElement('div');
    el.getBoundingClientRect = () =>
      ({ top: 50 + contentTop - scrollTop, bottom: 140 + contentTop - scrollTop, height: 90, width: 600 }) as DOMRect;
    return el;
  };
  const scroll = (to: number) => {
    scrollTop = to;
    root.dispatchEvent(new Event('scroll'));
  };
  return { root, card, scroll };
}

let observed: Element[] = [];
beforeEach(() => {
  observed = [];
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      observe(el: Element) {
        observed.push(el);
      }
      unobserve() {}
      disconnect() {}
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('CanvasViewport', () => {
  it('mounts the visible canvas and its overscan widened to whole steps, and moves only by steps', () => {
    expect(STEP_PX).toBe(300);
    expect(OVERSCAN_PX).toBe(100);
    const { root, card, scroll } = canvas();
    const viewport = new CanvasViewport();
    viewport.attach(root);
    const cards = Array.from({ length: 30 }, (_, i) => card(i * 100));
    const near = cards.map((el) => viewport.isNear(el));
    // Visible 0–800 plus 100 below, widened to 900: cards at 0…900.
    expect(near.lastIndexOf(true)).toBe(9);
    expect(near.indexOf(false)).toBe(10);
    const calls: string[] = [];
    cards.forEach((el, i) => {
      viewport.observe(el, (n) => calls.push(`${i}:${n}`));
    });
    expect(observed).toHaveLength(30);

    // 150 px down: the band is now 0–1200 (1050 rounded up): three more cards at once.
    scroll(150);
    expect(calls).toEqual(['10:true', '11:true', '12:true']);
    // 100 px more stays within the same band: nothing mounts or unmounts.
    calls.length = 0;
    scroll(250);
    expect(calls).toEqual([]);
    // Past the next step at both ends: 300–1500; the three cards ending above 300 go, three more come.
    scroll(450);
    expect(calls).toEqual(['0:false', '1:false', '2:false', '13:true', '14:true', '15:true']);
  });

  it('counts everything as near without a laid-out canvas (tests, a hidden tab)', () => {
    const viewport = new CanvasViewport();
    const el = document.createElement('div');
    expect(viewport.isNear(el)).toBe(true);
    const root = document.createElement('main');
    viewport.attach(root);
    expect(viewport.isNear(el)).toBe(true);
  });

  it('stops telling a card once it unsubscribes', () => {
    const { root, card, scroll } = canvas();
    const viewport = new CanvasViewport();
    viewport.attach(root);
    const listener = vi.fn();
    const stop = viewport.observe(card(1000), listener);
    stop();
    scroll(600);
    expect(listener).not.toHaveBeenCalled();
  });
});
