"""Node.js for the tests that run the site's own JavaScript modules outside a browser."""
from __future__ import annotations

import shutil
import subprocess

import pytest


def run_module(script: str, *args, timeout: int = 60, cwd=None) -> str:
    """Run `script` (an ES module's source) with `args` as process.argv[1:]; returns its stdout.
    Skips the test when Node.js is missing; fails with Node's own error when the script fails."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (Debian package 'nodejs')")
    proc = subprocess.run([node, "--input-type=module", "-e", script, *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          env={"PATH": "/usr/bin:/bin", "NODE_NO_WARNINGS": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout
