"""The engine's whole test suite (tests/engine and tests/assessment), run inside real Pyodide
(the browser's Python 3.14) under Node, booted from the cut standard library the calculator
ships. It runs once for this file; each test reads its own part of that run.

`--confcutdir=tests/engine` keeps pytest from loading tests/conftest.py (it imports Playwright,
which Pyodide lacks); CPython-only tests (subprocess, jsonschema) skip themselves there.
"""
from __future__ import annotations

import json
import sys
import zipfile

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "emscripten", reason="these tests start Pyodide")

SUITES = {"engine": "tests/engine", "assessment": "tests/assessment"}

# Runs inside Pyodide before pytest. The cut archive is the standard library; Pyodide's full
# archive is last on sys.path so that pytest and hypothesis can start. Every import statement
# executed while engine code is on the stack (its own, and those of the library code it calls)
# must resolve to a module that is built in, frozen, in the cut archive or in the project.
# A module is checked the first time engine code imports it: where it came from cannot change.
# Imports written in the test tools' own code are not the engine's (the engine never calls
# them): they are let through without walking the stack, which made the run twice as long.
GUARD = r'''
import builtins, sys
ENGINE = ("engine", "bridge")
TOOLS = {"_pytest", "pytest", "pluggy", "hypothesis", "_hypothesis_pytestplugin", "sortedcontainers",
         "iniconfig", "attr", "packaging", "tests"}
FULL = "/full-stdlib/"
_import = builtins.__import__
checked = set()
outside = set()

def _engine_on_stack():
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name.split(".")[0] in ENGINE:
            return True
        frame = frame.f_back
    return False

def _origin(name):
    module = sys.modules.get(name)
    return getattr(getattr(module, "__spec__", None), "origin", None) or ""

def guarded(name, globals=None, locals=None, fromlist=(), level=0):
    module = _import(name, globals, locals, fromlist, level)
    if level != 0 or (globals or {}).get("__name__", "").partition(".")[0] in TOOLS:
        return module
    parts = name.split(".")
    names = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
    names += [f"{name}.{item}" for item in fromlist or () if f"{name}.{item}" in sys.modules]
    unchecked = [each for each in names if each not in checked]
    if unchecked and _engine_on_stack():
        for each in unchecked:
            checked.add(each)
            if _origin(each).startswith(FULL):
                outside.add(each)
    return module

builtins.__import__ = guarded
'''
# Failed or erred tests, by suite, from pytest's own reports.
RUN = r'''
import json, pytest

class Outcomes:
    def __init__(self):
        self.failed = {suite: [] for suite in SUITES}
        self.passed = dict.fromkeys(SUITES, 0)

    def pytest_runtest_logreport(self, report):
        suite = next((s for s, path in SUITES.items() if report.nodeid.startswith(path)), None)
        if suite is None:
            return
        if report.failed:
            self.failed[suite].append(report.nodeid)
        elif report.passed and report.when == "call":
            self.passed[suite] += 1

outcomes = Outcomes()
status = pytest.main(["-p", "no:cacheprovider", "-q", "--confcutdir=tests/engine", *SUITES.values()], plugins=[outcomes])
in_use = sorted(zipfile.ZipFile("/lib/python%d%d.zip" % sys.version_info[:2]).namelist())
print("SUITE " + json.dumps({"status": int(status), "passed": outcomes.passed, "failed": outcomes.failed,
                             "stdlib": len(in_use), "checked": len(checked), "outside": sorted(outside)}))
'''


@pytest.fixture(scope="module")
def suite(cut_archive) -> dict:
    from tests.harness.pyodide import run

    code = GUARD + "import zipfile\nSUITES = " + repr(SUITES) + "\n" + RUN
    proc = run(code, wheels=True, timeout=1500, stdlib=cut_archive)
    output = proc.stdout + proc.stderr
    line = next((line for line in proc.stdout.splitlines() if line.startswith("SUITE ")), None)
    assert proc.returncode == 0 and line, output[-4000:]
    return {**json.loads(line[len("SUITE "):]), "output": output}


@pytest.mark.parametrize("name", SUITES)
def test_the_suite_passes_inside_pyodide(suite, name):
    assert suite["passed"][name] > 50 and suite["failed"][name] == [], suite["output"][-4000:]


def test_the_whole_run_passed(suite):
    """pytest's own verdict too: a collection error or an internal one fails no single test."""
    assert suite["status"] == 0, suite["output"][-4000:]


def test_the_engine_imports_nothing_outside_the_cut_archive(suite, cut_archive):
    assert suite["stdlib"] == len(zipfile.ZipFile(cut_archive).namelist())  # the cut one was in use
    assert suite["checked"] > 20 and suite["outside"] == [], suite["outside"]


def test_the_guard_names_what_the_engine_imports_from_outside_the_cut_archive(cut_archive, tmp_path):
    """The check above can fail: with fractions missing from the archive, scoring imports it from
    Pyodide's full one, and the guard names it."""
    from tests.harness.pyodide import run

    lacking = tmp_path / "python-stdlib-lacking.zip"
    with zipfile.ZipFile(cut_archive) as cut, zipfile.ZipFile(lacking, "w") as out:
        for info in cut.infolist():
            if info.filename != "fractions.pyc":
                out.writestr(info, cut.read(info))
    profile = {"age": 30, "education": "masters",
               "first_language": {"test": "clb", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}}
    code = GUARD + f"import engine\nengine.crs_score({profile!r})\nprint('OUTSIDE', sorted(outside))\n"
    proc = run(code, stdlib=lacking)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    assert "OUTSIDE ['fractions']" in proc.stdout, proc.stdout[-2000:]
