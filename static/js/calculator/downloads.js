// Counts the bytes of the calculator's first download as they arrive, for the page's
// "MB done of MB total". The worker's fetch is wrapped, so Pyodide's own requests (the wasm,
// the standard library) are counted too. Sizes are what travels on the network: a host that
// compresses (GitHub Pages does) sends the gzip size, which the build measured for each file.

const EVERY_MS = 100;

/**
 * `files`: {url: [bytes, bytes gzipped]} (from the build). `report(done, total)` gets bytes.
 * Returns {totals(), add(url, sizes)}.
 */
export function countDownloads(files, report) {
  const entries = new Map();
  let compressed = null; // unknown until a response says: then every estimate follows it
  const add = (url, sizes) => entries.set(new URL(url, self.location).href, { raw: sizes[0], gzip: sizes[1], read: 0, wire: null });
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

  const fetchAndCount = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const response = await fetchAndCount(input, init);
    const entry = entries.get(new URL(input?.url ?? input, self.location).href);
    if (!entry || !response.ok || !response.body) return response;
    const encoded = Boolean(response.headers.get("content-encoding"));
    compressed ??= encoded;
    const length = Number(response.headers.get("content-length")) || null;
    // With compression the length is the compressed size; bytes read are always decompressed.
    entry.wire = length ?? (encoded ? entry.gzip : entry.raw);
    entry.read = 0;
    const counted = response.body.pipeThrough(new TransformStream({
      transform(chunk, controller) {
        entry.read += chunk.byteLength;
        tell(false);
        controller.enqueue(chunk);
      },
      flush() {
        entry.read = entry.raw;
        tell(true);
      },
    }));
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  return {
    totals,
    add(url, sizes) {
      add(url, sizes);
      tell(true);
    },
  };
}
