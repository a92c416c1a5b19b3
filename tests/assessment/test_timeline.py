"""engine.timeline: each point's total is crs_score of the profile as it would be that day,
computed here independently (age from the date of birth, years of full-time work counted by
hand), and no day between two points scores differently."""

from datetime import date, timedelta

import pytest

from engine import ProfileError, assess, crs_score, timeline

from .helpers import clb

DAY = timedelta(days=1)
WORK_YEAR = 364  # days of full-time work (30 hours a week) that make 1,560 hours: one year


def age_on(born: date, day: date) -> int:
    # Born on 29 February: in a common year the new age starts on 1 March.
    birthday = (day.month, day.day) >= (born.month, born.day)
    return day.year - born.year - (0 if birthday else 1)


def years(job: dict, day: date) -> int:
    """Years of one full-time job counted on `day` in the 10 years that end that day."""
    since = date(day.year - 10, day.month, day.day if (day.month, day.day) != (2, 29) else 28) + DAY
    start = max(date.fromisoformat(job["start"]), since)
    end = min(date.fromisoformat(job["end"]) if job.get("end") else day, day)
    return max(0, (end - start).days + 1) // WORK_YEAR


def by_hand(profile: dict, day: date) -> dict:
    """The profile on `day` without the engine's help: the contract's fields only."""
    out = {k: v for k, v in profile.items() if k in ("education", "first_language", "second_language", "spouse", "job_offer")}
    out["as_of"] = day.isoformat()
    out["age"] = age_on(date.fromisoformat(profile["date_of_birth"]), day) if "date_of_birth" in profile else profile["age"]
    jobs = profile.get("work_history", [])
    out["canadian_work_years"] = sum(years(j, day) for j in jobs if j["country"] == "canada")
    out["foreign_work_years"] = sum(years(j, day) for j in jobs if j["country"] == "abroad")
    return out


def base(**changes) -> dict:
    profile = {"as_of": "2026-12-06", "age": 30, "education": "bachelors", "first_language": clb(9),
               "second_language": None, "spouse": None, "plans_to_live_in_quebec": False, "settlement_funds": 30000,
               "eca_issued_on": "2025-01-15"}
    profile.update(changes)
    return {k: v for k, v in profile.items() if v is not ...}


PROFILES = {
    "leap_day_birthday": base(date_of_birth="1996-02-29", age=30),
    "job_in_canada_reaches_a_year": base(date_of_birth="1990-07-01", age=36, work_history=[
        {"noc": "21232", "country": "canada", "start": "2026-03-02"}]),
    "job_abroad_ends_inside_the_window": base(date_of_birth="1994-10-10", age=32, work_history=[
        {"noc": "21232", "country": "abroad", "start": "2024-04-01", "end": "2027-06-30"}]),
    "result_expires_mid_window": base(date_of_birth="1991-01-20", age=35, first_language=clb(9, taken_on="2025-06-01"),
                                      work_history=[{"noc": "21232", "country": "abroad", "start": "2020-01-06", "end": "2025-12-31"}]),
    "no_date_of_birth": base(work_history=[{"noc": "21232", "country": "abroad", "start": "2025-05-05"}]),
}


@pytest.mark.parametrize("name", PROFILES)
def test_each_point_is_the_score_of_the_profile_on_that_day(name):
    profile = PROFILES[name]
    result = timeline(profile)
    points = result["points"]
    assert points[0]["date"] == "2026-12-06" and result["until"] == "2028-12-06"
    assert [p["date"] for p in points] == sorted({p["date"] for p in points})
    for point in points:
        assert point["total"] == crs_score(by_hand(profile, date.fromisoformat(point["date"])))["total"], point
    for point in points[1:]:
        assert point["changes"], point
    # No day between two points scores differently: every change of the total is a point.
    day, index = date(2026, 12, 6), 0
    while day <= date(2028, 12, 6):
        while index + 1 < len(points) and points[index + 1]["date"] <= day.isoformat():
            index += 1
        assert crs_score(by_hand(profile, day))["total"] == points[index]["total"], day
        day += DAY


def changes(result) -> dict:
    return {p["date"]: [c["code"] for c in p["changes"]] for p in result["points"][1:]}


