"""The planner's and the categories' tests (and their fuzzing), run again inside real Pyodide."""
from __future__ import annotations

from tests.harness.pyodide import run_pytest

ENGINE_TESTS = ["tests/extras/test_plan.py", "tests/extras/test_categories.py", "tests/extras/test_fuzz.py"]


def test_plan_and_categories_tests_pass_inside_pyodide():
    # confcutdir keeps the browser fixtures of tests/conftest.py out of Pyodide.
    proc = run_pytest(["-q", "--confcutdir=tests/extras", *ENGINE_TESTS])
    report = proc.stdout + proc.stderr
    assert proc.returncode == 0, report
    assert " passed" in report and "skipped" not in report, report
