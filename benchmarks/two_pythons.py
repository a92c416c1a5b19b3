"""Runs one timing function in CPython and in real Pyodide under Node, for the engine benchmarks.

`measure` is Python source that defines `measure(data, runs)` and returns a JSON-able dict; it is
run as it is in both, after TIMED, so the two figures time the same code the same way.
"""
from __future__ import annotations

import json
import sys

# What every measure may call: `timed(function, runs)` is (median, best) in ms after one warm-up.
TIMED = """
import json, statistics, time

def timed(function, runs):
    function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)
"""


def in_cpython(measure: str, data, runs: int) -> dict:
    scope: dict = {}
    exec(TIMED + measure, scope)
    return scope["measure"](data, runs)


def in_pyodide(measure: str, data, runs: int) -> dict:
    from tests.harness.pyodide import run_python

    code = TIMED + measure + f"\nprint(json.dumps(measure(json.loads({json.dumps(data)!r}), {runs})))\n"
    return json.loads(run_python(code).strip().splitlines()[-1])


def in_both(measure: str, data, runs: int) -> list[tuple[str, dict]]:
    """[(which Python, its figures)] for CPython, then Pyodide under Node."""
    return [("CPython " + sys.version.split()[0], in_cpython(measure, data, runs)),
            ("Pyodide (Node)", in_pyodide(measure, data, runs))]
