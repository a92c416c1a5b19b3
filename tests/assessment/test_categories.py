"""engine.categories: the categories in force on a date and whether a profile meets them."""
from __future__ import annotations

import pytest

import engine
from engine.categories import categories

ENGLISH_CLB9 = {"test": "clb", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}


def profile(as_of="2026-11-25", jobs=None, first=ENGLISH_CLB9, second=None) -> dict:
    p = {"as_of": as_of, "age": 30, "education": "bachelors", "first_language": first,
         "second_language": second}
    if jobs is not None:
        p["work_history"] = jobs
    return p


def job(noc, start, end=None, country="canada", hours=None) -> dict:
    j = {"noc": noc, "country": country, "start": start, "end": end}
    if hours is not None:
        j["hours_per_week"] = hours
    return j


def by_key(result) -> dict:
    return {c["key"]: c for c in result["categories"]}


def condition(category, code) -> dict:
    return next(c for c in category["conditions"] if c["code"] == code)


def test_a_nurse_with_14_months_in_canada_is_in_healthcare_only():
    found = by_key(categories(profile(jobs=[job("31301", "2025-09-01")])))
    assert set(found) == {"french", "healthcare", "stem", "trades", "education", "transport",
                          "physicians", "senior_managers", "researchers", "military"}
    health = found["healthcare"]
    assert health["status"] == "meets"
    occupation = condition(health, "occupation")
    assert occupation["noc"] == "31301" and occupation["months"] >= 14
    assert occupation["required_months"] == 12 and occupation["within_months"] == 36
    assert found["stem"]["status"] == "does_not_meet"
    assert found["french"]["status"] == "does_not_meet"  # no French result
    assert found["military"]["status"] == "unknown"  # a CAF job offer is not asked


def test_eight_continuous_months_met_the_2025_rule_but_not_the_2026_one():
    jobs = [job("21300", "2024-03-01", "2024-10-31")]  # civil engineer, about 8 months
    in_2025 = by_key(categories(profile("2025-06-01", jobs)))["stem"]
    in_2026 = by_key(categories(profile("2026-06-01", jobs)))["stem"]
    assert condition(in_2025, "occupation")["continuous"] is True
    assert in_2025["status"] == "meets"
    assert in_2026["status"] == "does_not_meet"


def test_the_2025_rule_wants_the_months_in_one_unbroken_stretch():
    jobs = [job("21300", "2024-01-01", "2024-04-30"), job("21300", "2024-07-01", "2024-10-31")]
    stem = by_key(categories(profile("2025-06-01", jobs)))["stem"]
    assert 3.9 <= condition(stem, "occupation")["months"] < 4.1
    assert stem["status"] == "does_not_meet"


def test_cooks_left_the_trades_list_in_2026_and_butchers_joined_it():
    cook = [job("63200", "2023-01-01")]
    butcher = [job("63201", "2023-01-01")]
    assert by_key(categories(profile("2025-12-01", cook)))["trades"]["status"] == "meets"
    assert by_key(categories(profile("2026-03-01", cook)))["trades"]["status"] == "does_not_meet"
    in_2025 = by_key(categories(profile("2025-12-01", butcher)))
    assert in_2025["agriculture"]["status"] == "meets"
    assert in_2025["trades"]["status"] == "does_not_meet"
    in_2026 = by_key(categories(profile("2026-03-01", butcher)))
    assert "agriculture" not in in_2026
    assert in_2026["trades"]["status"] == "meets"


def test_physicians_category_needs_the_work_in_canada():
    abroad = by_key(categories(profile(jobs=[job("31102", "2023-01-01", country="abroad")])))
    assert abroad["healthcare"]["status"] == "meets"
    assert abroad["physicians"]["status"] == "does_not_meet"
    home = by_key(categories(profile(jobs=[job("31102", "2023-01-01")])))
    assert home["physicians"]["status"] == "meets"


def test_part_time_counts_pro_rata_and_two_jobs_at_once_never_exceed_full_time():
    half = by_key(categories(profile(jobs=[job("21300", "2024-11-01", "2026-10-31", hours=15)])))
    assert 11.9 <= condition(half["stem"], "occupation")["months"] <= 12.1
    double = by_key(categories(profile(jobs=[job("21300", "2026-01-01", "2026-10-31"),
                                             job("21300", "2026-01-01", "2026-10-31")])))
    assert condition(double["stem"], "occupation")["months"] <= 10.1
    assert double["stem"]["status"] == "does_not_meet"


def test_work_older_than_the_window_does_not_count():
    found = by_key(categories(profile(jobs=[job("31301", "2018-01-01", "2023-06-30")])))
    assert condition(found["healthcare"], "occupation")["months"] == 0
    assert found["healthcare"]["status"] == "does_not_meet"


@pytest.mark.parametrize("listening, status", [(7, "meets"), (6, "does_not_meet")])
def test_french_category_needs_nclc_7_in_each_ability(listening, status):
    french = {"test": "nclc", "listening": listening, "reading": 8, "writing": 7, "speaking": 9}
    found = by_key(categories(profile(second=french)))
    assert found["french"]["status"] == status
    assert condition(found["french"], "french")["lowest_nclc"] == listening


def test_french_results_from_tef_canada_as_first_language():
    tef = {"test": "tef_canada", "listening": 600, "reading": 600, "writing": 600,
           "speaking": 600, "taken_on": "2026-05-01"}
    french = by_key(categories(profile(first=tef)))["french"]
    assert condition(french, "french")["lowest_nclc"] >= 7
    assert french["status"] == "meets"


def test_without_a_work_history_the_occupation_is_unknown():
    found = by_key(categories(profile()))
    assert found["healthcare"]["status"] == "unknown"
    assert condition(found["healthcare"], "occupation")["met"] is None


def test_jobs_without_a_code_leave_the_occupation_open():
    found = by_key(categories(profile(jobs=[{"teer": 1, "country": "canada", "start": "2023-01-01"}])))
    assert found["healthcare"]["status"] == "unknown"


def test_before_the_first_recorded_lists_nothing_is_claimed():
    result = categories(profile("2024-06-01"))
    assert result == {"as_of": "2024-06-01", "covered": False, "categories": []}


def test_each_category_carries_its_source_and_period():
    for c in categories(profile())["categories"]:
        assert c["source"].startswith("https://")
        assert c["effective_from"] <= "2026-11-25"
        assert c["rule_status"] in ("secondary", "unconfirmed")


@pytest.mark.parametrize("jobs, field", [
    ([{"noc": "2123", "country": "canada", "start": "2024-01-01"}], "work_history.0.noc"),
    ([{"noc": "21232", "country": "canada", "start": "2024-13-01"}], "work_history.0.start"),
    ("21232", "work_history"),
])
def test_bad_work_history_is_one_profile_error(jobs, field):
    with pytest.raises(engine.ProfileError) as caught:
        categories(profile(jobs=jobs))
    assert caught.value.field == field
