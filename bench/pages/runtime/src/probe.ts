/**
 * What each benchmark page reports to the driver (bench/src/runtime.bench.ts): `__firstRender`, the
 * time from navigation start to the frame after the one that first showed `selector` (the form's
 * last field), and the count of form controls then.
 */
declare global {
  interface Window {
    __firstRender?: number;
    __controls?: number;
  }
}

export function reportFirstRender(selector: string): void {
  const check = () => {
    if (!document.querySelector(selector)) {
      requestAnimationFrame(check);
      return;
    }
    // This frame paints the field; the message runs after that paint.
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        window.__firstRender = performance.now();
        window.__controls = document.querySelectorAll('input, select, textarea').length;
      };
      ch.port2.postMessage(0);
    });
  };
  requestAnimationFrame(check);
}
