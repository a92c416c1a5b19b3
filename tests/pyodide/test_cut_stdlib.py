"""The standard library the calculator boots with: cut by tracing imports under Pyodide, small,
and compiled (the engine's whole suite runs with it: test_engine_suite.py)."""
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

