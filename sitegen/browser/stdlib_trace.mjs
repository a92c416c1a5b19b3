// The standard-library trace: starts Pyodide under Node as the calculator's worker starts it,
// imports the bridge, sends profiles through it and lists every file of the standard library
// archive that Python loaded. sitegen/stdlib.py runs it at build time.
//
//   node stdlib_trace.mjs PYODIDE_DIR ENGINE_ZIP PROFILES_JSON OUT_ZIP
//       traces with Pyodide's full archive and writes the cut archive to OUT_ZIP: the files
//       loaded, docstrings and comments left out (as `python -OO` would), no other change;
//   node stdlib_trace.mjs PYODIDE_DIR ENGINE_ZIP PROFILES_JSON --check CUT_ZIP
//       boots from CUT_ZIP instead and traces again (the tests use it).
// Prints one JSON line: {"files": [...], "answers": n, "broken": [answers that failed],
// "compiled": [files the engine's import compiled from source: none when its bytecode is used]}.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, engineZip, profilesFile, ...rest] = process.argv.slice(2);
const check = rest[0] === "--check" ? rest[1] : null;
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const ENGINE = "/home/pyodide/engine.zip";
const options = { indexURL: pyodideDir + "/", _makeSnapshot: true };
if (check) options.stdLibURL = check;
const pyodide = await loadPyodide(options);

// The worker's steps (static/js/calculator/worker.js): the engine zip where Python imports from
// it, the bridge imported, called from JavaScript with JSON text.
pyodide.FS.writeFile(ENGINE, new Uint8Array(readFileSync(engineZip)));
pyodide.runPython(`
import importlib.machinery, zipimport
compiled = []
def _recording(compile_source, path_at):
    def compile_and_record(*args, **kwargs):
        compiled.append(str(args[path_at]))
        return compile_source(*args, **kwargs)
    return compile_and_record
importlib.machinery.SourceFileLoader.source_to_code = _recording(importlib.machinery.SourceFileLoader.source_to_code, 2)
zipimport._compile_source = _recording(zipimport._compile_source, 0)
`);
pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(ENGINE)})\nfrom bridge import score, details, use_rounds`);
// A round of each kind of verdict's path: the worker gives the bridge data/rounds.json.
pyodide.globals.get("use_rounds")(JSON.stringify({ rounds: [{ number: "1", date: "2026-01-01", type: "general", min_crs: 400 }] }));
const score = pyodide.globals.get("score");
const details = pyodide.globals.get("details");
const answers = [];
for (const profile of JSON.parse(readFileSync(profilesFile, "utf8")).profiles) {
  const text = JSON.stringify(profile);
  answers.push(JSON.parse(score(text)), JSON.parse(details(text)));
}
// An error that escapes Python is formatted by Pyodide (traceback): that path is traced too,
// and so is the memory snapshot the worker takes.
try {
  pyodide.runPython("raise RuntimeError('traced')");
} catch {}
pyodide.makeMemorySnapshot();

const files = JSON.parse(pyodide.runPython(`
import json, sys
ZIP = "/lib/python%d%d.zip/" % sys.version_info[:2]
files = set()
for module in list(sys.modules.values()):
    origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
    if origin.startswith(ZIP):
        files.add(origin[len(ZIP):])
json.dumps(sorted(files))
`));

if (!check) {
  // The cut archive is made by this Python (3.14): its parser reads its own standard library.
  pyodide.globals.set("traced", pyodide.toPy(files));
  pyodide.runPython(`
import ast, sys, zipfile
ZIP = "/lib/python%d%d.zip" % sys.version_info[:2]

def without_docstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \\
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return tree

with zipfile.ZipFile(ZIP) as full, zipfile.ZipFile("/tmp/cut.zip", "w") as cut:
    for name in sorted(traced):
        source = ast.unparse(without_docstrings(ast.parse(full.read(name), name))) + "\\n"
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        cut.writestr(info, source.encode(), compresslevel=9)
`);
  writeFileSync(rest[0], pyodide.FS.readFile("/tmp/cut.zip"));
}
const broken = answers.filter((a) => a.missing_module || (!a.ok && a.field === null));
const compiled = pyodide.globals.get("compiled").toJs();
process.stdout.write(JSON.stringify({ files, answers: answers.length, broken, compiled }) + "\n");
