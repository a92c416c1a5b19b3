"""engine.rounds: one verdict per kind of recent round (yes / no / unknown), with its reasons,
the answers that would settle it and the conditions no question asks. Expected verdicts are
written from the fact sheet (every round needs a program; PNP rounds a nomination; category
rounds the category's conditions), not read from engine/data."""

import json
from datetime import date
from pathlib import Path

import pytest

import engine
from engine.categories import categories

from .helpers import job, profile

ROOT = Path(__file__).resolve().parents[2]


def rnd(number, day, type_, cutoff):
    return {"number": str(number), "date": day, "type": type_, "min_crs": cutoff, "invitations": 1000}


# Newest first, as data/rounds.json. The window is the year up to the newest round (2026-10-01).
ROUNDS = {"rounds": [
    rnd(12, "2026-10-01", "trades", 476),
    rnd(11, "2026-09-29", "cec", 518),
    rnd(10, "2026-09-28", "pnp", 725),
    rnd(9, "2026-09-20", "french", 400),
    rnd(8, "2026-09-10", "general", 500),
    rnd(7, "2026-09-03", "physicians", 198),
    rnd(6, "2026-08-01", "military", 368),
    rnd(5, "2026-07-01", "french", 470),
    rnd(4, "2026-06-01", "stem", 480),
    rnd(3, "2026-05-01", "other", 300),
    rnd(2, "2025-12-01", "agriculture", 450),
    rnd(1, "2025-09-01", "fsw", 300),  # more than a year before the newest round
]}

STEM_JOB = [job(date(2020, 1, 1), date(2024, 12, 31), noc="21220")]  # cybersecurity, abroad


def verdicts(p, data=ROUNDS) -> dict:
    return {v["type"]: v for v in engine.rounds(p, data)}


def codes(verdict) -> list:
    return [(r["code"], r["met"]) for r in verdict["reasons"]]


def test_every_recent_kind_of_round_once_with_its_latest_round_and_margin():
    p = profile(work_history=STEM_JOB)
    found = engine.rounds(p, ROUNDS)
    total = engine.crs_score(p)["total"]
    assert sorted(v["type"] for v in found) == sorted(
        ["trades", "cec", "pnp", "french", "general", "physicians", "military", "stem", "other", "agriculture"])
    french = next(v for v in found if v["type"] == "french")
    assert french["latest"] == {"date": "2026-09-20", "min_crs": 400, "number": "9"}
    assert french["margin"] == total - 400
    assert (french["count"], french["cleared"]) == (2, (total >= 400) + (total >= 470))
    assert set(french) >= {"type", "eligible", "reasons", "missing", "unasked", "latest", "margin", "cleared", "count"}


def test_an_eligible_skilled_worker_abroad():
    found = verdicts(profile(work_history=STEM_JOB))
    assert found["general"]["eligible"] == "yes"
    assert codes(found["general"]) == [("program", True)]
    assert found["stem"]["eligible"] == "yes"
    assert codes(found["stem"]) == [("program", True), ("category", True)]
    # CEC: no work in Canada in the job list.
    assert found["cec"]["eligible"] == "no"
    assert codes(found["cec"]) == [("program", False)]
    # PNP: no nomination, whatever the score.
    assert found["pnp"]["eligible"] == "no"
    assert ("nomination", False) in codes(found["pnp"])
    # A category whose conditions the answers fail: no French result, no work in Canada, no trade.
    for kind in ("french", "physicians", "trades"):
        assert found[kind]["eligible"] == "no", kind
        assert ("category", False) in codes(found[kind])
    # A category no longer in force on the day of the calculation invites no one.
    assert found["agriculture"]["eligible"] == "no"
    assert codes(found["agriculture"]) == [("program", True), ("category_closed", False)]


def test_a_condition_no_question_asks_is_unasked_not_missing():
    military = verdicts(profile(work_history=STEM_JOB))["military"]
    assert military["eligible"] == "unknown"
    assert military["missing"] == []
    assert military["unasked"] == ["caf_job_offer"]
    other = verdicts(profile(work_history=STEM_JOB))["other"]
    assert (other["eligible"], other["missing"], other["unasked"]) == ("unknown", [], ["round_conditions"])


def test_a_nomination_opens_pnp_rounds():
    pnp = verdicts(profile(work_history=STEM_JOB, provincial_nomination=True))["pnp"]
    assert pnp["eligible"] == "yes"
    assert codes(pnp) == [("program", True), ("nomination", True)]


