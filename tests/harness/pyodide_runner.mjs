// Runs Python inside real Pyodide under Node, with the project mounted at /project.
// Usage: node pyodide_runner.mjs PROJECT_ROOT WHEEL_DIR|- < code.py
// The code comes on stdin; the process exits with the code's SystemExit status (0 otherwise).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [projectRoot, wheelDir] = process.argv.slice(2);
const { loadPyodide } = await import(
  pathToFileURL(join(projectRoot, "node_modules", "pyodide", "pyodide.mjs")).href
);
const pyodide = await loadPyodide({
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});

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
process.exit(status);
