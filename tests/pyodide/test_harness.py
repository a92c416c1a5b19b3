"""The test harness itself: Pyodide under Node runs Python 3.14 and reports failures."""
from __future__ import annotations

import json

import pytest

from tests.harness.pyodide import PyodideError, run_python


def test_pyodide_runs_python_314_and_computes_like_cpython():
    code = (
        "import json, sys, tomllib\n"
        "from decimal import Decimal\n"
        "data = tomllib.loads('a = 2026-11-25\\nb = [1, 2, 3]')\n"
        "print(json.dumps({'version': sys.version_info[:2], 'sum': sum(data['b']),"
        " 'date': data['a'].isoformat(), 'money': str(Decimal('15263') * 2)}))\n"
    )
    result = json.loads(run_python(code).strip().splitlines()[-1])
    assert result == {"version": [3, 14], "sum": 6, "date": "2026-11-25", "money": "30526"}


def test_pyodide_sees_the_project_and_reports_failures():
    assert run_python("import pathlib; print(pathlib.Path('pyproject.toml').exists())").strip() == "True"
    with pytest.raises(PyodideError, match="ZeroDivisionError"):
        run_python("1 / 0")


def test_pyodide_output_arrives_whole_however_long():
    # Long lines used to be cut in two (line-batched output) or lost at exit (output still in
    # the pipe when the process ended): tests that print one JSON document per line broke.
    out = run_python("import json\nprint('é' * 100000)\nprint(json.dumps(list(range(40000))))\nprint('end')")
    lines = out.strip().splitlines()[-3:]
    assert lines[0] == "é" * 100000
    assert json.loads(lines[1]) == list(range(40000))
    assert lines[2] == "end"
