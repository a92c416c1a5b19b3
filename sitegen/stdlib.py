"""The standard library the calculator loads: Pyodide's archive cut to what the engine imports.

Pyodide's `python_stdlib.zip` is 2.5 MB of already-compressed files, nearly all of which the
engine never touches. `write_cut_stdlib` starts Pyodide under Node as the calculator's worker
does (browser/stdlib_trace.mjs), sends profiles through the bridge, and keeps exactly the files
Python loaded from the archive, without their docstrings and comments (as `python -OO` drops
docstrings; the code is unchanged), compiled to bytecode (sitegen/bytecode.py: only `.pyc`
files, which Python's zip importer loads without compiling). The page boots with that cut archive
(`loadPyodide({stdLibURL})`) and switches to the full one, still shipped, if an import fails.

The trace takes a few seconds, so the cut archive is kept in `.cache/stdlib-trace/`, keyed by
everything it depends on: the engine zip (engine and bridge), Pyodide's archive, the trace
script and its profiles.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from .bytecode import compiled_zip
from .errors import BuildError
from .paths import ROOT

BROWSER = Path(__file__).with_name("browser")
TRACE_SCRIPT = BROWSER / "stdlib_trace.mjs"
TRACE_PROFILES = BROWSER / "trace_profiles.json"
CACHE = ROOT / ".cache" / "stdlib-trace"
FULL_NAME = "python_stdlib.zip"


def trace(pyodide_dir: Path, engine_zip: Path, *, write: Path | None = None, check: Path | None = None) -> dict:
    """Run the trace in Pyodide under Node; returns {"files", "answers", "broken"}.

    `write`: trace with the full archive and write the cut one there. `check`: boot from that
    cut archive instead and trace again.
    """
    node = shutil.which("node")
    if node is None:
        raise BuildError(f"{TRACE_SCRIPT.name}:1: Node.js is needed to trace the standard library: "
                         "install the Debian package nodejs")
    command = [node, str(TRACE_SCRIPT), str(pyodide_dir), str(engine_zip), str(TRACE_PROFILES)]
    command += ["--check", str(check)] if check else [str(write)]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NODE_NO_WARNINGS": "1"})
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise BuildError(f"{TRACE_SCRIPT.name}:1: the standard-library trace failed "
                         f"(exit {proc.returncode}): {(proc.stderr or proc.stdout)[-2000:]}")
    result = json.loads(lines[-1])
    if result["broken"]:
        raise BuildError(f"{TRACE_PROFILES.name}:1: the bridge failed during the trace: {result['broken']}")
    return result


def cut_stdlib(pyodide_dir: Path, engine_zip: Path) -> bytes:
    """The cut archive's bytes (compiled), from the cache or a new trace."""
    key = hashlib.sha256()
    for path in (engine_zip, pyodide_dir / FULL_NAME, TRACE_SCRIPT, TRACE_PROFILES):
        key.update(hashlib.sha256(path.read_bytes()).digest())
    cached = CACHE / f"{key.hexdigest()[:32]}.zip"
    if not cached.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        trace(pyodide_dir, engine_zip, write=partial)
        partial.replace(cached)  # atomic: parallel builds never read half an archive
    return compiled_zip(pyodide_dir, cached.read_bytes())


def write_cut_stdlib(out_dir: Path, pyodide_dir: Path, engine_zip: Path) -> str:
    """Write `python-stdlib-<hash>.zip` into `out_dir`; returns its name."""
    data = cut_stdlib(pyodide_dir, engine_zip)
    name = f"python-stdlib-{hashlib.sha256(data).hexdigest()[:12]}.zip"
    (out_dir / name).write_bytes(data)
    return name
