"""engine.steps: the next steps for a person, in their order, each a code with its guide page."""

from pathlib import Path

import pytest

import engine
from engine.steps import steps
from tests.harness.words import catalogue

from .helpers import profile

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = {"rounds": [
    {"number": "3", "date": "2026-10-01", "type": "general", "min_crs": 400},
    {"number": "2", "date": "2026-09-20", "type": "french", "min_crs": 380},
    {"number": "1", "date": "2026-09-01", "type": "pnp", "min_crs": 700},
]}
GUIDE = {p.stem for p in (ROOT / "content" / "en").glob("*.md")}


HIGH = {"rounds": [{"number": "1", "date": "2026-10-01", "type": "general", "min_crs": 800}]}


def of(p, rounds=ROUNDS) -> list:
    return steps(engine.assess(p), engine.rounds(p, rounds))


def codes(p) -> list:
    return [s["code"] for s in of(p)]


def test_an_eligible_person_above_the_cut_off_creates_a_profile_first():
    found = of(profile(first_language={"test": "clb", "listening": 10, "reading": 10, "writing": 10, "speaking": 10}))
    assert found[0]["code"] == "create_profile"
    assert found[0]["round"] == "general" and found[0]["margin"] > 0
    assert found[-1]["code"] == "documents"


def test_below_every_cut_off_the_score_comes_first():
    found = of(profile(), HIGH)
    assert found[0]["code"] == "raise_score" and found[0]["gap"] == 800 - engine.crs_score(profile())["total"]


def test_an_expired_result_comes_before_anything_else():
    p = profile(first_language={"test": "clb", "listening": 9, "reading": 9, "writing": 9, "speaking": 9,
                                "taken_on": "2024-01-01"})
    found = of(p)
    assert found[0] == {"code": "retake_test", "page": "language-tests", "field": "first_language.taken_on",
                        "expired_on": "2026-01-02"}


def test_an_open_question_names_the_answers_to_give_then_the_test_s_last_day_and_the_funds():
    p = profile(work_history=..., settlement_funds=...,
                first_language={"test": "clb", "listening": 9, "reading": 9, "writing": 9, "speaking": 9,
                                "taken_on": "2026-01-10"})
    found = of(p)
    assert found[0]["code"] == "answer" and "work_history" in found[0]["fields"]
    assert [s["code"] for s in found[1:]] == ["test_expires", "funds_unanswered", "documents"]
    assert found[1]["last_valid_day"] == "2028-01-10"


def test_a_funds_shortfall_is_a_step():
    found = of(profile(settlement_funds=100))
    funds = next(s for s in found if s["code"] == "funds")
    assert funds["shortfall"] == funds["required"] - 100


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_step_has_its_words_and_its_guide_page(lang):
    words = catalogue(lang)
    seen = set()
    for p, rounds in ((profile(), ROUNDS), (profile(), HIGH), (profile(age=44), ROUNDS),
                      (profile(work_history=..., settlement_funds=...), ROUNDS),
                      (profile(settlement_funds=100, first_language={"test": "clb", "listening": 9, "reading": 9,
                                                                     "writing": 9, "speaking": 9, "taken_on": "2020-01-01"}), ROUNDS)):
        for s in of(p, rounds):
            seen.add(s["code"])
            assert f"calculator.steps.{s['code']}" in words
            assert s["page"] is None or s["page"] in GUIDE
    assert {"create_profile", "raise_score", "no_round", "answer", "funds", "retake_test", "documents"} <= seen
