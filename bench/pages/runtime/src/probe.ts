/**
 * What each benchmark page reports to the driver (bench/src/runtime.bench.ts), as times from
 * navigation start to the frame after the one that first showed a control:
 * - `__firstRender`: the form's first screen (the control of field 0) is painted and usable;
 * - `__fullRender`: the form's last field is in the DOM too (a page may mount later sections
 *   after its first screen), with `__controls`, the count of form controls then.
 */
declare global {
  interface Window {
    __firstRender?: number;
    __fullRender?: number;
    __controls?: number;
  }
}

function afterPaintOf(selector: string, done: (ms: number) => void): void {
  const check = () => {
    if (!document.querySelector(selector)) {
      requestAnimationFrame(check);
      return;
    }
    // This frame paints the control; the message runs after that paint.
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => done(performance.now());
      ch.port2.postMessage(0);
    });
  };
  requestAnimationFrame(check);
}

export function reportFirstRender(first: string, last: string = first): void {
  afterPaintOf(first, (ms) => {
    window.__firstRender = ms;
  });
  afterPaintOf(last, (ms) => {
    window.__fullRender = ms;
    window.__controls = document.querySelectorAll('input, select, textarea').length;
  });
}
