"""Validation of a profile (one ProfileError naming the field), defaults, and warnings."""

import math
from datetime import date

import pytest

from engine import ProfileError, crs_score
from engine.profile import parse
from tests.harness.words import assert_worded, placeholders, words

from .helpers import ACCOMPANYING, clb, levels, nclc, profile


def error_field(p):
    with pytest.raises(ProfileError) as caught:
        crs_score(p)
    message = str(caught.value)
    assert message.startswith(caught.value.field + ": ") and len(message) > len(caught.value.field) + 2
    assert_worded(caught.value)
    return caught.value.field


def test_profile_error_is_a_value_error_with_a_field_a_code_and_its_values():
    err = ProfileError("age", "whole_number", {"min": 0, "max": 120}, got=True)
    assert isinstance(err, ValueError) and err.field == "age" and str(err) == "age: must be a whole number from 0 to 120, got true"
    assert (err.code, err.params) == ("whole_number", {"min": 0, "max": 120})


@pytest.mark.parametrize("raw", [None, [], "profile", 3, True])
def test_profile_must_be_an_object(raw):
    assert error_field(raw) == "profile"


@pytest.mark.parametrize("key", ["age", "education", "first_language"])
def test_required_fields(key):
    p = profile()
    del p[key]
    assert error_field(p) == key


def test_minimal_profile_uses_contract_defaults():
    minimal = {"as_of": "2026-11-02", "age": 30, "education": "secondary", "first_language": None}
    assert crs_score(minimal)["factors"] == crs_score(profile(first_language=None))["factors"]


def test_as_of_defaults_to_today():
    p = profile()
    del p["as_of"]
    assert crs_score(p)["as_of"] == date.today().isoformat()
    assert parse(p, today=date(2020, 1, 1)).as_of == date(2020, 1, 1)


@pytest.mark.parametrize(("field", "value"), [
    ("age", True), ("age", -1), ("age", 121), ("age", 30.5), ("age", "30"), ("age", math.nan), ("age", None),
    ("education", "phd"), ("education", None), ("education", 3),
    ("canadian_education", "yes"), ("canadian_education", None),
    ("canadian_work_years", -1), ("canadian_work_years", 61), ("canadian_work_years", False), ("canadian_work_years", math.inf),
    ("foreign_work_years", 1.5), ("foreign_work_years", "2"),
    ("certificate_of_qualification", 1), ("certificate_of_qualification", "true"), ("certificate_of_qualification", None),
    ("provincial_nomination", 0), ("sibling_in_canada", "no"),
    ("job_offer", "teer_0"), ("job_offer", True), ("job_offer", None),
    ("as_of", "2014-12-31"), ("as_of", "2026-02-30"), ("as_of", "26-11-02"), ("as_of", "2026-11-02T00:00"),
    ("as_of", 20261102), ("as_of", None), ("as_of", "2026-W48-3"),
    ("first_language", "clb 7"), ("first_language", []), ("second_language", 7),
    ("spouse", True), ("spouse", []),
])
def test_bad_values_name_their_field(field, value):
    assert error_field(profile(**{field: value})) == field


def test_whole_floats_count_as_whole_numbers():
    assert crs_score(profile(age=29.0))["factors"]["age"] == 110


def test_before_express_entry_is_refused_with_the_reason():
    with pytest.raises(ProfileError, match="2015-01-01"):
        crs_score(profile(as_of="2014-12-31"))
    assert crs_score(profile(as_of="2015-01-01"))["as_of"] == "2015-01-01"


@pytest.mark.parametrize(("first", "second", "field"), [
    (clb(7), clb(7), "second_language.test"),
    (clb(7), levels("ielts_general", 7), "second_language.test"),
    (levels("celpip_general", 7), levels("pte_core", 70), "second_language.test"),
    (nclc(7), levels("tef_canada", 500), "second_language.test"),
    (levels("tcf_canada", 500, writing=12, speaking=12), nclc(7), "second_language.test"),
    (None, nclc(7), "second_language"),
])
def test_first_and_second_must_be_different_official_languages(first, second, field):
    assert error_field(profile(first_language=first, second_language=second)) == field


@pytest.mark.parametrize(("result", "field"), [
    ({**clb(7), "score": 7}, "first_language.score"),
    ({"test": "clb", "listening": 7, "reading": 7, "writing": 7}, "first_language.speaking"),
    ({**clb(7), "test": "toefl"}, "first_language.test"),
    ({**clb(7), "test": None}, "first_language.test"),
    ({**clb(7), "taken_on": "yesterday"}, "first_language.taken_on"),
    ({**clb(7), "taken_on": None}, "first_language.taken_on"),
])
def test_language_object_rules(result, field):
    assert error_field(profile(first_language=result)) == field


def test_extra_top_level_keys_are_ignored():
    assert crs_score(profile(noc="21231", funds=12000, program="fsw")) == crs_score(profile())


@pytest.mark.parametrize(("spouse", "field"), [
    ({"accompanying": True}, "spouse.canadian_citizen_or_pr"),
    ({"canadian_citizen_or_pr": False}, "spouse.accompanying"),
    (dict(ACCOMPANYING, accompanying="yes"), "spouse.accompanying"),
    (dict(ACCOMPANYING, education="phd"), "spouse.education"),
    (dict(ACCOMPANYING, language=clb(13)), "spouse.language.listening"),
    (dict(ACCOMPANYING, language={"test": "clb"}), "spouse.language.listening"),
    (dict(ACCOMPANYING, canadian_work_years=-2), "spouse.canadian_work_years"),
    (dict(ACCOMPANYING, canadian_work_years=True), "spouse.canadian_work_years"),
])
def test_spouse_rules(spouse, field):
    assert error_field(profile(spouse=spouse)) == field


