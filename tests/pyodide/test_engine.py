"""The engine's own tests, run inside real Pyodide (the browser's Python 3.14) under Node.

`--confcutdir=tests/engine` keeps pytest from loading tests/conftest.py (it imports Playwright,
which Pyodide lacks); CPython-only tests (subprocess, jsonschema) skip themselves there.
"""


def test_engine_tests_pass_inside_pyodide():
    from tests.harness.pyodide import run_pytest

    proc = run_pytest(["-q", "--confcutdir=tests/engine", "tests/engine"])
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-4000:]
    assert " passed" in output and " failed" not in output


def test_pyodide_gives_the_same_results_as_cpython():
    import json

    from engine import crs_score
    from tests.engine.helpers import load_examples
    from tests.harness.pyodide import run_python

    profiles = [example["profile"] for _, example in load_examples()]
    code = (
        "import json\n"
        "from engine import crs_score\n"
        f"profiles = json.loads({json.dumps(json.dumps(profiles))})\n"
        "print(json.dumps([crs_score(p) for p in profiles], sort_keys=True))\n"
    )
    inside = json.loads(run_python(code).strip().splitlines()[-1])
    assert inside == json.loads(json.dumps([crs_score(p) for p in profiles], sort_keys=True))
