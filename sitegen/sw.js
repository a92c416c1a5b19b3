// Service worker: every file of the site, precached at install, served cache-first.
// The header above (written by the build) defines CACHE_PREFIX, CACHE and FILES.

const SCOPE = new URL("./", self.location);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // "no-cache" revalidates with the server, so a file the HTTP cache still holds from an
      // older deploy is never stored under this build's name.
      await cache.addAll(FILES.map((file) => new Request(new URL(file, SCOPE), { cache: "no-cache" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE.href)) return;
  event.respondWith(respond(request));
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") {
    // A page is stored as "x/index.html" but visited as "x/" (or "x"); the query is not part of it.
    url.search = "";
    for (const key of pageKeys(url)) {
      const hit = await cache.match(key);
      if (hit) return hit;
    }
    try {
      return await fetch(request);
    } catch (error) {
      const missing = await cache.match(new URL("404.html", SCOPE));
      if (missing) return missing;
      throw error;
    }
  }
  return (await cache.match(url.href)) || fetch(request);
}

function pageKeys(url) {
  const path = url.href;
  if (path.endsWith("/")) return [path + "index.html"];
  return [path, path + "/index.html"];
}
