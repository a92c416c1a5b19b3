"""Real Pyodide (the browser's Python 3.14) under Node scores as CPython does (the engine's
whole suite runs there too: test_engine_suite.py)."""


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
