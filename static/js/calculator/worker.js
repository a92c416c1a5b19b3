// Module worker: boots Pyodide, puts the engine zip (the engine and its Python bridge, compiled)
// where Python imports from it, and
// answers {id, type, payload} messages. Its configuration (where Pyodide, the engine zip and the
// standard library archives are, and how big the download is) arrives in its name.

import "./worker-guard.js"; // first: before any other code of the worker runs
import { hasSnapshot, readSnapshot, startPython } from "./snapshot.js";
import { countDownloads } from "./downloads.js";

const config = JSON.parse(self.name);
// Python imports the engine from its zip, as it imports the standard library: one file written,
// nothing unpacked (unpacking took tens of milliseconds at every start, a restored one included).
const ENGINE_ZIP = "/home/pyodide/engine.zip";
// Python's side of the worker is sitegen/browser/bridge.py, shipped in the engine zip.
const IMPORT_BRIDGE = `import sys\nsys.path.insert(0, ${JSON.stringify(ENGINE_ZIP)})\nfrom bridge import score, details, use_rounds`;

const post = (type, payload, id = null) => self.postMessage({ id, type, payload });
// Boot stages carry the moment they happened (ms since the epoch): the page may read them later.
const stage = (type, payload = {}) => post(type, { ...payload, at: performance.timeOrigin + performance.now() });

function wasmAllowed() {
  // A WebAssembly compile blocked by a content security policy makes loadPyodide hang
  // forever; an eight-byte empty module tells at once.
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return true;
  } catch {
    return false;
  }
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

const logError = console.error.bind(console);

// Fetches the worker makes (and Pyodide makes in it) are counted: the page shows MB done of MB total.
const downloads = countDownloads(config.downloads, (done, total) => stage("progress", { stage: "download", step: 1, done, total }));

// Asked for once, whichever standard library the boot uses.
let early;
function fetchEarly() {
  // Everything the boot needs is requested at once, the 9.6 MB wasm first, compiled as it
  // arrives: Pyodide would ask for it only once its runtime script has loaded.
  if (early) return early;
  compileWasmEarly(config.pyodide + "pyodide.asm.wasm");
  early = {
    engineZip: fetchOk(config.engineZip).then((r) => r.arrayBuffer()),
    stdlib: { cut: fetchOk(config.stdlib).then((r) => r.blob()) },
    runtime: importRuntime(config.pyodide + "pyodide.asm.mjs"),
    rounds: fetchOk(config.rounds).then((r) => r.text()),
    // A later visit restores Python's memory: read it now, beside the downloads (the build names
    // the Pyodide version; boot() checks it against Pyodide's own before using the image).
    snapshot: readSnapshot(config.pyodide, buildId(config.pyodideVersion, config.stdlib)),
  };
  for (const promise of [early.engineZip, early.stdlib.cut, early.runtime, early.rounds]) promise.catch(() => {}); // awaited later
  return early;
}

/**
 * Compile Pyodide's WebAssembly from the worker's first moment, beside the other downloads (on a
 * later visit, from Chromium's code cache: it keeps compiled code for a streamed compile of a
 * fetched response, which this is). Pyodide's own fetch of the file gets an empty stand-in, and
 * its instantiateStreaming, given that stand-in, instantiates the module compiled here. A failed
 * compile fails there, where Pyodide reports it ("wasm instantiation failed!", below).
 */
function compileWasmEarly(url) {
  const compiled = WebAssembly.compileStreaming(self.fetch(url));
  compiled.catch(() => {}); // awaited when Pyodide instantiates
  const standIn = new Response(null);
  downloads.instead(url, standIn);
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const response = await source;
    if (response !== standIn) return instantiateStreaming(response, imports);
    const module = await compiled;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
}

/** Pyodide's 1.2 MB runtime script, asked for at once, not only once pyodide.mjs has loaded,
 * so the downloads overlap. Imported from its own URL (a script imported from memory gets no
 * code cache on later visits); its bytes count as arrived once it has loaded. */
async function importRuntime(url) {
  const runtime = (await import(url)).default;
  downloads.arrived(url);
  return runtime;
}

const buildId = (version, stdLibURL) => `${version}-${config.engineZip.split("/").pop()}-${stdLibURL.split("/").pop()}`;

