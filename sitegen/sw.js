// Service worker: files kept by group, each under its URL and revision, served cache-first.
// The header above (written by sitegen/offline.py) defines CACHE_PREFIX, VERSION, WORKER,
// WORKER_POLICY and FILES.
//
// - A visitor's pages ask it to keep the guide (unless the browser asks to save data), and the
//   calculator or the NOC finder their own group (register-sw.js); any listed file fetched
//   through it is kept as well, which costs no extra download.
// - A new version, on install, fetches only the files whose revision it does not hold yet, for
//   the groups this browser keeps, then waits: the page offers to reload. An older build's
//   cache (one cache per version, without revisions) is reused where the bytes are the same.
// - Only a whole file is kept: its size and SHA-256 must be the build's (FILES), so a response
//   cut short, or a Wi-Fi login page answering for every address, is never stored; it is asked
//   for again. On install, a copy that an earlier worker kept without this check and that does
//   not match is dropped and fetched again.

const SCOPE = new URL("./", self.location);
const CACHE = CACHE_PREFIX + "files";
const GUIDE = "guide";
// Files up to this size are checked before the page gets them; larger ones stream (checkedLarge).
const CHECK_BEFORE_SERVING = 2_000_000;
const ATTEMPTS = 3;

const pathOf = (url) => {
  const u = new URL(url);
  return u.origin + u.pathname === SCOPE.href ? "" : decodeURIComponent((u.origin + u.pathname).slice(SCOPE.href.length));
};
const keyOf = (path) => `${new URL(path, SCOPE).href}?v=${FILES[path][0]}`;
const groupOf = (path) => FILES[path]?.[1];
const inGroup = (group) => Object.keys(FILES).filter((path) => groupOf(path) === group);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const held = new Set((await cache.keys()).map((request) => request.url));
      await dropDamaged(cache, held);
      await migrate(cache, held);
      // The groups an earlier version kept here (any of their files, any revision) stay kept.
      const kept = new Set([...held].map((url) => groupOf(pathOf(url))).filter(Boolean));
      const missing = Object.keys(FILES).filter((path) => kept.has(groupOf(path)) && !held.has(keyOf(path)));
      await fetchInto(cache, missing);
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const request of await cache.keys()) {
        const path = pathOf(request.url);
        if (!FILES[path] || request.url !== keyOf(path)) await cache.delete(request);
      }
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const { type, group } = event.data ?? {};
  const reply = event.ports[0];
  if (type === "skip-waiting") self.skipWaiting();
  else if (type === "status") status(group).then((state) => reply?.postMessage(state));
  else if (type === "keep") keep(group, reply);
  else if (type === "version") reply?.postMessage({ version: VERSION });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE.href)) return;
  event.respondWith(respond(event).then((response) => withPolicy(request, response)));
});

/** The calculator's worker script with its policy as a header, which the browser enforces in
 * the worker (a page's <meta> policy does not reach it, and the host sends none). */
function withPolicy(request, response) {
  if (!response.ok || pathOf(request.url) !== WORKER) return response;
  const headers = new Headers(response.headers);
  headers.set("Content-Security-Policy", WORKER_POLICY);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function respond(event) {
  const request = event.request;
  const cache = await caches.open(CACHE);
  let path = pathOf(request.url);
  if (request.mode === "navigate") {
    // A page is stored as "x/index.html" but visited as "x/" (or "x"); the query is not part of it.
    path = [path + "index.html", path + "/index.html", path].find((p) => FILES[p]) ?? path;
  }
  if (FILES[path]) {
    const hit = await cache.match(keyOf(path));
    if (hit) return hit;
  }
  try {
    const response = await fetch(request);
    // Any listed file fetched anyway (a page read while saving data, Pyodide on the
    // calculator's first visit) is kept, if whole: the bytes are here already.
    if (FILES[path] && response.ok && response.type === "basic" && !request.headers.has("range")) {
      return FILES[path][2] <= CHECK_BEFORE_SERVING ? checkedSmall(event, cache, path, response) : checkedLarge(event, cache, path, response);
    }
    return response;
  } catch (error) {
    if (request.mode === "navigate") {
      // The "page not found" of the address's edition (fr/404.html under fr/), if kept.
      const notFound = Object.keys(FILES)
        .filter((p) => p.endsWith("404.html") && path.startsWith(p.slice(0, -"404.html".length)))
        .sort((a, b) => b.length - a.length);
      for (const page of notFound) {
        const missing = await cache.match(keyOf(page));
        if (missing) return missing;
      }
    }
    throw error;
  }
}

/** {group, files, held, bytes, heldBytes}: how much of a group this browser keeps. */
async function status(group) {
  const cache = await caches.open(CACHE);
  const held = new Set((await cache.keys()).map((request) => request.url));
  const paths = inGroup(group);
  const have = paths.filter((path) => held.has(keyOf(path)));
  const bytes = (list) => list.reduce((sum, path) => sum + FILES[path][3], 0);
  return { group, files: paths.length, held: have.length, bytes: bytes(paths), heldBytes: bytes(have), version: VERSION };
}

/** Fetch and keep every file of `group` not kept yet, telling `reply` how far it got. */
async function keep(group, reply) {
  const cache = await caches.open(CACHE);
  const held = new Set((await cache.keys()).map((request) => request.url));
  const missing = inGroup(group).filter((path) => !held.has(keyOf(path)));
  const total = missing.reduce((sum, path) => sum + FILES[path][3], 0);
  let done = 0;
  try {
    await fetchInto(cache, missing, (path) => {
      done += FILES[path][3];
      reply?.postMessage({ type: "progress", group, done, total });
    });
    reply?.postMessage({ type: "done", group, ok: true });
  } catch (error) {
    reply?.postMessage({ type: "done", group, ok: false, message: String(error) });
  }
}

/** Fetch `paths` (two at a time) into the cache under their revision, each checked whole
 * (asked for up to ATTEMPTS times); fails naming the files that never came whole. */
async function fetchInto(cache, paths, onEach = () => {}) {
  const queue = [...paths];
  const failed = [];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      try {
        await cache.put(keyOf(path), await fetchWhole(path));
        onEach(path);
      } catch (error) {
        failed.push(error.message);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  if (failed.length) throw new Error(failed.join("; "));
}

/** `path` fetched from the server until its bytes are the build's: a Response to keep. */
async function fetchWhole(path) {
  let problem;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      // "no-cache" revalidates with the server ("reload" after a bad copy skips the HTTP cache),
      // so a file the HTTP cache holds from an older deploy is never stored under this revision.
      const response = await fetch(new Request(new URL(path, SCOPE), { cache: attempt ? "reload" : "no-cache" }));
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      const body = await response.arrayBuffer();
      if (await whole(path, body)) return rebuilt(response, body);
      problem = new Error(`${path}: not the build's bytes (${body.byteLength} bytes)`);
    } catch (error) {
      problem = error;
    }
  }
  throw problem;
}

