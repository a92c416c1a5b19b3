"""Python bytecode for the browser, compiled at build time by Pyodide's own Python.

Without it, the browser's Python compiles every module it imports from source at each start
without a snapshot (the standard library, Pyodide's own modules, the engine): seconds on a
phone. CPython's bytecode is tied to its build, so the files are compiled inside the pinned
Pyodide under Node (browser/compile_zip.mjs). The result is kept in `.cache/bytecode/`, keyed by
the zip, the script and Pyodide's build.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from .errors import BuildError
from .paths import ROOT

SCRIPT = Path(__file__).with_name("browser") / "compile_zip.mjs"
CACHE = ROOT / ".cache" / "bytecode"
# Pyodide's runtime script names its build: bytecode from another one is never reused.
PYODIDE_BUILD = "pyodide.asm.mjs"


def compiled_zip(pyodide_dir: Path, data: bytes) -> bytes:
    """`data` (a zip) with each `x.py` replaced by its bytecode `x.pyc`: Python imports it from
    the zip without the source (none is shipped: a smaller download)."""
    key = hashlib.sha256()
    for part in (data, SCRIPT.read_bytes(), (pyodide_dir / PYODIDE_BUILD).read_bytes()):
        key.update(hashlib.sha256(part).digest())
    cached = CACHE / f"{key.hexdigest()[:32]}.zip"
    if not cached.is_file():
        node = shutil.which("node")
        if node is None:
            raise BuildError(f"{SCRIPT.name}:1: Node.js is needed to compile Python for the browser: "
                             "install the Debian package nodejs")
        CACHE.mkdir(parents=True, exist_ok=True)
        source = cached.with_suffix(f".{os.getpid()}.in")
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        source.write_bytes(data)
        try:
            proc = subprocess.run([node, str(SCRIPT), str(pyodide_dir), str(source), str(partial)],
                                  capture_output=True, text=True, timeout=300,
                                  env={**os.environ, "NODE_NO_WARNINGS": "1"})
            if proc.returncode != 0:
                raise BuildError(f"{SCRIPT.name}:1: compiling Python for the browser failed "
                                 f"(exit {proc.returncode}): {(proc.stderr or proc.stdout)[-2000:]}")
            partial.replace(cached)  # atomic: parallel builds never read half an archive
        finally:
            source.unlink(missing_ok=True)
            partial.unlink(missing_ok=True)
    return cached.read_bytes()
