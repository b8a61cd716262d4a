/**
 * Code that runs inside the runtime-benchmark pages (as strings: the bench package has no DOM types).
 * A stand-in for React DevTools' global hook counts commits (React calls `onCommitFiberRoot` on the
 * production build whenever the hook exists), and an Event Timing observer keeps every event entry
 * of 16 ms or more, as a cross-check of the rAF-based latency.
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
})();
`;

/**
 * Arms a one-shot timer for the next keydown: keydown's event time → the frame after it has been
 * painted (a rAF after the input event, then a message that runs after that frame). Resolves with
 * the latency, the keydown's time stamp, and React commits in between.
 */
export const ARM_KEY = `() => new Promise((resolve) => {
  const c0 = window.__commits;
  window.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    window.addEventListener('input', () => {
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve({ ms: performance.now() - t0, t0, commits: window.__commits - c0 });
        ch.port2.postMessage(0);
      });
    }, { capture: true, once: true });
  }, { capture: true, once: true });
})`;
