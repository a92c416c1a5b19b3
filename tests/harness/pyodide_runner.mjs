// Runs Python inside real Pyodide under Node, with the project mounted at /project.
// Usage: node pyodide_runner.mjs PROJECT_ROOT WHEEL_DIR|- < code.py
// The code comes on stdin; the process exits with the code's SystemExit status (0 otherwise).
// With PYODIDE_STDLIB set (a path), Pyodide boots from that standard library archive instead of
// its own, and its own full archive comes last on sys.path, for test tools only.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [projectRoot, wheelDir] = process.argv.slice(2);
const { loadPyodide } = await import(
  pathToFileURL(join(projectRoot, "node_modules", "pyodide", "pyodide.mjs")).href
);
const stdlib = process.env.PYODIDE_STDLIB;
const pyodide = await loadPyodide(stdlib ? { stdLibURL: stdlib } : {});
// Raw writes, not the line-batched callbacks: those cut a very long line in two, which broke
// tests that print one JSON document per line.
// The bytes are a view Pyodide reuses: copy them before Node writes them out later.
const raw = (stream) => ({ write: (bytes) => { stream.write(Buffer.from(bytes)); return bytes.length; } });
pyodide.setStdout(raw(process.stdout));
pyodide.setStderr(raw(process.stderr));
if (stdlib) {
  pyodide.FS.mkdir("/full-stdlib");
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: join(projectRoot, "node_modules", "pyodide") }, "/full-stdlib");
  // A finder after all others: a module the archive lacks, even inside one of its packages
  // (importlib.metadata when importlib is there), comes from the full archive.
  pyodide.runPython(`
import sys, zipimport
class _FullArchive:
    @staticmethod
    def find_spec(name, path=None, target=None):
        package = name.rpartition(".")[0]
        prefix = "/full-stdlib/python_stdlib.zip/" + (package.replace(".", "/") + "/" if package else "")
        try:
            return zipimport.zipimporter(prefix).find_spec(name)
        except zipimport.ZipImportError:
            return None
sys.meta_path.append(_FullArchive)
`);
}

if (wheelDir && wheelDir !== "-") {
  const extractDir = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  for (const name of readdirSync(wheelDir).filter((n) => n.endsWith(".whl"))) {
    // unpackArchive refuses a Node Buffer: hand it a plain Uint8Array.
    pyodide.unpackArchive(new Uint8Array(readFileSync(join(wheelDir, name))), "wheel", { extractDir });
  }
}

pyodide.FS.mkdir("/project");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: projectRoot }, "/project");

const code = readFileSync(0, "utf8");
pyodide.globals.set("__runner_code", code);
const status = await pyodide.runPythonAsync(`
import os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, "/project")
os.chdir("/project")
_status = 0
try:
    exec(compile(__runner_code, "<pyodide-runner>", "exec"), {"__name__": "__main__"})
except SystemExit as exc:
    _status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
except BaseException:
    # Print the Python traceback ourselves: an escaping error would dump Pyodide's minified JS.
    import traceback
    traceback.print_exc()
    _status = 1
_status
`);
// Not process.exit(): it can cut off output still being written to a pipe.
process.exitCode = status;
