"""Hypothesis strategies for valid contract profiles (levels given directly or as IELTS/CELPIP)."""

from datetime import date

from hypothesis import strategies as st

from .helpers import ABILITIES

EDUCATION = ["less_than_secondary", "secondary", "one_year", "two_year", "bachelors", "two_or_more", "masters", "doctoral"]

as_of = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)
level = st.integers(0, 12)


def direct(test):
    return st.fixed_dictionaries({"test": st.just(test), **{a: level for a in ABILITIES}})


english = st.one_of(
    direct("clb"),
    st.fixed_dictionaries({"test": st.just("ielts_general"), **{a: st.integers(0, 18).map(lambda n: n / 2) for a in ABILITIES}}),
    st.fixed_dictionaries({"test": st.just("celpip_general"), **{a: st.integers(0, 12) for a in ABILITIES}}),
)
french = direct("nclc")


@st.composite
def languages(draw):
    """(first, second): different official languages, either may be absent (second only with a first)."""
    first_is_english = draw(st.booleans())
    first = draw(st.none() | (english if first_is_english else french))
    second = None if first is None else draw(st.none() | (french if first_is_english else english))
    return first, second


spouse = st.fixed_dictionaries(
    {"canadian_citizen_or_pr": st.booleans(), "accompanying": st.booleans()},
    optional={
        "education": st.sampled_from(EDUCATION),
        "language": st.none() | english | french,
        "canadian_work_years": st.integers(0, 60),
    },
)


@st.composite
def profiles(draw, spouse_strategy=st.none() | spouse):
    first, second = draw(languages())
    return {
        "as_of": draw(as_of),
        "age": draw(st.integers(0, 120)),
        "education": draw(st.sampled_from(EDUCATION)),
        "canadian_education": draw(st.sampled_from(["none", "one_or_two_year", "three_year_or_more"])),
        "first_language": first,
        "second_language": second,
        "canadian_work_years": draw(st.integers(0, 60)),
        "foreign_work_years": draw(st.integers(0, 60)),
        "certificate_of_qualification": draw(st.booleans()),
        "provincial_nomination": draw(st.booleans()),
        "job_offer": draw(st.sampled_from(["none", "teer_00", "other"])),
        "sibling_in_canada": draw(st.booleans()),
        "spouse": draw(spouse_strategy),
    }