def test_unknown_names_the_answers_that_would_settle_it():
    # No job list: FSWP and the occupation categories wait for it; the French category is met.
    p = profile(work_history=..., second_language={"test": "nclc", "listening": 8, "reading": 8, "writing": 8, "speaking": 8})
    found = verdicts(p)
    assert found["french"]["eligible"] == "unknown"
    assert codes(found["french"]) == [("program", None), ("category", True)]
    assert "work_history" in found["french"]["missing"]
    assert found["stem"]["eligible"] == "unknown"
    assert found["stem"]["missing"][0] == "work_history"
    assert found["general"]["eligible"] == "unknown"
    assert found["general"]["unasked"] == []


def test_no_canadian_work_rules_out_cec_and_the_in_canada_categories_without_a_job_list():
    found = verdicts(profile(work_history=..., canadian_work_years=0))
    assert found["cec"]["eligible"] == "no"
    assert found["physicians"]["eligible"] == "no"
    # A year in Canada leaves them open until the jobs are known.
    found = verdicts(profile(work_history=..., canadian_work_years=1))
    assert found["cec"]["eligible"] == "unknown"
    assert found["cec"]["missing"] == ["work_history"]
    assert found["physicians"]["eligible"] == "unknown"


def test_an_expired_french_result_closes_the_french_rounds():
    french = {"test": "nclc", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}
    valid = verdicts(profile(work_history=STEM_JOB, second_language={**french, "taken_on": "2025-06-01"}))
    assert valid["french"]["eligible"] == "yes"
    expired = verdicts(profile(work_history=STEM_JOB, second_language={**french, "taken_on": "2024-06-01"}))
    assert expired["french"]["eligible"] == "no"


def test_best_fit_first():
    found = engine.rounds(profile(work_history=STEM_JOB), ROUNDS)
    order = ["yes", "unknown", "no"]
    ranks = [order.index(v["eligible"]) for v in found]
    assert ranks == sorted(ranks)
    yes = [v for v in found if v["eligible"] == "yes"]
    cleared = [v["margin"] >= 0 for v in yes]
    assert cleared == sorted(cleared, reverse=True)  # rounds the score clears first
    for group in (True, False):
        margins = [v["margin"] for v in yes if (v["margin"] >= 0) is group]
        assert margins == sorted(margins, reverse=True)


@pytest.mark.parametrize("changes", [
    {"work_history": STEM_JOB},
    {"work_history": ...},
    {"work_history": [job(date(2023, 1, 1), noc="31301", country="canada")], "canadian_work_years": 3},
    {"work_history": ..., "second_language": {"test": "nclc", "listening": 7, "reading": 7, "writing": 7, "speaking": 7}},
])
def test_rounds_and_categories_read_the_same_verdict(changes):
    p = profile(**changes)
    statuses = {c["key"]: c["status"] for c in categories(p)["categories"]}
    for verdict in engine.rounds(p, ROUNDS):
        category = next((r for r in verdict["reasons"] if r["code"] == "category"), None)
        if category:
            assert category["params"]["status"] == statuses[verdict["type"]]
            met = {"meets": True, "does_not_meet": False, "unknown": None}[statuses[verdict["type"]]]
            assert category["met"] is met
            if met is False:
                assert verdict["eligible"] == "no"


def test_the_issue_profile_against_the_shipped_rounds():
    """Issue 19's couple (TEF NCLC 9, IELTS CLB 7, 4 years abroad, no Canadian work, only the
    first questions answered): the French rounds come first, CEC and the in-Canada categories
    are closed, military recruits wait on a condition no question asks."""
    data = json.loads((ROOT / "data" / "rounds.json").read_text(encoding="utf-8"))
    p = {"as_of": "2026-11-25", "age": 32, "education": "masters", "foreign_work_years": 4, "canadian_work_years": 0,
         "first_language": {"test": "tef_canada", "listening": 600, "reading": 600, "writing": 600, "speaking": 600,
                            "taken_on": "2026-01-10"},
         "second_language": {"test": "ielts_general", "listening": 6.0, "reading": 6.0, "writing": 6.0, "speaking": 6.0},
         "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "bachelors"}}
    found = engine.rounds(p, data)
    assert found[0]["type"] == "french"
    by_type = {v["type"]: v for v in found}
    for kind in ("cec", "physicians", "senior_managers", "pnp"):
        assert by_type[kind]["eligible"] == "no", kind
    assert by_type["military"]["unasked"] == ["caf_job_offer"]
    assert not any(v["eligible"] == "yes" for v in found)  # no program is settled yet
