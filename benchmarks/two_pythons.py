"""Runs one timing function in CPython and in real Pyodide under Node, for the engine benchmarks.

`measure` is Python source that defines `measure(data, runs)` and returns a JSON-able dict; it is
run as it is in both, so the two figures time the same code.
"""
from __future__ import annotations

import json


def in_cpython(measure: str, data, runs: int) -> dict:
    scope: dict = {}
    exec(measure, scope)
    return scope["measure"](data, runs)


def in_pyodide(measure: str, data, runs: int) -> dict:
    from tests.harness.pyodide import run_python

    code = measure + f"\nprint(json.dumps(measure(json.loads({json.dumps(data)!r}), {runs})))\n"
    return json.loads(run_python(code).strip().splitlines()[-1])