/** Start Python with the standard library archive `stdlib` ("cut" or "full"). */
async function boot(stdlib) {
  stage("progress", { stage: "download", step: 1, ...downloads.totals() });
  if (!wasmAllowed()) throw new Error("WebAssembly is blocked in this browser");
  const { engineZip, runtime, stdlib: archives, snapshot } = fetchEarly();
  const { loadPyodide, version } = await import(config.pyodide + "pyodide.mjs");
  stage("progress", { stage: "start", step: 2 });
  const prepare = async (pyodide, restored) => {
    stage("progress", { stage: "rules", step: 3 });
    pyodide.FS.writeFile(ENGINE_ZIP, new Uint8Array(await engineZip));
    if (!restored) pyodide.runPython(IMPORT_BRIDGE); // a restored Python has it already
  };
  // The archive is fetched here, not by Pyodide: Pyodide only logs a failed fetch and starts
  // without a standard library, where this one fails and lets the full archive be tried.
  const url = stdlib === "cut" ? config.stdlib : config.stdlibFull;
  archives[stdlib] ??= fetchOk(url).then((r) => r.blob());
  const stdLibURL = URL.createObjectURL(await archives[stdlib]);
  // Python's `js` module is an empty object: the engine never reaches into JavaScript, so
  // nothing that runs in Python can reach the worker's globals (fetch and the rest).
  // Pyodide reads its 119 KB package list only to check its version: with no packages to
  // load, the list's header (from the build) is all it needs.
  const lockFileContents = { info: config.lockInfo, packages: {} };
  const options = { indexURL: config.pyodide, lockFileContents, stdLibURL, createPyodideModule: await runtime, jsglobals: {} };
  try {
    const { pyodide, restored, keep } = await startPython(loadPyodide, buildId(version, url), options, prepare, await snapshot);
    const engine = { score: pyodide.globals.get("score"), details: pyodide.globals.get("details"), restored, stdlib, keep };
    // The round verdicts need the rounds: without them (a failed fetch) the details come without.
    await early.rounds.then((text) => pyodide.globals.get("use_rounds")(text), logError);
    return engine;
  } finally {
    URL.revokeObjectURL(stdLibURL);
  }
}

/** The cut archive first; the full one if anything fails with it (an import it lacks). */
async function bootAny() {
  fetchEarly();
  // This browser fell back before (it kept a snapshot made with the full archive): use it.
  const { version } = await import(config.pyodide + "pyodide.mjs").catch(() => ({}));
  if (version && (await hasSnapshot(config.pyodide, buildId(version, config.stdlibFull)))) return boot("full");
  try {
    return await boot("cut");
  } catch (error) {
    logError("calculator: the cut standard library failed, using the full one:", error);
    return fallBack();
  }
}

function fallBack() {
  downloads.add(config.stdlibFull, config.stdlibFullSizes);
  return boot("full");
}

const failed = (error) => post("error", { message: String(error?.message ?? error) });
self.addEventListener("unhandledrejection", (event) => failed(event.reason));
self.addEventListener("error", (event) => failed(event.error ?? event.message));
// Pyodide 314 catches a failed WebAssembly start (wasm file missing, compile refused) and
// only logs "wasm instantiation failed!": loadPyodide then never settles. Its log line is
// the only signal, so it ends the boot at once; the page's watchdog covers anything else.
const warn = console.warn.bind(console);
console.warn = (...args) => {
  if (args[0] === "wasm instantiation failed!") failed(new Error("WebAssembly could not start"));
  warn(...args);
};

let ready = bootAny();
ready.then(
  ({ restored, stdlib, keep }) => {
    stage("ready", { python: restored ? "restored" : "started", stdlib });
    // Python's memory is kept for later visits only now: "ready" does not wait for the copy,
    // and no question has been read yet (a question is a later task of this worker).
    keep();
  },
  (error) => post("error", { message: String(error && error.message ? error.message : error) }),
);

// One question at a time (the page sends the next only once this one is answered): "score"
// at every change, "details" (programs, planner: tens of milliseconds) only once the person
// has paused, so a new total never waits behind them.
self.addEventListener("message", async (event) => {
  const { id, type, payload } = event.data;
  if (type !== "score" && type !== "details") return;
  post(type === "score" ? "result" : "details", await ask(type, JSON.stringify(payload)), id);
});

/** One answer from the bridge; a module missing from the cut archive restarts Python with the full one. */
async function ask(kind, text) {
  let engine = await ready;
  let answer = JSON.parse(engine[kind](text));
  if (answer.missing_module && engine.stdlib === "cut") {
    logError(`calculator: ${answer.missing_module} is not in the cut standard library, using the full one`);
    ready = fallBack();
    engine = await ready;
    stage("ready", { python: "started", stdlib: engine.stdlib }); // the page showed the restart
    engine.keep(); // before this question is read
    answer = JSON.parse(engine[kind](text));
  }
  return answer;
}
