/**
 * Registers the service worker (sw.js, generated at build time with the list of hashed assets)
 * and tells the UI when a newer one is installed and waiting.
 */
let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();

export const updateReady = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => waiting !== null,
};

function setWaiting(worker: ServiceWorker | null): void {
  waiting = worker;
  for (const l of [...listeners]) l();
}

export function applyUpdate(): void {
  if (!waiting) {
    location.reload();
    return;
  }
  waiting.postMessage({ type: 'skip-waiting' });
}

export function registerWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !waiting) return;
    reloading = true;
    location.reload();
  });
  void navigator.serviceWorker.register('./sw.js', { scope: './' }).then((reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) setWaiting(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const next = reg.installing;
      next?.addEventListener('statechange', () => {
        if (next.state === 'installed' && navigator.serviceWorker.controller) setWaiting(next);
      });
    });
    // Look for a new build when the tablet comes back online and every half hour.
    window.addEventListener('online', () => void reg.update().catch(() => undefined));
    setInterval(() => void reg.update().catch(() => undefined), 30 * 60_000);
  });
}