def test_spouse_may_use_either_official_language():
    english = crs_score(profile(spouse=dict(ACCOMPANYING, language=clb(9))))
    french = crs_score(profile(spouse=dict(ACCOMPANYING, language=levels("tef_canada", 520))))
    assert english["factors"]["spouse_language"] == french["factors"]["spouse_language"] == 20
    assert french["clb"]["spouse"] == dict.fromkeys(("listening", "reading", "writing", "speaking"), 9)


def test_accompanying_spouse_without_education_warns():
    result = crs_score(profile(spouse=dict(ACCOMPANYING)))
    assert result["factors"]["spouse_education"] == 0
    assert [w["field"] for w in result["warnings"]] == ["spouse.education"]


def codes(result):
    return [(w["code"], w["field"]) for w in result["warnings"]]


def test_expired_results_score_nothing_with_a_warning():
    fresh = crs_score(profile(first_language=clb(9, taken_on="2024-11-02")))
    assert codes(fresh) == []
    assert "total_if_retaken" not in fresh
    given = dict(first_language=clb(9, taken_on="2024-11-01"), second_language=nclc(7, taken_on="2020-01-01"),
                 spouse=dict(ACCOMPANYING, education="secondary", language=clb(5, taken_on="2023-01-01")))
    old = crs_score(profile(**given))
    assert codes(old) == [("language_result_expired", "first_language.taken_on"),
                          ("language_result_expired", "second_language.taken_on"),
                          ("language_result_expired", "spouse.language.taken_on")]
    assert old["warnings"][0] == {"code": "language_result_expired", "field": "first_language.taken_on",
                                  "taken_on": "2024-11-01", "as_of": "2026-11-02", "years": 2,
                                  "expired_on": "2026-11-02",
                                  # the contract's message, for developers (the page words the code)
                                  "message": "first_language.taken_on: the test was taken on 2024-11-01: its result "
                                             "counts 2 years and stopped counting on 2026-11-02, so it scores "
                                             "nothing on 2026-11-02"}
    # IRCC treats an expired result as no result: no language points, none for the spouse's.
    assert old["factors"]["first_language"] == 0
    assert old["factors"]["second_language"] == 0
    assert old["factors"]["spouse_language"] == 0
    # The levels of the results given are still reported, and what they would score if retaken.
    assert old["clb"]["first"] == {"listening": 9, "reading": 9, "writing": 9, "speaking": 9}
    fresh_all = crs_score(profile(first_language=clb(9), second_language=nclc(7),
                                  spouse=dict(ACCOMPANYING, education="secondary", language=clb(5))))
    assert old["total_if_retaken"] == fresh_all["total"] > old["total"]


def test_an_expired_first_result_leaves_a_valid_second_as_the_first():
    both = crs_score(profile(first_language=clb(9, taken_on="2020-01-01"), second_language=nclc(7, taken_on="2026-01-01")))
    alone = crs_score(profile(first_language=nclc(7, taken_on="2026-01-01")))
    assert both["total"] == alone["total"]


def test_a_leap_day_result_lasts_until_28_february():
    assert codes(crs_score(profile(as_of="2026-02-28", first_language=clb(9, taken_on="2024-02-29")))) == []
    assert codes(crs_score(profile(as_of="2026-03-01", first_language=clb(9, taken_on="2024-02-29")))) == [
        ("language_result_expired", "first_language.taken_on")]


def test_high_wage_notice_from_2026_11_03():
    assert codes(crs_score(profile(as_of="2026-11-02"))) == []
    notice = crs_score(profile(as_of="2026-11-03"))["warnings"]
    assert [(w["code"], w["field"]) for w in notice] == [("high_wage_change_unconfirmed", "as_of")]
    assert (notice[0]["since"], notice[0]["from"], notice[0]["status"]) == ("2026-11-03", "2026-11-03", "unconfirmed")


def test_job_offer_notice_only_when_an_offer_is_given():
    assert codes(crs_score(profile(as_of="2025-03-24", job_offer="other"))) == []
    assert codes(crs_score(profile(as_of="2025-03-25", job_offer="other"))) == [("job_offer_not_scored", "job_offer")]
    assert codes(crs_score(profile(as_of="2026-11-02", job_offer="teer_00"))) == [("job_offer_not_scored", "job_offer")]
    assert codes(crs_score(profile(as_of="2025-03-25", job_offer="none"))) == []


def test_from_2026_11_03_the_job_offer_notice_defers_to_the_high_wage_warning():
    warnings = crs_score(profile(as_of="2026-11-03", job_offer="other"))["warnings"]
    assert [(w["code"], w["field"]) for w in warnings] == [("job_offer_see_high_wage", "job_offer"),
                                                          ("high_wage_change_unconfirmed", "as_of")]
    # It says job offers earned nothing from 2025-03-25, and points to the change of its first day.
    assert (warnings[0]["since"], warnings[0]["from"]) == ("2025-03-25", "2026-11-03")
    assert {"since", "from"} <= placeholders("notices.job_offer_see_high_wage")
    assert "high-wage" in words("notices.job_offer_see_high_wage") and "no CRS points" in words("notices.job_offer_see_high_wage")


def test_messages_show_the_value_as_json():
    with pytest.raises(ProfileError, match=r"got true$"):
        crs_score(profile(age=True))
    with pytest.raises(ProfileError, match=r'got "7"$'):
        crs_score(profile(first_language=clb("7")))
    with pytest.raises(ProfileError, match=r"first_language.reading: ielts_general scores run from 0 to 9 in steps of 0.5, got 9.5") as caught:
        crs_score(profile(first_language=levels("ielts_general", 8, reading=9.5)))
    assert (caught.value.code, caught.value.params) == ("score_step", {"test": "ielts_general", "min": 0, "max": 9, "step": 0.5})
