// Python's memory right after it has started, kept in this browser's Cache Storage: later
// visits restore it in about half a second instead of starting Python again (about three
// seconds on a small machine). It is taken before the engine or any answer is loaded, so it
// holds nothing about the person. Memory snapshots are experimental in Pyodide 314 (the
// underscored options): any failure falls back to a normal start.
const CACHE = "ee-guide-python-snapshot";

/** {pyodide, restored}: restored is true when Python came back from a saved snapshot. */
export async function startPython(loadPyodide, version, options) {
  const prefix = new URL(options.indexURL + "memory-snapshot-", self.location).href;
  const key = prefix + version;
  const cache = await caches.open(CACHE).catch(() => null); // storage may be disabled
  const saved = cache && (await cache.match(key));
  if (saved) {
    try {
      return { pyodide: await loadPyodide({ ...options, _loadSnapshot: saved.arrayBuffer() }), restored: true };
    } catch {
      await cache.delete(key); // unusable: start afresh and take a new one
    }
  }
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: Boolean(cache) });
  if (cache) {
    const image = pyodide.makeMemorySnapshot();
    // Written in the background; another Pyodide version's image for this site goes.
    (async () => {
      for (const request of await cache.keys()) {
        if (request.url.startsWith(prefix) && request.url !== key) await cache.delete(request);
      }
      await cache.put(key, new Response(image));
    })().catch(() => {});
  }
  return { pyodide, restored: false };
}
