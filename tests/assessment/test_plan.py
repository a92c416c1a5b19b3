"""engine.plan: every gain is the difference of two engine scores, ranked, with sound pairs."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import engine
from engine.experience import with_work_years
from engine.plan import apply_changes, plan

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "docs" / "contract" / "examples").glob("*.json"))


def example(name: str) -> dict:
    return json.loads((EXAMPLES[0].parent / f"{name}.json").read_text(encoding="utf-8"))["profile"]


def total(profile: dict) -> int:
    return engine.crs_score(profile)["total"]


PROFILES = {path.stem: json.loads(path.read_text(encoding="utf-8"))["profile"] for path in EXAMPLES}
PROFILES["ielts-with-spouse-no-test"] = {
    "as_of": "2026-11-25", "age": 36, "education": "bachelors",
    "first_language": {"test": "ielts_general", "listening": 7.5, "reading": 6.5, "writing": 6.5,
                       "speaking": 7, "taken_on": "2026-01-10"},
    "canadian_work_years": 0, "foreign_work_years": 2,
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "two_year",
               "language": None, "canadian_work_years": 0},
    # with a job list, the years of work are counted from it (2 years abroad)
    "work_history": [{"noc": "21232", "country": "abroad", "start": "2024-01-01"}],
}


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_each_gain_is_the_difference_of_two_engine_scores(name):
    profile = PROFILES[name]
    untouched = copy.deepcopy(profile)
    result = plan(profile)
    assert profile == untouched  # the planner never edits its input
    base = total(profile)
    assert result["total"] == base
    # A change of the years of work adds to the years the jobs give: rebuilt on those years.
    counted = {k: v for k, v in with_work_years(profile)[0].items() if k != "work_history"}
    for s in result["suggestions"] + result["combinations"]:
        variant = total(apply_changes(counted, s["changes"]))
        assert (s["before"], s["total"], s["gain"]) == (base, variant, variant - base), s
    if result["waiting"]:
        w = result["waiting"]
        assert w["gain"] == total(apply_changes(counted, w["changes"])) - base
    if result["eca"]:
        e = result["eca"]
        without = total(apply_changes(profile, e["before_changes"]))
        assert (e["before"], e["total"], e["gain"]) == (without, base, base - without)


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_suggestions_are_ranked_gains_and_pairs_beat_their_parts(name):
    result = plan(PROFILES[name])
    gains = [s["gain"] for s in result["suggestions"]]
    assert all(g > 0 for g in gains)
    assert gains == sorted(gains, reverse=True)
    ids = [s["id"] for s in result["suggestions"]]
    assert len(ids) == len(set(ids))
    by_id = {s["id"]: s for s in result["suggestions"]}
    pair_gains = [p["gain"] for p in result["combinations"]]
    assert pair_gains == sorted(pair_gains, reverse=True)
    for pair in result["combinations"]:
        a, b = (by_id[i] for i in pair["ids"])
        assert pair["changes"] == {**a["changes"], **b["changes"]}
        assert pair["gain"] > max(a["gain"], b["gain"])
        assert "provincial_nomination" not in pair["changes"]
    assert result["variants_scored"] >= len(result["suggestions"]) + len(result["combinations"])


def test_known_gains_from_the_fact_sheet():
    result = plan(example("married-accompanying"))
    gains = {s["id"]: s["gain"] for s in result["suggestions"]}
    # A nomination adds 600; a French result at NCLC 9 in all four adds the second-language
    # maximum with a spouse (22) and the French bonus with English at CLB 5 or more (50).
    assert gains["provincial_nomination"] == 600
    assert gains["second_language.new=9"] == 22 + 50
    # Turning 31 moves the age factor from 95 to 90 points in the with-spouse column.
    assert result["waiting"]["gain"] == -5


def test_language_steps_name_the_band_and_the_test_stays_a_level_result():
    profile = PROFILES["ielts-with-spouse-no-test"]
    result = plan(profile)
    levels = engine.crs_score(profile)["clb"]["first"]
    steps = [s for s in result["suggestions"] if s["code"].startswith("first_language.")]
    assert steps
    for s in steps:
        assert s["changes"]["first_language.test"] == "clb"
        if s["ability"] != "all":
            assert s["level_from"] == levels[s["ability"]] < s["level_to"]
    # the spouse has no test yet: a first test is suggested
    assert any(s["code"] == "spouse.language.new" for s in result["suggestions"])


def test_a_maxed_profile_has_nothing_left_to_gain_but_is_still_answered():
    result = plan(example("all-caps"))
    assert result["total"] == 1160
    assert all(s["gain"] > 0 for s in result["suggestions"])
    assert not any(s["code"] == "provincial_nomination" for s in result["suggestions"])


def test_variants_past_the_allowed_answers_are_left_out():
    profile = {**example("single-masters-clb9-foreign3"), "age": 120, "canadian_work_years": 60}
    result = plan(profile)
    assert result["waiting"] is None
    assert not any(s["code"] == "canadian_work_years" for s in result["suggestions"])


def test_no_first_language_still_plans():
    profile = {"as_of": "2026-11-25", "age": 30, "education": "secondary", "first_language": None}
    result = plan(profile)
    assert result["total"] == total(profile)
    assert not any(s["code"].startswith(("first_language", "second_language"))
                   for s in result["suggestions"])


@pytest.mark.parametrize("bad, field", [
    ("not an object", "profile"),
    ({"age": 30, "education": "bachelors"}, "first_language"),
    ({"age": "thirty", "education": "bachelors", "first_language": None}, "age"),
    ({"age": 30, "education": "bachelors", "first_language": None,
      "work_history": [{"country": "mars", "start": "2020-01-01", "teer": 1}]},
     "work_history.0.country"),
])
def test_bad_input_is_one_profile_error_naming_the_field(bad, field):
    with pytest.raises(engine.ProfileError) as caught:
        plan(bad)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


def test_apply_changes_copies_what_it_changes():
    profile = {"spouse": {"language": {"test": "clb", "reading": 5}}, "age": 30}
    changed = apply_changes(profile, {"spouse.language.reading": 7, "age": 31})
    assert changed == {"spouse": {"language": {"test": "clb", "reading": 7}}, "age": 31}
    assert profile == {"spouse": {"language": {"test": "clb", "reading": 5}}, "age": 30}


def test_changes_a_person_abroad_can_make_are_marked():
    p = {"as_of": "2026-11-25", "age": 32, "education": "bachelors", "foreign_work_years": 3,
         "first_language": {"test": "clb", "listening": 7, "reading": 7, "writing": 7, "speaking": 7}}
    abroad = {s["code"]: s["from_abroad"] for s in plan(p)["suggestions"]}
    assert abroad["provincial_nomination"] is False
    assert abroad["canadian_work_years"] is False
    assert abroad["education"] is True
    assert any(code.startswith("first_language.") and value for code, value in abroad.items())
