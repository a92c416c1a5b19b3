// The worker's fetch: counts the bytes of the calculator's first download as they arrive, for
// the page's "MB done of MB total", and can answer Pyodide's fetch of a file with a stand-in
// (the wasm, compiled by the worker before Pyodide asks: see worker.js). The worker's
// fetch is wrapped, so Pyodide's own requests (the wasm, the standard library) are counted too.
// Sizes are what travels on the network: a host that compresses (GitHub Pages does) sends the
// gzip size, which the build measured for each file.
//
// Bytes are counted on a clone: the caller gets the network's own response, never one built
// from a stream. Chromium keeps the compiled WebAssembly in its code cache only for such a
// response, so a later visit skips compiling the 9.6 MB wasm.

const EVERY_MS = 100;

/**
 * `files`: {url: [bytes, bytes gzipped]} (from the build). `report(done, total)` gets bytes.
 * Returns {totals(), add(url, sizes), instead(url, response), arrived(url)}.
 */
export function countDownloads(files, report) {
  const entries = new Map();
  let compressed = null; // unknown until a response says: then every estimate follows it
  const href = (url) => new URL(url, self.location).href;
  const add = (url, sizes) => entries.set(href(url), { raw: sizes[0], gzip: sizes[1], read: 0, wire: null });
  for (const [url, sizes] of Object.entries(files ?? {})) add(url, sizes);

  const wire = (entry) => entry.wire ?? (compressed === false ? entry.raw : entry.gzip);
  const totals = () => {
    if (compressed === null) return { done: null, total: null };
    let done = 0;
    let total = 0;
    for (const entry of entries.values()) {
      total += wire(entry);
      done += Math.min(entry.read / entry.raw, 1) * wire(entry);
    }
    return { done: Math.round(done), total: Math.round(total) };
  };
  let last = 0;
  const tell = (force) => {
    const now = performance.now();
    if (!force && now - last < EVERY_MS) return;
    last = now;
    const { done, total } = totals();
    if (total !== null) report(done, total);
  };

  async function count(entry, response) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      entry.read += value.byteLength;
      tell(false);
    }
    entry.read = entry.raw;
    tell(true);
  }

  const network = self.fetch.bind(self);
  async function fetchAndCount(input, init) {
    const response = await network(input, init);
    const entry = entries.get(href(input?.url ?? input));
    if (!entry || !response.ok || !response.body) return response;
    const encoded = Boolean(response.headers.get("content-encoding"));
    compressed ??= encoded;
    const length = Number(response.headers.get("content-length")) || null;
    // With compression the length is the compressed size; bytes read are always decompressed.
    entry.wire = length ?? (encoded ? entry.gzip : entry.raw);
    entry.read = 0;
    count(entry, response.clone()).catch(() => {}); // the caller sees a failed body itself
    return response;
  }

  // Stand-ins for files the worker fetched itself (see instead): the first fetch of that URL takes it.
  const waiting = new Map();
  self.fetch = (input, init) => {
    const url = href(input?.url ?? input);
    const response = waiting.get(url);
    if (response && !init?.integrity) {
      waiting.delete(url);
      return response;
    }
    return fetchAndCount(input, init);
  };

  return {
    totals,
    add(url, sizes) {
      add(url, sizes);
      tell(true);
    },
    /** The first fetch of `url` (Pyodide's) gets `response` instead of going to the network. */
    instead(url, response) {
      waiting.set(href(url), Promise.resolve(response));
    },
    /** `url` was loaded without fetch (an import): count it as arrived. */
    arrived(url) {
      const entry = entries.get(href(url));
      if (!entry) return;
      entry.read = entry.raw;
      tell(true);
    },
  };
}
