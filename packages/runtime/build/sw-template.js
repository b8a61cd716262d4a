/* Gongfang runtime service worker (generated from build/sw-template.js at build time). */
const PRECACHE = __PRECACHE__;
const VERSION = __VERSION__;
const CACHE = `gongfang-shell-${VERSION}`;

// Install: fetch the whole app shell (hashed assets) into a cache named after this build.
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((u) => new Request(u, { cache: 'reload' })))),
  );
});

// Activate: drop the caches of older builds. The page asks a waiting worker to take over.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('gongfang-shell-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  // Only the app shell: the API, attachments and other pages always go to the network.
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (request.mode === 'navigate') {
    // Network first for the page (a new deploy shows at once online), the cached shell offline.
    event.respondWith(
      fetch(request).catch(() => caches.match('./', { cacheName: CACHE }).then((hit) => hit || Response.error())),
    );
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
