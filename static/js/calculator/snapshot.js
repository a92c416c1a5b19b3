// Python's memory once it has started and imported the engine, kept in this browser's Cache
// Storage: later visits restore it in well under a second instead of starting Python and
// importing the engine again (about three seconds on a small machine). It is taken once "ready"
// is said and before any question is read, so it holds nothing about the person. Memory snapshots are experimental in
// Pyodide 314 (the underscored options): any failure falls back to a normal start.
const CACHE = "ee-guide-python-snapshot";
const WASM_PAGE = 65536;

/**
 * Pyodide's `createPyodideModule`, made to start with memory enough for a snapshot of `bytes`.
 * Pyodide 314 copies a snapshot into the memory its wasm starts with (30 MiB) and fails when
 * the snapshot is bigger, which it is as soon as Python's memory grew before it was taken
 * (pyodide issue 6254): the memory is grown before Pyodide first looks at it.
 */
export function withRoomFor(bytes, createModule) {
  return (settings) => {
    const instantiate = settings.instantiateWasm;
    settings.instantiateWasm = (imports, done) => instantiate(imports, (instance, module) => {
      const memory = Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory);
      const missing = bytes - memory.buffer.byteLength;
      if (missing > 0) memory.grow(Math.ceil(missing / WASM_PAGE));
      done(instance, module);
    });
    return createModule(settings);
  };
}

/**
 * This browser's snapshot for `id` (Pyodide version and engine build), read from Cache Storage:
 * {id, cache, image} (image null when there is none; cache null when storage is disabled). Reading
 * 30 MB takes about a tenth of a second: the worker asks for it as it starts, beside its downloads.
 */
export async function readSnapshot(indexURL, id) {
  const cache = await caches.open(CACHE).catch(() => null); // storage may be disabled
  const saved = cache && (await cache.match(snapshotPrefix(indexURL) + id).catch(() => null));
  const image = saved ? await saved.arrayBuffer().catch(() => null) : null;
  return { id, cache, image };
}

/**
 * Start Python, from this browser's snapshot when there is one for `id`. `early` is what
 * readSnapshot gave, asked for before `id` was known for sure: used only if it is for `id`.
 * `prepare(pyodide, restored)` runs either way: before a new snapshot is taken, or after one was
 * restored (files are not part of a snapshot, only memory).
 * Returns {pyodide, restored, keep}: `keep()` takes the snapshot when none was restored. Call it
 * once "ready" has been said, before the first question is read.
 */
export async function startPython(loadPyodide, id, options, prepare, early = null) {
  const prefix = snapshotPrefix(options.indexURL);
  const key = prefix + id;
  const found = early?.id === id ? early : await readSnapshot(options.indexURL, id);
  const { cache, image } = found;
  if (image) {
    try {
      const createPyodideModule = withRoomFor(image.byteLength, options.createPyodideModule);
      const pyodide = await loadPyodide({ ...options, createPyodideModule, _loadSnapshot: image });
      await prepare(pyodide, true);
      return { pyodide, restored: true, keep() {} };
    } catch (error) {
      console.error("calculator: the saved Python could not be restored; starting it afresh:", error);
      await cache.delete(key); // unusable: start afresh and take a new one
    }
  }
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: Boolean(cache) });
  await prepare(pyodide, false);
  const keep = () => {
    if (!cache) return;
    const taken = pyodide.makeMemorySnapshot();
    // Written in the background; an image of another Pyodide or engine for this site goes.
    (async () => {
      for (const request of await cache.keys()) {
        if (request.url.startsWith(prefix) && request.url !== key) await cache.delete(request);
      }
      await cache.put(key, new Response(taken));
    })().catch(() => {});
  };
  return { pyodide, restored: false, keep };
}

const snapshotPrefix = (indexURL) => new URL(indexURL + "memory-snapshot-", self.location).href;

/** Whether this browser keeps a snapshot for `id` (see startPython). */
export async function hasSnapshot(indexURL, id) {
  const cache = await caches.open(CACHE).catch(() => null);
  return Boolean(cache && (await cache.match(snapshotPrefix(indexURL) + id)));
}
