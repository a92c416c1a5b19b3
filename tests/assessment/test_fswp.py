"""Federal Skilled Worker Program: each minimum just met and just missed, and the 67-point grid
line by line (fact sheet §6a; expected values typed in from it)."""

from datetime import date, timedelta

import pytest

from engine import assess
from tests.harness.words import words

from .helpers import AS_OF, FULL_YEAR, clb, job, profile, requirement

DAY = timedelta(days=1)
START = date(2022, 3, 1)


def fswp(**changes):
    return assess(profile(**changes))["programs"]["fswp"]


def met(id_, **changes):
    return requirement(assess(profile(**changes)), "fswp", id_)["met"]


def grid(**changes):
    return {line["factor"]: line["points"] for line in fswp(**changes)["grid"]["lines"]}


def test_the_base_profile_is_eligible():
    result = fswp()
    assert (result["eligible"], result["reasons"]) == (True, [])
    assert result["grid"]["total"] == 70 and result["grid"]["pass_mark"] == 67


# --- experience: 1 year continuous in one occupation within 10 years ---------------------

def test_one_full_year_just_meets_and_a_day_less_does_not():
    assert met("experience", work_history=[job(START, START + FULL_YEAR)]) is True
    assert met("experience", work_history=[job(START, START + FULL_YEAR - DAY)]) is False


def test_jobs_in_the_same_occupation_join_only_without_a_gap():
    half = START + timedelta(days=181)
    joined = [job(START, half), job(half + DAY, START + FULL_YEAR)]
    assert met("experience", work_history=joined) is True
    gap = [job(START, half), job(half + 2 * DAY, START + FULL_YEAR + DAY)]
    assert met("experience", work_history=gap) is False
    other_occupation = [job(START, half), job(half + DAY, START + FULL_YEAR, noc="21231")]
    assert met("experience", work_history=other_occupation) is False


def test_part_time_counts_in_proportion():
    two_years = START + 2 * FULL_YEAR + DAY  # 728 days at 15 hours = 1,560 hours
    assert met("experience", work_history=[job(START, two_years, hours_per_week=15)]) is True
    assert met("experience", work_history=[job(START, two_years - DAY, hours_per_week=15)]) is False


def test_no_week_counts_for_more_than_full_time():
    # 50 hours a week for half a year is still half a year.
    assert met("experience", work_history=[job(START, START + FULL_YEAR / 2, hours_per_week=50)]) is False
    # Two 20-hour jobs in one occupation at once make one full-time year, no more.
    both = [job(START, START + FULL_YEAR, hours_per_week=20), job(START, START + FULL_YEAR, hours_per_week=20)]
    assert met("experience", work_history=both) is True


def test_the_year_must_fall_in_the_last_10_years():
    first_day = date(2016, 11, 26)  # as_of 2026-11-25 minus 10 years, plus a day
    assert met("experience", work_history=[job(first_day, first_day + FULL_YEAR)]) is True
    early = first_day - DAY
    assert met("experience", work_history=[job(early, early + FULL_YEAR)]) is False


def test_only_skilled_work_counts():
    assert met("experience", work_history=[job(START, START + FULL_YEAR, noc="33100")]) is True  # TEER 3
    assert met("experience", work_history=[job(START, START + FULL_YEAR, noc="44100")]) is False  # TEER 4
    assert met("experience", work_history=[{"teer": 5, "country": "abroad", "start": "2020-01-01"}]) is False


def test_a_job_still_going_on_counts_up_to_as_of():
    assert met("experience", work_history=[job(AS_OF - FULL_YEAR)]) is True
    assert met("experience", work_history=[job(AS_OF - FULL_YEAR + DAY)]) is False


def test_experience_reason_names_the_field_and_the_months():
    result = fswp(work_history=[job(START, START + timedelta(days=181))])
    reason = [r for r in result["reasons"] if r["code"] == "fswp.experience"][0]
    assert reason["field"] == "work_history"
    assert reason["check"] == "fswp_experience"
    assert (reason["params"]["needed_months"], reason["params"]["months"]) == (12, 6)


def test_without_work_history_experience_is_unknown():
    result = fswp(work_history=...)
    assert requirement({"programs": {"fswp": result}}, "fswp", "experience")["met"] is None
    assert result["eligible"] is None
    assert any(r["field"] == "work_history" and r["check"] == "fswp_experience_unanswered"
               for r in result["reasons"])
    # The requirement in words; the question itself is the link the page puts after them.
    said = words("assessment.check.fswp_experience_unanswered", needed_months=12, window_years=10)
    assert said == "FSWP needs 12 months of continuous skilled work in one occupation in the last 10 years."


