// Runs from <head>, before the body is parsed, so Python starts booting in its worker while
// the rest of the page arrives. page.js takes the worker over; messages that arrive before
// it does are kept for it.
//
// It also watches the start-up: if page.js (or a module it imports) fails to load or throws
// before it has started, or never takes the worker over, the calculator cannot work, and this
// script says so itself, with a way out (reload, clear the saved answers, read the guide). The
// words come from the page's catalogue (#i18n); nothing here needs another download.
(function () {
  const script = document.currentScript;
  const html = document.documentElement;
  html.dataset.engine = "loading";
  // data-runtime (from the build): the standard library archives and the download's sizes.
  const config = { pyodide: script.dataset.pyodide, engineZip: script.dataset.engineZip, ...JSON.parse(script.dataset.runtime) };
  // The worker reads its configuration from its name: no message round trip before it starts.
  const spawn = () => new Worker(script.dataset.worker, { type: "module", name: JSON.stringify(config) });
  // The calculator's own scripts: this folder and the shared helpers it imports.
  const ours = [new URL(".", script.src).href, new URL("../lib/", script.src).href];
  const isOurs = (url) => typeof url === "string" && ours.some((folder) => url.startsWith(folder));
  // Saved answers (state.js) and Python's snapshot (snapshot.js): what "start afresh" clears.
  const SAVED_PREFIX = "ee-guide:calculator:";
  const SNAPSHOT_CACHE = "ee-guide-python-snapshot";

  let worker;
  const early = [];
  const keep = (event) => early.push(event.data);
  const failed = (event) => early.push({ type: "error", payload: { message: String(event.message || "worker error") } });
  try {
    worker = spawn();
    worker.addEventListener("message", keep);
    worker.addEventListener("error", failed);
  } catch (error) {
    early.push({ type: "error", payload: { message: String(error) } });
  }

  let claimed = false; // page.js is running (its EngineClient exists)
  let started = false; // page.js ran to its end and took the worker over
  let shown = false;

  const words = (key) => {
    try {
      return JSON.parse(document.getElementById("i18n").textContent)[key] ?? key;
    } catch {
      return key;
    }
  };

  function startAfresh() {
    try {
      for (const key of Object.keys(localStorage)) if (key.startsWith(SAVED_PREFIX)) localStorage.removeItem(key);
    } catch {
      // Storage disabled: nothing was saved.
    }
    // A shared link's answers (the fragment) go too; the files already downloaded stay.
    const reload = () => location.replace(location.pathname + location.search);
    (self.caches ? caches.delete(SNAPSHOT_CACHE) : Promise.resolve()).then(reload, reload);
  }

  function wayOut() {
    const box = document.createElement("div");
    box.className = "engine-way-out";
    box.id = "engine-way-out";
    const button = (key, action) => {
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.wayOut = key;
      b.textContent = words("calculator.engine.way_out_" + key);
      b.addEventListener("click", action);
      return b;
    };
    const guide = document.createElement("a");
    guide.href = script.dataset.guide || new URL("../../../guide/", script.src).href;
    guide.dataset.wayOut = "guide";
    guide.textContent = words("calculator.engine.way_out_guide");
    box.append(button("reload", () => location.reload()), button("clear", startAfresh), guide);
    return box;
  }

  /** The calculator cannot work: say why (`key`, a word of calculator.engine) and what to do. */
  function showFailure(key) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", () => showFailure(key), { once: true });
      return;
    }
    html.dataset.engine = "error";
    const status = document.getElementById("engine-status");
    if (status) status.hidden = true;
    let message = document.getElementById("engine-error");
    if (!message) {
      message = document.createElement("p");
      message.id = "engine-error";
      message.className = "engine-error";
      message.setAttribute("role", "alert");
      (document.querySelector("main") ?? document.body).prepend(message);
    }
    message.textContent = words("calculator.engine." + key);
    message.hidden = false;
    if (!shown) message.after(wayOut());
    shown = true;
  }

  /** Start-up failed before page.js could take over: stop the download and say so. */
  function pageFailed() {
    if (started || shown) return;
    worker?.terminate();
    showFailure("page_error");
  }

  // A script of the calculator that fails to load (its error does not bubble: captured here),
  // or an exception thrown while page.js starts.
  window.addEventListener("error", (event) => {
    if (started) return;
    if (event.target instanceof HTMLScriptElement ? isOurs(event.target.src) : isOurs(event.filename)) pageFailed();
  }, true);
  // Module scripts have all run when the document is parsed: page.js that has not claimed the
  // worker by then never loaded.
  const parsed = () => { if (!claimed) pageFailed(); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", parsed, { once: true });

  window.calculatorBoot = {
    worker,
    early,
    /** A new worker, for a restart after the first one died. */
    spawn() {
      this.worker = spawn();
      return this.worker;
    },
    /** page.js is running; false when the start-up already failed (the page then stays as it is). */
    claim() {
      claimed = true;
      return !shown;
    },
    /** page.js took the worker over: from now on it reports failures itself. */
    release() {
      started = true;
      worker?.removeEventListener("message", keep);
      worker?.removeEventListener("error", failed);
    },
    showFailure,
  };
})();
