"""`python -m engine` as a separate process (CPython only: Pyodide has no subprocesses)."""

import json
import subprocess
import sys

import pytest

import engine

from .helpers import ROOT, load_examples

pytestmark = pytest.mark.skipif(sys.platform == "emscripten", reason="needs subprocesses")


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "engine", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


@pytest.mark.parametrize(("name", "example"), load_examples()[:3])
def test_crs_from_a_file_and_from_stdin(tmp_path, name, example):
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(example["profile"]))
    from_file = run("crs", str(path))
    from_stdin = run("crs", "-", stdin=json.dumps(example["profile"]))
    for proc in (from_file, from_stdin):
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == ""
        result = json.loads(proc.stdout)
        assert result["total"] == example["expected"]["total"]
        assert result["sections"] == example["expected"]["sections"]


@pytest.mark.parametrize(("stdin", "message"), [
    ('{"age": true, "education": "masters", "first_language": null}', "error: age: must be a whole number from 0 to 120, got true\n"),
    ("[]", "error: profile: must be an object, got a list\n"),
    ("{not json", "error: -: not valid JSON"),
    ('{"age": NaN}', "error: -: not valid JSON (NaN is not a JSON number)"),
    ("", "error: -: not valid JSON"),
])
def test_crs_bad_input_exits_2(stdin, message):
    proc = run("crs", "-", stdin=stdin)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith(message)
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_crs_missing_file_exits_2(tmp_path):
    proc = run("crs", str(tmp_path / "nothing.json"))
    assert proc.returncode == 2 and proc.stderr.startswith("error: ") and "nothing.json" in proc.stderr


def test_clb_prints_levels():
    proc = run("clb", "--test", "ielts_general", "--listening", "7.5", "--reading", "7", "--writing", "6.5", "--speaking", "6")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"test": "ielts_general", "official_language": "english",
                                       "levels": {"listening": 8, "reading": 9, "writing": 8, "speaking": 7}}


def test_clb_uses_the_chart_of_the_test_day():
    args = ["clb", "--test", "tef_canada", "--listening", "300", "--reading", "250", "--writing", "400", "--speaking", "400"]
    old = run(*args, "--taken-on", "2018-03-01", "--as-of", "2019-01-01")
    assert json.loads(old.stdout)["levels"] == {"listening": 9, "reading": 9, "writing": 10, "speaking": 10}
    new = run(*args, "--as-of", "2026-11-25")
    assert json.loads(new.stdout)["levels"] == {"listening": 0, "reading": 0, "writing": 6, "speaking": 5}


@pytest.mark.parametrize("score", ["9.5", "abc", "true", "NaN"])
def test_clb_bad_score_exits_2(score):
    proc = run("clb", "--test", "ielts_general", "--listening", score, "--reading", "7", "--writing", "6.5", "--speaking", "6")
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: listening: ielts_general scores run from 0 to 9 in steps of 0.5, got ")


def test_usage_errors_exit_2():
    assert run().returncode == 2
    assert run("clb", "--test", "clb").returncode == 2


def test_a_job_list_gives_the_years_on_the_command_line_as_in_the_page():
    # The typed 5 + 5 years contradict the job list (7 years abroad): the jobs count, as in the page.
    from engine.experience import with_work_years
    profile = {"as_of": "2026-11-02", "age": 30, "education": "bachelors", "canadian_work_years": 5,
               "foreign_work_years": 5,
               "first_language": {"test": "clb", "listening": 9, "reading": 9, "writing": 9, "speaking": 9},
               "work_history": [{"noc": "21232", "country": "abroad", "start": "2019-01-01", "end": "2025-12-31"}]}
    counted, _ = with_work_years(profile)
    page = engine.crs_score({k: v for k, v in counted.items() if k != "work_history"})["total"]
    for command, read in (("crs", lambda out: out["total"]), ("assess", lambda out: out["crs"]["total"]),
                          ("plan", lambda out: out["total"])):
        done = run(command, "-", stdin=json.dumps(profile))
        assert done.returncode == 0, done.stderr
        assert read(json.loads(done.stdout)) == page
