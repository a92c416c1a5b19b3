"""The same assessment tests, run inside real Pyodide (Python 3.14 in WebAssembly) under Node."""

import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "emscripten", reason="already running inside Pyodide")


def test_assess_tests_pass_inside_pyodide():
    from tests.harness.pyodide import run_pytest

    proc = run_pytest(["tests/assess", "--confcutdir=tests/assess", "-q"])
    tail = (proc.stdout + proc.stderr)[-3000:]
    assert proc.returncode == 0, tail
    assert " passed" in proc.stdout and " failed" not in proc.stdout, tail
