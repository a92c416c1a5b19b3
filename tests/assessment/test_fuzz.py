"""Whatever JSON arrives, engine.plan and engine.categories answer or raise ProfileError."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

import engine

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 200) | st.floats(allow_nan=True)
    | st.sampled_from(["", "clb", "nclc", "canada", "21232", "2026-01-01", "bachelors", "x"]),
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
         "work_history.0.start", "work_history.0.hours_per_week", "as_of", "eca_issued_on"]


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
def test_plan_and_categories_never_raise_anything_but_profile_error(path, value):
    profile = mutate(path, value)
    for function in (engine.plan, engine.categories):
        try:
            result = function(profile)
        except engine.ProfileError as error:
            assert str(error).startswith(error.field + ": ")
        else:
            assert isinstance(result, dict)
