// Samverkan's service worker: the app shell offline.
//
// VERSION and PRECACHE (every file of the build but this one, with its SRI hash) are written
// above this text by scripts/pwa.mjs at build time. One cache per version holds the whole build,
// so a page is always served files of one build. A new version installs beside the running
// one and waits: the page shows "En ny version av Samverkan finns" and, on the user's word
// (once the data is saved), posts SKIP_WAITING; the page reloads on controllerchange
// (pwa/register.js).

/* global VERSION, PRECACHE */
const CACHE_PREFIX = "samverkan-";
const CACHE = CACHE_PREFIX + VERSION;
/** What every navigation gets: the router runs in the page. */
const SHELL = "/index.html";

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      PRECACHE.map(async ({ url, integrity }) => {
        // Past the HTTP cache, and only the bytes this build was made with: a file from a
        // half-finished deploy fails the install, and the running version stays.
        const response = await fetch(new Request(url, { cache: "reload", integrity }));
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        await cache.put(url, response);
      }),
    );
  } catch (err) {
    await caches.delete(CACHE);
    throw err;
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      // The first visit's page works offline without a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(respond(request, url));
});

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  const path = url.pathname === "/" ? SHELL : url.pathname;
  const hit = await cache.match(path);
  if (hit) return hit;
  // A deep link (/organ/nb-psb, /diagram/vb?idag=…): the shell.
  if (request.mode === "navigate") {
    const shell = await cache.match(SHELL);
    if (shell) return shell;
  }
  return fetch(request);
}