# --- language: CLB 7 in all four abilities -----------------------------------------------

def test_clb_7_in_all_abilities_just_meets():
    assert met("language", first_language=clb(7)) is True
    result = fswp(first_language=clb(7, 7, 6, 7))
    reason = [r for r in result["reasons"] if r["code"] == "fswp.language"][0]
    assert reason["field"] == "first_language" and reason["check"] == "fswp_language_low"
    assert reason["params"]["below"] == {"writing": 6}


def test_no_language_test_is_not_eligible():
    assert met("language", first_language=None) is False


def test_language_result_must_still_be_valid():
    assert met("language", first_language=clb(9, taken_on="2024-11-25")) is True
    result = fswp(first_language=clb(9, taken_on="2024-11-24"))
    reason = [r for r in result["reasons"] if r["code"] == "fswp.language"][0]
    assert reason["field"] == "first_language.taken_on" and reason["check"] == "language_expired"
    assert reason["params"]["expired_on"] == "2026-11-25"


# --- education: Canadian credential or a valid ECA ---------------------------------------

def test_education_minimum():
    assert met("education", education="secondary") is True
    assert met("education", education="less_than_secondary") is False


def test_eca_valid_for_5_years():
    assert met("education", eca_issued_on="2021-11-25") is True
    assert met("education", eca_issued_on="2021-11-24") is False
    assert met("education", eca_issued_on=...) is None


def test_canadian_credential_needs_no_eca():
    assert met("education", eca_issued_on=..., canadian_education="one_or_two_year") is True


# --- the grid and its pass mark ----------------------------------------------------------

def test_pass_mark_67_just_met_and_just_missed():
    # Base 70 with age 12; age 38 gives 9 (67), age 39 gives 8 (66).
    assert fswp(age=38)["grid"]["total"] == 67 and met("grid", age=38) is True
    result = fswp(age=39)
    assert result["grid"]["total"] == 66 and result["eligible"] is False
    reason = [r for r in result["reasons"] if r["code"] == "fswp.grid"][0]
    assert reason["check"] == "fswp_grid_failed"
    assert (reason["params"]["pass_mark"], reason["params"]["total"]) == (67, 66)


def test_unanswered_adaptability_leaves_a_near_miss_open():
    result = fswp(age=39, relative_in_canada=...)
    assert result["eligible"] is None
    reason = [r for r in result["reasons"] if r["code"] == "fswp.grid"][0]
    assert reason["field"] == "relative_in_canada"
    assert result["grid"]["possible"] == 71
    # Far below the pass mark, unanswered questions cannot help: not eligible.
    assert fswp(age=47, education="secondary", relative_in_canada=...)["eligible"] is False


AGE = {17: 0, 18: 12, 25: 12, 35: 12, 36: 11, 37: 10, 38: 9, 39: 8, 40: 7, 41: 6, 42: 5,
       43: 4, 44: 3, 45: 2, 46: 1, 47: 0, 60: 0}


@pytest.mark.parametrize("age, points", AGE.items())
def test_age_points(age, points):
    assert grid(age=age)["age"] == points


EDUCATION = {"doctoral": 25, "masters": 23, "two_or_more": 22, "bachelors": 21, "two_year": 19,
             "one_year": 15, "secondary": 5, "less_than_secondary": 0}


@pytest.mark.parametrize("education, points", EDUCATION.items())
def test_education_points(education, points):
    assert grid(education=education)["education"] == points


@pytest.mark.parametrize("years, points", [(0, 0), (1, 9), (2, 11), (3, 11), (4, 13), (5, 13), (6, 15), (12, 15)])
def test_experience_points_from_the_contract_years(years, points):
    assert grid(work_history=..., canadian_work_years=0, foreign_work_years=years)["experience"] == points


@pytest.mark.parametrize("days, points", [(364 * 2 - 1, 9), (364 * 2, 11), (364 * 4, 13), (364 * 6, 15)])
def test_experience_points_from_work_history(days, points):
    start = date(2017, 1, 1)
    assert grid(work_history=[job(start, start + timedelta(days=days - 1))])["experience"] == points


@pytest.mark.parametrize("levels, points", [
    ((7, 7, 7, 7), 16), ((8, 8, 8, 8), 20), ((9, 9, 9, 9), 24), ((10, 10, 10, 10), 24),
    ((9, 8, 7, 10), 6 + 5 + 4 + 6), ((6, 9, 9, 9), 18),
])
def test_first_language_points(levels, points):
    assert grid(first_language=clb(*levels))["language"] == points


