/**
 * Code that runs inside the runtime-benchmark pages (as strings: the bench package has no DOM types).
 * A stand-in for React DevTools' global hook counts commits (React calls `onCommitFiberRoot` on the
 * production build whenever the hook exists), an Event Timing observer keeps every event entry of
 * 16 ms or more as a cross-check of the rAF-based latency, and `__armKey()` starts the one-shot
 * timer of the next keystroke.
 */
export const INIT = `
(() => {
  window.__commits = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(), supportsFiber: true, isDisabled: false,
    inject(renderer) { const id = this.renderers.size + 1; this.renderers.set(id, renderer); return id; },
    onScheduleFiberRoot() {}, onCommitFiberRoot() { window.__commits++; },
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, checkDCE() {},
  };
  window.__events = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__events.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
  // Arms the timer for the next keydown: its event time → the frame after the one that painted the
  // input (a rAF after the input event, then a message that runs after that frame). Installed
  // before the key is sent, so a busy page cannot see the key before the listener.
  window.__armKey = () => {
    window.__key = new Promise((resolve) => {
      window.addEventListener('keydown', (e) => {
        const t0 = e.timeStamp;
        window.addEventListener('input', () => {
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve({ ms: performance.now() - t0, t0 });
            ch.port2.postMessage(0);
          });
        }, { capture: true, once: true });
      }, { capture: true, once: true });
    });
    return true;
  };
})();
`;