/** A small file is checked before the page sees it: a bad response is asked for again, and
 * the page gets the server's second answer (kept only if whole). */
async function checkedSmall(event, cache, path, response) {
  const body = await response.arrayBuffer();
  if (await whole(path, body)) {
    event.waitUntil(cache.put(keyOf(path), rebuilt(response, body)).catch(() => {}));
    return rebuilt(response, body);
  }
  const again = await fetch(new Request(event.request.url, { cache: "reload", credentials: "same-origin" }));
  if (!again.ok) return again;
  const second = await again.arrayBuffer();
  if (await whole(path, second)) event.waitUntil(cache.put(keyOf(path), rebuilt(again, second)).catch(() => {}));
  return rebuilt(again, second);
}

/** A large file (Pyodide's) streams to the page as it arrives, so a slow download shows its
 * progress; its bytes are checked at the end. A bad one ends in an error, never a cut file
 * the page would take as whole, and a whole copy is fetched for the page's next try. */
function checkedLarge(event, cache, path, response) {
  const chunks = [];
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  const reader = response.body.getReader();
  const body = new ReadableStream({
    async pull(controller) {
      try {
        const { value, done: end } = await reader.read();
        if (!end) {
          chunks.push(value);
          controller.enqueue(value);
          return;
        }
        const bytes = await new Blob(chunks).arrayBuffer();
        if (await whole(path, bytes)) {
          controller.close();
          done(cache.put(keyOf(path), rebuilt(response, bytes)).catch(() => {}));
        } else {
          controller.error(new TypeError(`${path}: not the build's bytes`));
          done(fetchWhole(path).then((good) => cache.put(keyOf(path), good)).catch(() => {}));
        }
      } catch (error) {
        controller.error(error);
        done();
      }
    },
    cancel(reason) {
      reader.cancel(reason);
      done();
    },
  });
  event.waitUntil(finished);
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** Whether `body` is the build's file at `path`: its size and its SHA-256 (the revision). */
async function whole(path, body) {
  return body.byteLength === FILES[path][2] && (await revision(body)) === FILES[path][0];
}

const rebuilt = (response, body) =>
  new Response(body, { status: response.status, statusText: response.statusText, headers: plainHeaders(response) });

/** A response's headers for its body as read: decoded, so a compressed length is left out. */
function plainHeaders(response) {
  const headers = new Headers(response.headers);
  if (headers.has("content-encoding")) headers.delete("content-length");
  return headers;
}

/** Copies kept before files were checked (or damaged since): each is dropped unless whole, and
 * is then missing, so it is fetched again like any other. */
async function dropDamaged(cache, held) {
  for (const url of [...held]) {
    const path = pathOf(url);
    if (!FILES[path] || url !== keyOf(path)) continue;
    const response = await cache.match(url);
    if (response && (await whole(path, await response.arrayBuffer()))) continue;
    await cache.delete(url);
    held.delete(url);
  }
}

/**
 * Builds before this scheme kept every file in a cache named for its version, keyed by URL:
 * a file whose bytes still match this build's revision is copied over instead of downloaded.
 */
async function migrate(cache, held) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      const path = pathOf(request.url);
      if (!FILES[path] || held.has(keyOf(path))) continue;
      const response = await old.match(request);
      const body = await response.clone().arrayBuffer();
      if ((await revision(body)) !== FILES[path][0]) continue;
      await cache.put(keyOf(path), response);
      held.add(keyOf(path));
    }
  }
}

async function revision(body) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  return [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("").slice(0, 16);
}
