"""The standard library the calculator boots with: cut by tracing imports under Pyodide, small,
and enough for the engine's whole test suite, run inside Pyodide with only that archive."""
from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path

import pytest

from sitegen import stdlib

pytestmark = pytest.mark.skipif(sys.platform == "emscripten", reason="these tests start Pyodide")

ROOT = Path(__file__).resolve().parents[2]
FULL = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
# The engine's suite: every test that exercises engine/ and already runs inside Pyodide.
ENGINE_SUITE = ["tests/engine", "tests/assessment"]

# Runs inside Pyodide before pytest. The cut archive is the standard library; Pyodide's full
# archive is last on sys.path so that pytest and hypothesis can start. Every import statement
# executed while engine code is on the stack (its own, and those of the library code it calls)
# must resolve to a module that is built in, frozen, in the cut archive or in the project.
GUARD = r'''
import builtins, sys
ENGINE = ("engine", "bridge")
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
    if level == 0 and _engine_on_stack():
        parts = name.split(".")
        names = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
        names += [f"{name}.{item}" for item in fromlist or () if f"{name}.{item}" in sys.modules]
        for each in names:
            checked.add(each)
            if _origin(each).startswith(FULL):
                outside.add(each)
    return module

builtins.__import__ = guarded
'''
REPORT = r'''
import zipfile
in_use = sorted(zipfile.ZipFile("/lib/python%d%d.zip" % sys.version_info[:2]).namelist())
print("STDLIB", len(in_use), "CHECKED", len(checked), "OUTSIDE", sorted(outside))
sys.exit(status or (1 if outside else 0))
'''


@pytest.fixture(scope="module")
def cut_archive(built_site) -> Path:
    return next(built_site.glob("python-stdlib-*.zip"))


def test_cut_archive_is_pyodides_own_files_compiled_and_a_fraction_of_the_full_one(cut_archive):
    with zipfile.ZipFile(cut_archive) as cut, zipfile.ZipFile(FULL) as full:
        names = set(cut.namelist())
        # Bytecode only: each x.pyc stands for Pyodide's x.py.
        assert all(name.endswith(".pyc") for name in names)
        sources = {name[:-1] for name in names}
        assert sources < set(full.namelist())
        # The engine's own imports, and Pyodide's start-up, are in it; what the engine never
        # imports is not.
        assert {"json/__init__.py", "tomllib/__init__.py", "fractions.py", "datetime.py",
                "_pyodide/__init__.py", "encodings/utf_8.py"} <= sources
        assert not {"email/__init__.py", "unittest/__init__.py", "sqlite3/__init__.py",
                    "encodings/cp1252.py", "argparse.py"} & sources
        # Compiled by Pyodide's own Python (3.14), whose bytecode version CPython 3.11 lacks.
        magic = {cut.read(name)[:4] for name in names}
        assert len(magic) == 1 and magic != {importlib.util.MAGIC_NUMBER}
    assert cut_archive.stat().st_size < FULL.stat().st_size / 2


def test_trace_of_the_cut_archive_finds_everything_in_it_compiled(built_site, cut_archive):
    """Booted from the cut archive, the worker's steps load only files that it holds, and
    Python compiles nothing from source: the standard library and the engine are bytecode."""
    engine_zip = next(built_site.glob("engine-*.zip"))
    result = stdlib.trace(built_site / "pyodide", engine_zip, check=cut_archive)
    assert result["answers"] > 0 and result["broken"] == []
    assert set(result["files"]) <= set(zipfile.ZipFile(cut_archive).namelist())
    assert result["compiled"] == []


def test_trace_sees_a_compile_from_source(built_site, tmp_path):
    """The check above can fail: an engine zip without bytecode is compiled, file by file."""
    from sitegen.runtime import engine_zip_bytes

    source_zip = tmp_path / "engine.zip"
    source_zip.write_bytes(engine_zip_bytes(ROOT / "engine"))
    result = stdlib.trace(built_site / "pyodide", source_zip, check=next(built_site.glob("python-stdlib-*.zip")))
    assert "/home/pyodide/engine.zip/engine/crs.py" in result["compiled"]


def test_engine_suite_passes_inside_pyodide_with_the_cut_archive(cut_archive):
    from tests.harness.pyodide import run

    args = ["-p", "no:cacheprovider", "-q", "--confcutdir=tests/engine", *ENGINE_SUITE]
    code = GUARD + f"import pytest\nstatus = pytest.main({args!r})\n" + REPORT
    proc = run(code, wheels=True, timeout=1500, stdlib=cut_archive)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-4000:]
    assert " passed" in output and " failed" not in output, output[-4000:]
    summary = next(line for line in output.splitlines() if line.startswith("STDLIB "))
    stdlib_files, checked = int(summary.split()[1]), int(summary.split()[3])
    assert stdlib_files == len(zipfile.ZipFile(cut_archive).namelist())  # the cut one was in use
    assert checked > 20 and summary.endswith("OUTSIDE []"), summary
