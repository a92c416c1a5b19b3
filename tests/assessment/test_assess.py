"""The assess() entry point: contract examples, the command line, bad input and the schema."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import ProfileError, assess, crs_score
from tests.harness.words import assert_check_worded

from .helpers import AS_OF, clb, job, profile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "docs" / "contract" / "examples").glob("*.json"))
IN_PYODIDE = sys.platform == "emscripten"
SECTIONS = {"as_of", "crs", "programs", "eligible_programs", "funds", "fees", "deadlines", "warnings"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_contract_examples_assess_completely(path):
    example = json.loads(path.read_text())
    result = assess(example["profile"])
    assert set(result) == SECTIONS
    assert result["crs"] == crs_score(example["profile"])
    assert result["crs"]["total"] == example["expected"]["total"]
    for key in ("fswp", "fstp", "cec"):
        program = result["programs"][key]
        assert program["eligible"] in (True, False, None)
        # An old profile lacks the new answers: each program says which one it needs.
        assert program["eligible"] is not True
        # (CEC is ruled out at once by 0 years of work in Canada.)
        canadian_years = example["profile"].get("canadian_work_years", 0)
        asked = "canadian_work_years" if key == "cec" and canadian_years == 0 else "work_history"
        assert any(r["field"] == asked for r in program["reasons"])
        assert all(r["field"] is not None for r in program["reasons"])
        for reason in program["reasons"]:
            assert_check_worded(reason)
    assert result["funds"]["required"] > 0 and result["fees"]["total"] > 0
    assert result["programs"]["fswp"]["grid"]["pass_mark"] == 67


def test_grid_is_computed_for_an_old_profile():
    # single-masters-clb9-foreign3: 24 + 23 + 11 (3 years) + 12 (age 29) + 0 + 0
    example = json.loads((ROOT / "docs/contract/examples/single-masters-clb9-foreign3.json").read_text())
    assert assess(example["profile"])["programs"]["fswp"]["grid"]["total"] == 70


def test_eligible_programs_lists_the_programs_met():
    canada_job = job(date(2024, 1, 1), date(2025, 6, 30), country="canada")
    result = assess(profile(work_history=[canada_job]))
    assert result["eligible_programs"] == ["fswp", "cec"]


def test_result_is_json():
    result = assess(profile(ita_received_on="2026-11-01", spouse={"canadian_citizen_or_pr": False, "accompanying": True}))
    assert json.loads(json.dumps(result)) == result


@pytest.mark.skipif(IN_PYODIDE, reason="no subprocesses in Pyodide")
@pytest.mark.parametrize("path", EXAMPLES[:3], ids=lambda p: p.stem)
def test_command_line_prints_the_assessment(path):
    example = json.loads(path.read_text())
    proc = subprocess.run([sys.executable, "-m", "engine", "assess", "-"], input=json.dumps(example["profile"]),
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout)
    assert printed == assess(example["profile"])


@pytest.mark.skipif(IN_PYODIDE, reason="no subprocesses in Pyodide")
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_command_line_prints_a_readable_summary(path):
    example = json.loads(path.read_text())
    proc = subprocess.run([sys.executable, "-m", "engine", "assess", "--text", "-"],
                          input=json.dumps(example["profile"]), capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    assert f"crs {example['expected']['total']} " in text
    for heading in ("\nfswp ", "\nfstp ", "\ncec ", "  grid ", "\nfunds ", "\nfee processing_principal ",
                    "\nfees total="):
        assert heading in text


def test_summary_lists_each_reason_fee_and_deadline():
    from engine.assess import render

    result = assess(profile(ita_received_on="2026-11-01", settlement_funds=100))
    text = render(result)
    for reason in result["programs"]["fswp"]["reasons"]:
        assert f"{reason['code']} [{reason['field']}] {reason['check']}" in text
    for line in result["fees"]["lines"]:
        assert f"fee {line['id']} " in text
    assert "until=2026-12-31" in text and "shortfall=15163" in text


@pytest.mark.skipif(IN_PYODIDE, reason="no subprocesses in Pyodide")
def test_command_line_reports_bad_input():
    bad = profile(work_history=[{"country": "canada", "start": "2020-01-01", "noc": "123"}])
    proc = subprocess.run([sys.executable, "-m", "engine", "assess", "-"], input=json.dumps(bad),
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: work_history.0.noc: ")


JOB = {"noc": "21232", "country": "abroad", "start": "2020-01-01"}


@pytest.mark.parametrize("changes, field", [
    ({"work_history": {}}, "work_history"),
    ({"work_history": [JOB] * 51}, "work_history"),
    ({"work_history": ["job"]}, "work_history.0"),
    ({"work_history": [{**JOB, "country": "usa"}]}, "work_history.0.country"),
    ({"work_history": [{"noc": "21232", "start": "2020-01-01"}]}, "work_history.0.country"),
    ({"work_history": [{"noc": "21232", "country": "canada"}]}, "work_history.0.start"),
    ({"work_history": [{**JOB, "noc": "2123"}]}, "work_history.0.noc"),
    ({"work_history": [{**JOB, "noc": 21232}]}, "work_history.0.noc"),
    ({"work_history": [{**JOB, "noc": "２１２３２"}]}, "work_history.0.noc"),
    ({"work_history": [{"country": "canada", "start": "2020-01-01"}]}, "work_history.0.noc"),
    ({"work_history": [{**JOB, "teer": 2}]}, "work_history.0.teer"),
    ({"work_history": [{"teer": 6, "country": "canada", "start": "2020-01-01"}]}, "work_history.0.teer"),
    ({"work_history": [{**JOB, "start": "2026-11-26"}]}, "work_history.0.start"),
    ({"work_history": [{**JOB, "start": "2020-02-30"}]}, "work_history.0.start"),
    ({"work_history": [{**JOB, "end": "2019-12-31"}]}, "work_history.0.end"),
    ({"work_history": [{**JOB, "hours_per_week": 0}]}, "work_history.0.hours_per_week"),
    ({"work_history": [{**JOB, "hours_per_week": 169}]}, "work_history.0.hours_per_week"),
    ({"work_history": [{**JOB, "hours_per_week": True}]}, "work_history.0.hours_per_week"),
    ({"work_history": [{**JOB, "self_employed": "no"}]}, "work_history.0.self_employed"),
    ({"work_history": [{**JOB, "while_studying": 1}]}, "work_history.0.while_studying"),
    ({"work_history": [JOB, {**JOB, "employer": "x"}]}, "work_history.1.employer"),
    ({"job_offer_noc": "7210"}, "job_offer_noc"),
    ({"eca_issued_on": "2026-11-26"}, "eca_issued_on"),
    ({"eca_issued_on": 20240101}, "eca_issued_on"),
    ({"ita_received_on": "yesterday"}, "ita_received_on"),
    ({"medical_exam_on": "2027-01-01"}, "medical_exam_on"),
    ({"settlement_funds": -1}, "settlement_funds"),
    ({"settlement_funds": "20000"}, "settlement_funds"),
    ({"settlement_funds": float("nan")}, "settlement_funds"),
    ({"children_accompanying": 1.5}, "children_accompanying"),
    ({"children_not_accompanying": -1}, "children_not_accompanying"),
    ({"plans_to_live_in_quebec": "no"}, "plans_to_live_in_quebec"),
    ({"relative_in_canada": None}, "relative_in_canada"),
    ({"spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "studied_in_canada_2_years": "yes"}},
     "spouse.studied_in_canada_2_years"),
    ({"first_language": clb(9, taken_on="2026-11-26")}, "first_language.taken_on"),
])
def test_bad_input_names_the_field(changes, field):
    with pytest.raises(ProfileError) as error:
        assess(profile(**changes))
    assert error.value.field == field
    assert str(error.value).startswith(field + ": ")


@pytest.mark.parametrize("value", [None, [], "profile", 3])
def test_a_profile_must_be_an_object(value):
    with pytest.raises(ProfileError):
        assess(value)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**6) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
FIELDS = ["work_history", "job_offer_noc", "eca_issued_on", "settlement_funds", "children_accompanying",
          "children_not_accompanying", "plans_to_live_in_quebec", "relative_in_canada",
          "authorized_to_work_in_canada", "studied_in_canada_2_years", "ita_received_on"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(FIELDS), JSON, st.dictionaries(st.sampled_from(list(JOB) + ["teer", "end", "hours_per_week"]), JSON))
def test_only_profile_errors_escape(field, value, job_fields):
    for changes in ({field: value}, {"work_history": [{**JOB, **job_fields}]}):
        try:
            result = assess(profile(**changes))
        except ProfileError:
            continue
        assert set(result) == SECTIONS


@settings(max_examples=80, deadline=None)
@given(st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)))
def test_every_date_since_express_entry_began_assesses(day):
    result = assess(profile(as_of=day.isoformat(), eca_issued_on=..., work_history=[job(date(2014, 1, 1), date(2014, 12, 31))]))
    assert set(result) == SECTIONS
    if day < date(2022, 11, 16):  # the program rules are written in NOC 2021 (TEER) terms
        for program in result["programs"].values():
            assert program["eligible"] is None
            reason = program["reasons"][0]
            assert program["reasons"] == [{"code": reason["code"], "field": "as_of", "check": "rules_not_on_file",
                                           "params": reason["params"]}]
            assert reason["params"]["starts"] == "2022-11-16" and reason["params"]["as_of"] == day.isoformat()
    else:
        codes = [r["code"] for program in result["programs"].values() for r in program["reasons"]]
        assert not [code for code in codes if code.endswith("rules_on_file")]


# --- the project's schema ----------------------------------------------------------------

def _schemas():
    jsonschema = pytest.importorskip("jsonschema")
    project = json.loads((ROOT / "docs" / "profile.schema.json").read_text())
    contract = json.loads((ROOT / "docs" / "contract" / "profile.schema.json").read_text())
    return jsonschema, project, contract


def test_schema_keeps_the_contract_fields_unchanged():
    _, project, contract = _schemas()
    for key, spec in contract["properties"].items():
        if key == "spouse":
            continue
        assert project["properties"][key] == spec, key
    spouse = [s for s in project["properties"]["spouse"]["oneOf"] if s.get("type") == "object"][0]
    original = [s for s in contract["properties"]["spouse"]["oneOf"] if s.get("type") == "object"][0]
    assert {k: v for k, v in spouse["properties"].items() if k in original["properties"]} == original["properties"]
    assert project["required"] == contract["required"]
    assert {k: v for k, v in project["$defs"].items() if k in contract["$defs"]} == contract["$defs"]


FULL = profile(
    job_offer="other", job_offer_noc="21232", authorized_to_work_in_canada=True, children_accompanying=1, children_not_accompanying=1,
    profile_submitted_on="2026-02-01", ita_received_on="2026-11-01", medical_exam_on="2026-11-10",
    medical_instructions_on="2026-11-05", biometrics_instructions_on="2026-11-06",
    spouse={"canadian_citizen_or_pr": False, "accompanying": True, "studied_in_canada_2_years": True},
    work_history=[job(date(2020, 1, 1), None, noc="21232", hours_per_week=37.5, self_employed=False),
                  {"teer": 2, "country": "canada", "start": "2015-05-01", "end": None, "while_studying": True}],
)


@pytest.mark.parametrize("document", [FULL] + [json.loads(p.read_text())["profile"] for p in EXAMPLES])
def test_profiles_the_engine_accepts_validate_against_the_schema(document):
    jsonschema, project, _ = _schemas()
    assess(document)
    jsonschema.validate(document, project, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("changes", [
    {"work_history": [{**JOB, "noc": "2123"}]},
    {"work_history": [{"country": "canada", "start": "2020-01-01"}]},
    {"settlement_funds": -1},
    {"plans_to_live_in_quebec": "no"},
])
def test_schema_refuses_what_the_engine_refuses(changes):
    jsonschema, project, _ = _schemas()
    with pytest.raises(ProfileError):
        assess(profile(**changes))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(profile(**changes), project)


def test_as_of_is_the_profiles():
    assert assess(profile())["as_of"] == AS_OF.isoformat()
