"""Run Python inside real Pyodide under Node.js, from the pinned npm package.

This proves that the browser's interpreter gives the same answers as CPython: the project is
mounted read-write at /project (and importable), so tests can import `engine` unchanged.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("pyodide_runner.mjs")
REQUIREMENTS = Path(__file__).with_name("pyodide-requirements.txt")
WHEELS = ROOT / ".cache" / "pyodide-wheels"


class PyodideError(RuntimeError):
    """The code inside Pyodide failed; the message holds its output."""


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise PyodideError("Node.js is not installed: install the Debian package 'nodejs'.")
    if not (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").exists():
        raise PyodideError("node_modules/pyodide is missing: run 'npm ci' in the project root.")
    return node


def ensure_wheels() -> Path:
    """Download the pure-Python wheels for Pyodide's Python once (keyed by the requirements);
    parallel test workers wait for the one that downloads."""
    WHEELS.parent.mkdir(parents=True, exist_ok=True)
    with open(WHEELS.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _download_wheels()


def _download_wheels() -> Path:
    stamp = WHEELS / ".requirements-sha256"
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return WHEELS
    shutil.rmtree(WHEELS, ignore_errors=True)
    WHEELS.mkdir(parents=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
         "--only-binary=:all:", "--python-version", "3.14", "--platform", "any",
         "--implementation", "py", "--abi", "none", "-d", str(WHEELS), "-r", str(REQUIREMENTS)],
        check=True,
    )
    stamp.write_text(digest)
    return WHEELS


def run(code: str, *, wheels: bool = False, timeout: float = 600, stdlib: Path | None = None) -> subprocess.CompletedProcess:
    """Run `code` in Pyodide; return the finished process (stdout/stderr as text).

    `stdlib`: boot from this standard library archive (the full one then comes last on sys.path).
    """
    wheel_dir = str(ensure_wheels()) if wheels else "-"
    env = {**os.environ, "NODE_NO_WARNINGS": "1"}
    if stdlib is not None:
        env["PYODIDE_STDLIB"] = str(stdlib)
    return subprocess.run(
        [_node(), str(RUNNER), str(ROOT), wheel_dir],
        input=code, capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env,
    )


def run_python(code: str, *, timeout: float = 600) -> str:
    """Run `code` in Pyodide and return what it printed; raise PyodideError if it failed."""
    proc = run(code, timeout=timeout)
    if proc.returncode != 0:
        raise PyodideError(f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout

