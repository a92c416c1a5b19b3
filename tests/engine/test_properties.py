"""Properties of the score over generated valid profiles (hypothesis)."""

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from engine import crs_score

from .helpers import ABILITIES
from .strategies import profiles, spouse

SECTION_CAPS_SINGLE = {"core": 500, "spouse": 0, "transferability": 100, "additional": 600}
SECTION_CAPS_SPOUSE = {"core": 460, "spouse": 40, "transferability": 100, "additional": 600}
TOP = {"ielts_general": (9, 0.5), "celpip_general": (12, 1), "clb": (12, 1), "nclc": (12, 1)}

settings.register_profile("engine", max_examples=300, deadline=None)
settings.load_profile("engine")


def counts_as_spouse(p):
    s = p["spouse"]
    return s is not None and s["accompanying"] and not s["canadian_citizen_or_pr"]


@given(profiles())
def test_sections_add_up_and_caps_hold(p):
    result = crs_score(p)
    caps = SECTION_CAPS_SPOUSE if counts_as_spouse(p) else SECTION_CAPS_SINGLE
    assert result["total"] == sum(result["sections"].values())
    for section, value in result["sections"].items():
        assert 0 <= value <= caps[section]
    assert result["sections"]["core"] + result["sections"]["spouse"] <= 500
    assert result["total"] <= 1200
    factors = result["factors"]
    by_section = {}
    for line in result["lines"]:
        assert factors[line["factor"]] == line["points"]
        assert 0 <= line["points"] <= line["max"]
        by_section.setdefault(line["section"], []).append(line["points"])
    assert len(result["lines"]) == len(factors) == 18
    for section in ("core", "spouse", "additional"):
        assert result["sections"][section] == min(sum(by_section[section]), caps[section])
    groups = [("education_language", "education_canadian_work"),
              ("foreign_work_language", "foreign_work_canadian_work"), ("certificate_of_qualification",)]
    assert result["sections"]["transferability"] == min(100, sum(min(50, sum(factors[f] for f in g)) for g in groups))


def _raised(result, ability):
    top, step = TOP[result["test"]]
    if result[ability] + step > top:
        return None
    return {**result, ability: result[ability] + step}


@given(profiles(), st.sampled_from(["first_language", "second_language", "spouse"]), st.sampled_from(ABILITIES))
def test_a_higher_language_score_never_lowers_the_total(p, which, ability):
    if which == "spouse":
        if not p["spouse"] or not p["spouse"].get("language"):
            return
        better_language = _raised(p["spouse"]["language"], ability)
        better = better_language and {**p, "spouse": {**p["spouse"], "language": better_language}}
    else:
        if p[which] is None:
            return
        better_language = _raised(p[which], ability)
        better = better_language and {**p, which: better_language}
    if better:
        before, after = crs_score(p), crs_score(better)
        assert after["total"] >= before["total"]
        for section in after["sections"]:
            assert after["sections"][section] >= before["sections"][section]


@given(profiles(spouse_strategy=spouse.filter(lambda s: not s["accompanying"] or s["canadian_citizen_or_pr"])))
def test_a_spouse_who_is_a_citizen_or_stays_behind_scores_as_single(p):
    with_spouse = crs_score(p)
    single = crs_score({**p, "spouse": None})
    assert with_spouse["sections"] == single["sections"] and with_spouse["factors"] == single["factors"]


@given(profiles(spouse_strategy=spouse.filter(lambda s: s["accompanying"] and not s["canadian_citizen_or_pr"])))
def test_an_accompanying_spouse_never_raises_core_above_460(p):
    assert crs_score(p)["sections"]["core"] <= 460


@given(profiles())
def test_scoring_leaves_the_profile_alone_and_repeats(p):
    original = copy.deepcopy(p)
    first = crs_score(p)
    first["factors"]["age"] = -1  # a caller editing a result must not change later results
    first["clb"]["first"] and first["clb"]["first"].clear()
    assert p == original
    second = crs_score(p)
    assert second == crs_score(original) and second["factors"]["age"] >= 0
