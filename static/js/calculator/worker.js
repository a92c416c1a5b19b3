// Module worker: boots Pyodide, unpacks the engine zip and answers {id, type, payload}
// messages. Its configuration (where Pyodide and the engine zip are) arrives in its name.

import { startPython } from "./snapshot.js";

const config = JSON.parse(self.name);
const ENGINE_DIR = "/home/pyodide/app";

// The bridge between JSON and the engine. Only engine.ProfileError is an answer about the
// input; anything else is a bug, reported as such instead of killing the worker.
const BRIDGE = `
import json, sys
sys.path.insert(0, ${JSON.stringify(ENGINE_DIR)})
import engine

def answer(compute, text):
    try:
        return json.dumps({"ok": True, "value": compute(json.loads(text))}, default=str)
    except engine.ProfileError as error:
        return json.dumps({"ok": False, "field": error.field, "code": error.code, "params": error.params})
    except Exception as error:
        return json.dumps({"ok": False, "field": None, "code": None, "bug": type(error).__name__ + ": " + str(error)})

def score(text):
    return answer(engine.crs_score, text)

def details(text):
    """What takes longer than the score: programs, funds, fees, dates, the planner, categories."""
    return answer(lambda p: {"assess": engine.assess(p), "plan": engine.plan(p), "categories": engine.categories(p)}, text)

# Read the CRS tables now: they are then part of a saved snapshot and the first score is instant.
engine.crs_score({"age": 30, "education": "bachelors", "first_language": None})
`;

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

async function boot() {
  stage("progress", { stage: "download", step: 1 });
  if (!wasmAllowed()) throw new Error("WebAssembly is blocked in this browser");
  // Everything the boot needs is requested at once; loadPyodide no longer waits for the
  // lock file it would otherwise fetch only after pyodide.mjs has loaded.
  const engineZip = fetchOk(config.engineZip).then((r) => r.arrayBuffer());
  const lockFile = fetchOk(config.pyodide + "pyodide-lock.json").then((r) => r.json());
  // Pyodide imports its 1.2 MB runtime script only once loaded itself; asking for it now
  // overlaps the two (the module map hands Pyodide this same import, fetched once).
  import(config.pyodide + "pyodide.asm.mjs").catch(() => {}); // a failure surfaces in loadPyodide
  const { loadPyodide, version } = await import(config.pyodide + "pyodide.mjs");
  stage("progress", { stage: "start", step: 2 });
  const prepare = async (pyodide, restored) => {
    stage("progress", { stage: "rules", step: 3 });
    pyodide.unpackArchive(new Uint8Array(await engineZip), "zip", { extractDir: ENGINE_DIR });
    if (!restored) pyodide.runPython(BRIDGE); // a restored Python has it already
  };
  const build = `${version}-${config.engineZip.split("/").pop()}`;
  const options = { indexURL: config.pyodide, lockFileContents: lockFile };
  const { pyodide, restored } = await startPython(loadPyodide, build, options, prepare);
  const score = pyodide.globals.get("score");
  const details = pyodide.globals.get("details");
  return { score, details, restored };
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

const ready = boot();
ready.then(
  ({ restored }) => stage("ready", { python: restored ? "restored" : "started" }),
  (error) => post("error", { message: String(error && error.message ? error.message : error) }),
);

// The details (programs, planner) take tens of milliseconds: computed once the person has
// paused this long, they never hold up the score of the next keystroke.
const DETAILS_AFTER_MS = 250;

let latest = 0;
self.addEventListener("message", async (event) => {
  const { id, type, payload } = event.data;
  if (type !== "calculate") return;
  latest = id;
  const engine = await ready;
  const text = JSON.stringify(payload);
  // The score first, at once; the details follow unless a newer question came in meanwhile.
  const scored = JSON.parse(engine.score(text));
  post("result", scored, id);
  if (!scored.ok) return;
  await new Promise((resolve) => setTimeout(resolve, DETAILS_AFTER_MS));
  if (id === latest) post("details", JSON.parse(engine.details(text)), id);
});
