"""Whatever JSON arrives, every entry point (crs_score, assess, plan, categories) answers or
raises ProfileError."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st

import engine

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 200) | st.floats(allow_nan=True)
    | st.sampled_from(["", "clb", "nclc", "canada", "21232", "2026-01-01", "bachelors", "x"])
    # every shape of NOC code (a second digit of 6-9 is no TEER) and the calendar's edges
    | st.from_regex(r"[0-9]{5}", fullmatch=True)
    | st.sampled_from(["0001-01-01", "1899-12-31", "2099-12-31", "2100-01-01", "9999-06-01", "9999-12-31"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=3),
    max_leaves=8,
)
BASE = {
    "as_of": "2026-11-25", "age": 30, "education": "bachelors",
    "first_language": {"test": "clb", "listening": 8, "reading": 8, "writing": 8, "speaking": 8},
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "secondary",
               "language": None},
    "work_history": [{"noc": "31301", "country": "canada", "start": "2025-01-01"}],
}
PATHS = ["age", "education", "canadian_education", "first_language", "second_language",
         "first_language.reading", "first_language.test", "canadian_work_years",
         "foreign_work_years", "provincial_nomination", "spouse", "spouse.language",
         "spouse.education", "work_history", "work_history.0", "work_history.0.noc",
         "work_history.0.start", "work_history.0.end", "work_history.0.hours_per_week", "as_of", "eca_issued_on",
         "first_language.taken_on", "job_offer_noc", "profile_submitted_on", "ita_received_on", "medical_exam_on"]


def mutate(path: str, value):
    profile = {**BASE, "first_language": dict(BASE["first_language"]), "spouse": dict(BASE["spouse"]),
               "work_history": [dict(BASE["work_history"][0])]}
    node = profile
    *parents, leaf = path.split(".")
    for key in parents:
        node = node[int(key)] if key.isdigit() else node[key]
    if leaf.isdigit():
        node[int(leaf)] = value
    else:
        node[leaf] = value
    return profile


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(PATHS), JSON)
def test_no_entry_point_raises_anything_but_profile_error(path, value):
    profile = mutate(path, value)
    for function in (engine.crs_score, engine.assess, engine.plan, engine.categories):
        try:
            result = function(profile)
        except engine.ProfileError as error:
            assert str(error).startswith(error.field + ": ")
        else:
            assert isinstance(result, dict)


def answers_or_names(profile, *paths):
    """Every entry point answers `profile`, or raises a ProfileError naming one of `paths`."""
    for function in (engine.crs_score, engine.assess, engine.plan, engine.categories):
        try:
            function(profile)
        except engine.ProfileError as error:
            assert error.field in paths, (error.field, str(error))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["work_history.0.noc", "job_offer_noc"]), st.from_regex(r"[0-9]{5}", fullmatch=True))
def test_any_five_digits_as_a_noc_code_is_an_answer_or_an_error_naming_it(path, code):
    answers_or_names(mutate(path, code), path)


DATES = ["as_of", "first_language.taken_on", "work_history.0.start", "work_history.0.end", "eca_issued_on",
         "profile_submitted_on", "ita_received_on", "medical_exam_on", "medical_instructions_on",
         "biometrics_instructions_on"]


# Any day, with the ends of the calendar drawn often (periods added near year 9999 overflowed).
DAY = st.dates() | st.dates(min_value=date(9990, 1, 1)) | st.dates(max_value=date(1, 12, 31))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(DATES), DAY, DAY)
def test_any_date_of_the_calendar_is_an_answer_or_an_error_naming_it(path, day, as_of):
    profile = mutate(path, day.isoformat())
    if path != "as_of":
        profile["as_of"] = as_of.isoformat()
    # Moving the calculation date can put any other date of the profile after it, and a job's
    # end can fall before its start: each is refused naming its own field, never a crash.
    answers_or_names(profile, *DATES)
