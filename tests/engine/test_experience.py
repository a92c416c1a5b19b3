"""Work entered once: the CRS's years of skilled work counted from a job list
(engine.experience), as the programs count work time."""
from __future__ import annotations

import pytest

import engine
from engine.experience import with_work_years, work_years

BASE = {"as_of": "2026-11-02", "age": 30, "education": "bachelors", "first_language": None}


def years(*jobs):
    return work_years({**BASE, "work_history": list(jobs)})


def test_no_job_list_counts_nothing():
    assert work_years(BASE) is None
    assert work_years({**BASE, "work_history": []}) is None
    assert with_work_years(BASE) == (BASE, None)


def test_full_time_years_in_and_outside_canada():
    got = years(
        {"noc": "21232", "country": "abroad", "start": "2019-01-01", "end": "2025-12-31"},
        {"teer": 1, "country": "canada", "start": "2023-11-01"},
    )
    assert got == {"canadian_work_years": 3, "foreign_work_years": 7}


def test_part_time_counts_in_proportion_and_skilled_work_only():
    # 15 hours a week for about 2.8 years is 1.4 years; TEER 4 work is not skilled.
    got = years(
        {"teer": 1, "country": "canada", "start": "2024-01-01", "hours_per_week": 15},
        {"teer": 4, "country": "canada", "start": "2010-01-01"},
    )
    assert got == {"canadian_work_years": 1, "foreign_work_years": 0}


def test_work_in_canada_leaves_out_self_employment_and_study_but_abroad_does_not():
    got = years(
        {"teer": 2, "country": "canada", "start": "2022-01-01", "self_employed": True},
        {"teer": 2, "country": "canada", "start": "2022-01-01", "end": "2023-12-31", "while_studying": True},
        {"teer": 2, "country": "abroad", "start": "2021-01-01", "end": "2023-06-30", "self_employed": True},
    )
    assert got == {"canadian_work_years": 0, "foreign_work_years": 2}


def test_only_the_last_ten_years_count_and_jobs_at_once_count_once():
    got = years(
        {"teer": 0, "country": "abroad", "start": "2000-01-01", "end": "2020-11-02"},
        {"teer": 1, "country": "abroad", "start": "2016-01-01", "end": "2020-11-02"},
    )
    assert got == {"canadian_work_years": 0, "foreign_work_years": 4}


def test_the_counted_years_are_the_score_of_the_typed_years():
    profile = {**BASE, "foreign_work_years": 0,
               "first_language": {"test": "clb", "listening": 9, "reading": 9, "writing": 9, "speaking": 9},
               "work_history": [{"noc": "21232", "country": "abroad", "start": "2019-01-01", "end": "2025-12-31"}]}
    counted, got = with_work_years(profile)
    assert got["foreign_work_years"] == 7
    assert engine.crs_score(counted)["total"] == engine.crs_score({**profile, "foreign_work_years": 7})["total"]


def test_a_job_the_assessment_refuses_is_a_profile_error_naming_it():
    with pytest.raises(engine.ProfileError) as caught:
        years({"noc": "21232", "start": "2019-01-01"})
    assert caught.value.field == "work_history.0.country"


CLB9 = {"test": "clb", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}
# Job lists and the typed years they contradict: every entry point scores the years of the jobs.
CONTRADICTIONS = [
    # (typed years, jobs, the years the jobs give)
    ({"canadian_work_years": 5, "foreign_work_years": 5},
     [{"noc": "21232", "country": "abroad", "start": "2019-01-01", "end": "2025-12-31"}],
     {"canadian_work_years": 0, "foreign_work_years": 7}),
    ({"canadian_work_years": 0, "foreign_work_years": 0},
     [{"teer": 1, "country": "canada", "start": "2023-11-01"}],
     {"canadian_work_years": 3, "foreign_work_years": 0}),
    ({"canadian_work_years": 3},
     [{"teer": 2, "country": "canada", "start": "2022-01-01", "self_employed": True},
      {"teer": 4, "country": "abroad", "start": "2015-01-01"}],
     {"canadian_work_years": 0, "foreign_work_years": 0}),
    ({"foreign_work_years": 1},
     [{"teer": 0, "country": "abroad", "start": "2016-11-03", "end": "2026-11-02"},
      {"teer": 1, "country": "canada", "start": "2025-11-02", "hours_per_week": 30}],
     {"canadian_work_years": 1, "foreign_work_years": 10}),
]


@pytest.mark.parametrize("typed, jobs, counted", CONTRADICTIONS)
def test_every_entry_point_counts_the_years_of_the_job_list(typed, jobs, counted):
    profile = {**BASE, "first_language": CLB9, **typed, "work_history": jobs}
    assert work_years(profile) == counted
    # The total of the same answers with the counted years typed and no job list.
    expected = engine.crs_score({**BASE, "first_language": CLB9, **typed, **counted})["total"]
    assert engine.crs_score(profile)["total"] == expected
    assert engine.assess(profile)["crs"]["total"] == expected
    assert engine.plan(profile)["total"] == expected


def test_the_table_contradicts_the_typed_years():
    # Without the job list, the typed years would give another total: the table tests something.
    for typed, jobs, counted in CONTRADICTIONS[:2]:
        alone = {**BASE, "first_language": CLB9, **typed}
        assert engine.crs_score(alone)["total"] != engine.crs_score({**alone, "work_history": jobs})["total"]