def test_a_29_february_birthday_counts_on_1_march_in_a_common_year():
    found = changes(timeline(PROFILES["leap_day_birthday"]))
    birthdays = [day for day, codes in found.items() if "birthday" in codes]
    assert birthdays == ["2027-03-01", "2028-02-29"]
    point = next(p for p in timeline(PROFILES["leap_day_birthday"])["points"] if p["date"] == "2027-03-01")
    assert point["changes"][0] == {"code": "birthday", "field": "date_of_birth", "before": 30, "after": 31}
    assert point["delta"] < 0 and point["decision"] == "submit_before"


def test_a_year_of_work_in_canada_opens_cec_on_its_day():
    result = timeline(PROFILES["job_in_canada_reaches_a_year"])
    year_day = (date(2026, 3, 2) + timedelta(days=WORK_YEAR - 1)).isoformat()  # 2027-02-28
    point = next(p for p in result["points"] if p["date"] == year_day)
    codes = [c["code"] for c in point["changes"]]
    assert "canadian_work_year" in codes and "cec_experience" in codes
    assert point["programs"]["cec"] is True and result["points"][0]["programs"]["cec"] is False
    assert point["delta"] > 0


def test_a_job_ending_inside_the_window_is_a_point_and_its_years_stop():
    result = timeline(PROFILES["job_abroad_ends_inside_the_window"])
    found = changes(result)
    assert "job_ended" in found["2027-07-01"]
    year_changes = [day for day, codes in found.items() if "foreign_work_year" in codes]
    assert year_changes == [(date(2024, 4, 1) + timedelta(days=3 * WORK_YEAR - 1)).isoformat()]
    last = result["points"][-1]
    assert by_hand(PROFILES["job_abroad_ends_inside_the_window"], date(2028, 12, 6))["foreign_work_years"] == 3
    assert last["total"] == crs_score(by_hand(PROFILES["job_abroad_ends_inside_the_window"], date(2028, 12, 6)))["total"]


def test_an_expired_result_mid_window_scores_nothing_and_closes_the_program():
    result = timeline(PROFILES["result_expires_mid_window"])
    point = next(p for p in result["points"] if p["date"] == "2027-06-02")  # valid until 2027-06-01
    assert point["changes"] == [{"code": "language_expired", "field": "first_language.taken_on"}]
    before = next(p for p in reversed(result["points"]) if p["date"] < "2027-06-02")
    assert point["delta"] == point["total"] - before["total"] < 0  # an expired result scores nothing
    assert point["programs"]["fswp"] is False and result["points"][0]["programs"]["fswp"] is True
    assert point["decision"] == "submit_before"
    # the program verdict of each point is assess's on that day
    on_day = assess({**PROFILES["result_expires_mid_window"], "as_of": "2027-06-02", "age": 36,
                     "foreign_work_years": 5})
    assert on_day["programs"]["fswp"]["eligible"] is False


def test_the_eca_and_the_pool_expire_as_points():
    profile = base(eca_issued_on="2022-03-01", profile_submitted_on="2026-08-01")
    found = changes(timeline(profile))
    assert found["2027-03-02"] == ["eca_expired"]  # 5 years, valid until 2027-03-01
    assert found["2027-08-02"] == ["profile_expired"]  # 12 months in the pool


def test_without_a_date_of_birth_the_age_stays_and_says_so():
    result = timeline(PROFILES["no_date_of_birth"])
    assert result["age_known"] is False
    assert not any(c["code"] == "birthday" for p in result["points"] for c in p["changes"])


def test_until_bounds_the_points():
    result = timeline(PROFILES["leap_day_birthday"], "2027-12-31")
    assert result["until"] == "2027-12-31" and all(p["date"] <= "2027-12-31" for p in result["points"])


@pytest.mark.parametrize("changes_, until, field, code", [
    ({"date_of_birth": "1990-01-01"}, None, "date_of_birth", "date_of_birth_age"),
    ({"date_of_birth": "2027-01-01"}, None, "date_of_birth", "date_max"),
    ({}, "2026-12-06", "until", "date_min"),
    ({}, "2040-01-01", "until", "date_max"),
    ({}, "soon", "until", "date"),
])
def test_bad_input_is_one_error_naming_the_field(changes_, until, field, code):
    with pytest.raises(ProfileError) as error:
        timeline(base(**changes_), until)
    assert (error.value.field, error.value.code) == (field, code)
