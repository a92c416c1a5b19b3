// Dev build: replaces a production service worker left on this address by an earlier visit,
// drops its caches and unregisters, so the live-reloading pages are always the edited files.

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const prefix = "ee-guide:" + new URL(self.registration.scope).pathname + ":";
      for (const name of await caches.keys()) {
        if (name.startsWith(prefix)) await caches.delete(name);
      }
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
    })(),
  );
});
