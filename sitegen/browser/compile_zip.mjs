// Compiles the Python files of a zip to bytecode inside Pyodide under Node: CPython's bytecode
// is tied to its build, so only Pyodide's own Python can make what the browser's Python loads
// without compiling. sitegen/bytecode.py runs it at build time.
//
//   node compile_zip.mjs PYODIDE_DIR IN_ZIP OUT_ZIP
// Each `x.py` becomes `x.pyc` beside where it was: Python's zip importer loads such a file without
// its source (the standard library and the engine are both imported from their zips).
// Bytecode is "unchecked hash" (PEP 552): it is used without comparing it to a source or a time
// stamp. Other files are copied as they are.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, inZip, outZip] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", env: { PYTHONNODEBUGRANGES: "1" } });
pyodide.FS.writeFile("/tmp/in.zip", new Uint8Array(readFileSync(inZip)));
pyodide.runPython(`
import importlib.util, marshal, sys, zipfile

def bytecode(source, name):
    code = compile(source, name, "exec", dont_inherit=True)
    flags = 0b01  # hash-based, not checked against the source
    return importlib.util.MAGIC_NUMBER + flags.to_bytes(4, "little") + importlib.util.source_hash(source) + marshal.dumps(code)

def entry(name, info):
    out = zipfile.ZipInfo(name, date_time=info.date_time)
    out.compress_type, out.external_attr = info.compress_type, info.external_attr
    return out

with zipfile.ZipFile("/tmp/in.zip") as source_zip, zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for info in source_zip.infolist():
        data = source_zip.read(info)
        if not info.filename.endswith(".py"):
            out.writestr(entry(info.filename, info), data)
            continue
        out.writestr(entry(info.filename + "c", info), bytecode(data, info.filename), compresslevel=9)
`);
writeFileSync(outZip, pyodide.FS.readFile("/tmp/out.zip"));
