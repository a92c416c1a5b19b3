"""Every shape of NOC code and the calendar's edges, through all four entry points: each gives
an answer or one ProfileError naming the field (issue 14 items 3 and 4). Written from what NOC
2021 is (a unit group's code is one of 516, its second digit the TEER 0-5) and from Python's
calendar (years 1 to 9999), not from the engine's code."""

import json
from datetime import date
from pathlib import Path

import pytest

import engine
from engine import fields

from .helpers import clb, job, profile

ROOT = Path(__file__).resolve().parents[2]
ENTRY_POINTS = (engine.crs_score, engine.assess, engine.plan, engine.categories)
UNIT_GROUPS = {g["code"] for g in json.loads((ROOT / "data/noc2021.json").read_text(encoding="utf-8"))["unit_groups"]}

# Every first and second digit (a second digit of 6-9 is no TEER), with suffixes that are and
# are not a unit group's; then what is not five ASCII digits at all.
NOC_SHAPES = sorted({f"{a}{b}{end}" for a in "0123456789" for b in "0123456789" for end in ("000", "010", "123", "999")}
                    | {"21232", "31301", "72200", "00010", "95109"})
NOT_FIVE_DIGITS = ["", "2123", "212320", "2123a", " 21232", "21232 ", "٢١٢٣٢", "21.32", 21232, True]


def outcome(entry, p):
    """The answer, or the field of the ProfileError; any other exception fails the test."""
    try:
        answer = entry(p)
    except engine.ProfileError as error:
        assert str(error).startswith(error.field + ": ")
        return ("error", error.field, error.code)
    json.dumps(answer, allow_nan=False)
    return ("answer",)


def test_the_engine_holds_exactly_the_unit_groups_of_noc_2021():
    assert fields.unit_groups() == UNIT_GROUPS
    assert len(UNIT_GROUPS) == 516
    assert {code[1] for code in UNIT_GROUPS} == set("012345")
    # the engine's copy is what tools/engine_noc_codes.py writes from the finder's index
    from tools.engine_noc_codes import INDEX, OUT, render

    assert OUT.read_text(encoding="utf-8") == render(json.loads(INDEX.read_text(encoding="utf-8")))


@pytest.mark.parametrize("where", ["work_history.0.noc", "job_offer_noc"])
def test_every_noc_shape_is_an_answer_or_an_error_naming_the_job(where):
    for code in NOC_SHAPES:
        if where == "job_offer_noc":
            p = profile(job_offer="other", job_offer_noc=code)
        else:
            p = profile(work_history=[job(date(2020, 1, 1), date(2024, 12, 31), noc=code, country="canada")])
        for entry in ENTRY_POINTS:
            got = outcome(entry, p)
            if entry is engine.crs_score and where == "job_offer_noc":  # the CRS reads the jobs, not the offer's NOC
                assert got == ("answer",), code
            elif code in UNIT_GROUPS:
                assert got == ("answer",), (code, got)
            else:
                assert got == ("error", where, "noc_unknown"), (code, got)


def test_a_noc_whose_teer_digit_is_not_a_teer_is_refused_by_name():
    p = profile(work_history=[job(date(2021, 1, 1), None), job(date(2020, 1, 1), None, noc="08123")])
    with pytest.raises(engine.ProfileError) as caught:
        engine.assess(p)
    assert (caught.value.field, caught.value.code, caught.value.params) == ("work_history.1.noc", "noc_unknown", {"noc": "08123"})


@pytest.mark.parametrize("value", NOT_FIVE_DIGITS, ids=repr)
def test_what_is_not_five_digits_is_refused_as_such(value):
    p = profile(work_history=[job(date(2020, 1, 1), None, noc=value, country="canada")])
    assert outcome(engine.assess, p) == ("error", "work_history.0.noc", "noc")


# --- the calendar's edges ----------------------------------------------------------------

EDGES = ["0001-01-01", "1899-12-31", "1900-01-01", "2014-12-31", "2015-01-01", "2024-02-29", "2099-12-31",
         "2100-01-01", "9999-06-01", "9999-12-31"]
AS_OF_EDGES = ["2015-01-01", "2026-11-25", "2099-12-30", "2099-12-31"]
LANGUAGE = {"test": "celpip_general", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}


def with_date(path: str, day: str, as_of: str) -> dict:
    """A profile with every kind of dated answer, `path` set to `day`."""
    p = profile(as_of=as_of, first_language={**LANGUAGE, "taken_on": "2015-01-01"}, eca_issued_on="2015-01-01",
                spouse={"canadian_citizen_or_pr": False, "accompanying": True, "education": "two_year",
                        "language": clb(7, taken_on="2015-01-01")},
                work_history=[job(date(2015, 1, 1), date(2015, 6, 30), country="canada")])
    node, *parts = path.split(".")
    if not parts:
        p[node] = day
    else:
        target = p[node]
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        target[parts[-1]] = day
    return p


CONTRACT_DATES = ("as_of", "first_language.taken_on", "spouse.language.taken_on")
DATE_PATHS = ["as_of", "first_language.taken_on", "spouse.language.taken_on", "work_history.0.start",
              "work_history.0.end", *(f.path for f in fields.FIELDS if f.type == "date" and "." not in f.path and f.path != "as_of")]


@pytest.mark.parametrize("path", DATE_PATHS)
def test_every_date_at_the_calendars_edges_is_an_answer_or_an_error_naming_it(path):
    low, high = date(1900, 1, 1), date(2099, 12, 31)  # the bounds the field model gives the form
    for as_of in AS_OF_EDGES:
        for day in EDGES:
            p = with_date(path, day, as_of)
            for entry in ENTRY_POINTS:
                got = outcome(entry, p)
                if entry is engine.crs_score and path not in CONTRACT_DATES and not path.startswith("work_history."):
                    assert got == ("answer",)  # the CRS reads only the contract's fields and the jobs
                elif not low <= date.fromisoformat(day) <= high:
                    assert got[:2] == ("error", path), (path, day, as_of, entry.__name__, got)
                elif got[0] == "error":
                    assert got[1] in (path, "work_history.0.end"), (path, day, as_of, entry.__name__, got)


def test_the_end_of_the_calendar_is_refused_where_it_was_a_crash():
    # issue 14 item 4: each of these raised ValueError or OverflowError
    crashes = [
        (engine.crs_score, {**profile(as_of="9999-12-31"), "first_language": {**LANGUAGE, "taken_on": "9999-06-01"}}, "as_of"),
        (engine.assess, {**profile(as_of="2099-12-31"), "eca_issued_on": "9999-06-01"}, "eca_issued_on"),
        (engine.assess, {**profile(as_of="2099-12-31"), "profile_submitted_on": "9999-06-01"}, "profile_submitted_on"),
        (engine.assess, profile(work_history=[job(date(2020, 1, 1), date(9999, 12, 31))]), "work_history.0.end"),
    ]
    for entry, p, field in crashes:
        with pytest.raises(engine.ProfileError) as caught:
            entry(p)
        assert caught.value.field == field
        assert caught.value.code == "date_max" and caught.value.params == {"max": "2099-12-31"}


def test_the_field_model_gives_the_form_its_date_bounds():
    model = {f["path"]: f for f in fields.model(date(2026, 11, 25))["fields"]}
    language = {f["path"]: f for f in fields.model(date(2026, 11, 25))["language_fields"]}
    for entry in [*(f for f in model.values() if f["type"] == "date"), language["taken_on"]]:
        assert entry.get("max") == "2099-12-31", entry
        assert entry.get("min") == ("2015-01-01" if entry["path"] == "as_of" else "1900-01-01"), entry