def test_second_language_needs_clb_5_in_all_four():
    french = {"test": "nclc", "listening": 5, "reading": 5, "writing": 5, "speaking": 5}
    assert grid(first_language=clb(10), second_language=french)["language"] == 28
    assert grid(first_language=clb(10), second_language={**french, "reading": 4})["language"] == 24


def test_arranged_employment_gives_10_and_5_adaptability():
    points = grid(job_offer="other")
    assert (points["arranged_employment"], points["adaptability"]) == (10, 5)
    assert grid(job_offer="none")["arranged_employment"] == 0


SPOUSE = {"canadian_citizen_or_pr": False, "accompanying": True, "education": "bachelors"}


@pytest.mark.parametrize("changes, points", [
    ({}, 0),
    ({"studied_in_canada_2_years": True}, 5),
    ({"relative_in_canada": True}, 5),
    ({"sibling_in_canada": True}, 5),
    ({"studied_in_canada_2_years": True, "relative_in_canada": True}, 10),
    ({"work_history": [job(START, START + FULL_YEAR, country="canada")]}, 10),
    ({"work_history": [job(START, START + FULL_YEAR - DAY, country="canada")]}, 0),
    ({"work_history": ..., "canadian_work_years": 1}, 10),
    ({"work_history": [job(START, START + FULL_YEAR, country="canada")], "relative_in_canada": True}, 10),
    ({"spouse": {**SPOUSE, "language": clb(4)}}, 5),
    ({"spouse": {**SPOUSE, "language": clb(4, 4, 3, 4)}}, 0),
    ({"spouse": {**SPOUSE, "studied_in_canada_2_years": True}}, 5),
    ({"spouse": {**SPOUSE, "canadian_work_years": 1}}, 5),
    ({"spouse": {**SPOUSE, "canadian_work_years": 1, "language": clb(5), "studied_in_canada_2_years": True}}, 10),
    ({"spouse": {**SPOUSE, "accompanying": False, "language": clb(5), "canadian_work_years": 2}}, 0),
    ({"spouse": {**SPOUSE, "canadian_citizen_or_pr": True, "language": clb(5)}}, 0),
])
def test_adaptability(changes, points):
    assert grid(**changes)["adaptability"] == points


@pytest.mark.parametrize("spouse, points", [
    # issue 14 item 12: a year in any occupation (a TEER 4 or 5 job has no skilled years)
    ({"canadian_work_years": 0, "worked_in_canada_one_year": True}, 5),
    ({"worked_in_canada_one_year": True}, 5),
    ({"canadian_work_years": 1}, 5),  # absent: a skilled year implies it
    ({"canadian_work_years": 1, "worked_in_canada_one_year": False}, 0),  # an answer given wins
    ({"canadian_work_years": 0, "worked_in_canada_one_year": False}, 0),
    ({"canadian_work_years": 0}, 0),
])
def test_the_spouses_year_of_work_in_canada_counts_in_any_occupation(spouse, points):
    assert grid(spouse={**SPOUSE, **spouse})["adaptability"] == points


def test_an_unanswered_spouse_year_of_work_is_named_when_it_could_pass_the_grid():
    # grid 66 without it (24 + 21 + 13 + 12 + 0 + 0 = 70 less 4 years of age): the spouse's year decides
    base = {"age": 40, "spouse": {**SPOUSE, "canadian_work_years": 0}}
    unanswered = fswp(**base)
    assert unanswered["grid"]["total"] < 67 <= unanswered["grid"]["possible"]
    assert "spouse.worked_in_canada_one_year" in unanswered["grid"]["unanswered"]
    assert unanswered["eligible"] is None
    worked = fswp(**{**base, "spouse": {**base["spouse"], "worked_in_canada_one_year": True}})
    assert worked["grid"]["total"] == unanswered["grid"]["total"] + 5
    assert worked["eligible"] is True


def test_grid_lines_have_points_max_and_labels():
    lines = fswp()["grid"]["lines"]
    assert [(x["factor"], x["max"]) for x in lines] == [
        ("language", 28), ("education", 25), ("experience", 15), ("age", 12),
        ("arranged_employment", 10), ("adaptability", 10)]
    assert all(words(f"rules.programs.fsw_grid_maxima.rows.{x['factor']}") and x["params"] for x in lines)


# --- Quebec and funds --------------------------------------------------------------------

def test_quebec_is_excluded():
    assert met("outside_quebec", plans_to_live_in_quebec=True) is False
    assert met("outside_quebec", plans_to_live_in_quebec=...) is None
    assert fswp(plans_to_live_in_quebec=True)["eligible"] is False
