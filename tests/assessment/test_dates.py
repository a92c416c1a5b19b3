"""Date arithmetic (month ends, 29 February) and the deadlines computed from profile dates.

Periods from the rules fact sheet §5 and §9: language results 2 years, ECA 5 years, profile
12 months, 60 days after an ITA, medical results 12 months, biometrics 30 days.
"""

from datetime import date

import pytest

from engine import assess
from engine.deadlines import add_months, add_period
from tests.harness.words import words

from .helpers import clb, profile


@pytest.mark.parametrize(
    "start, years, months, days, expected",
    [
        (date(2024, 2, 29), 1, 0, 0, date(2025, 2, 28)),  # no 29 February in 2025
        (date(2024, 2, 29), 4, 0, 0, date(2028, 2, 29)),  # leap year to leap year
        (date(2024, 2, 29), 2, 0, 0, date(2026, 2, 28)),
        (date(2023, 2, 28), 1, 0, 0, date(2024, 2, 28)),  # not moved to the month's end
        (date(2025, 1, 31), 0, 1, 0, date(2025, 2, 28)),
        (date(2024, 1, 31), 0, 1, 0, date(2024, 2, 29)),
        (date(2024, 3, 31), 0, 1, 0, date(2024, 4, 30)),
        (date(2024, 8, 31), 0, 6, 0, date(2025, 2, 28)),
        (date(2025, 12, 15), 0, 12, 0, date(2026, 12, 15)),
        (date(2025, 11, 30), 0, 3, 0, date(2026, 2, 28)),  # across a year end
        (date(2024, 12, 31), 0, 0, 60, date(2025, 3, 1)),  # 31 + 28 + 1
        (date(2023, 12, 31), 0, 0, 60, date(2024, 2, 29)),  # 31 + 29
        (date(2026, 1, 30), 0, 1, 1, date(2026, 3, 1)),  # months first (28 Feb), then a day
        (date(2026, 3, 31), -10, 0, 0, date(2016, 3, 31)),
        (date(2028, 2, 29), -10, 0, 0, date(2018, 2, 28)),  # going back clamps too
    ],
)
def test_add_period(start, years, months, days, expected):
    assert add_period(start, years, months, days) == expected


def test_add_months_keeps_the_day_when_it_exists():
    assert [add_months(date(2025, 1, 30), n) for n in range(4)] == [
        date(2025, 1, 30), date(2025, 2, 28), date(2025, 3, 30), date(2025, 4, 30)]


def _deadline(result, field):
    found = [d for d in result["deadlines"] if d["field"] == field]
    assert len(found) == 1, result["deadlines"]
    return found[0]


@pytest.mark.parametrize(
    "field, start, until",
    [
        ("eca_issued_on", "2021-11-25", "2026-11-25"),
        ("eca_issued_on", "2020-02-29", "2025-02-28"),
        ("profile_submitted_on", "2026-01-31", "2027-01-31"),
        ("profile_submitted_on", "2025-11-30", "2026-11-30"),
        ("ita_received_on", "2026-11-01", "2026-12-31"),
        ("ita_received_on", "2026-10-01", "2026-11-30"),
        ("medical_exam_on", "2025-11-26", "2026-11-26"),
        ("medical_exam_on", "2024-02-29", "2025-02-28"),
        ("biometrics_instructions_on", "2026-11-20", "2026-12-20"),
    ],
)
def test_each_dated_answer_gets_its_deadline(field, start, until):
    result = assess(profile(**{field: start}))
    entry = _deadline(result, field)
    assert (entry["from"], entry["until"]) == (start, until)
    assert entry["source"].startswith("https://")
    assert entry["reviewed"] == "2026-12-06" and "figures_seen" in entry


def test_language_result_of_29_february_lasts_until_28_february():
    result = assess(profile(first_language=clb(9, taken_on="2024-02-29")))
    assert _deadline(result, "first_language.taken_on")["until"] == "2026-02-28"


def test_expiry_is_the_last_valid_day():
    # ECA issued 2021-11-25 is valid through 2026-11-25 (as_of) and expired the day after.
    on_last_day = _deadline(assess(profile(eca_issued_on="2021-11-25")), "eca_issued_on")
    assert on_last_day["expired"] is False and on_last_day["days_left"] == 0
    day_after = _deadline(assess(profile(eca_issued_on="2021-11-24")), "eca_issued_on")
    assert day_after["expired"] is True and day_after["days_left"] == -1


def test_expired_deadlines_become_warnings():
    result = assess(profile(ita_received_on="2026-09-01"))
    assert {"code": "expired", "field": "ita_received_on"} in [
        {"code": w["code"], "field": w["field"]} for w in result["warnings"]]
    assert not [w for w in assess(profile())["warnings"] if w["code"] == "expired"]


def test_confirmed_periods_carry_no_status():
    # Biometrics' 30 days is on canada.ca (fact sheet §16 item 3): no "unconfirmed" mark.
    entry = _deadline(assess(profile(biometrics_instructions_on="2026-11-20")), "biometrics_instructions_on")
    assert "status" not in entry
    assert entry["until"] == "2026-12-20"
    entry = _deadline(assess(profile(ita_received_on="2026-11-20")), "ita_received_on")
    assert "status" not in entry


def test_medical_exam_window_is_not_invented():
    entry = _deadline(assess(profile(medical_instructions_on="2026-11-20")), "medical_instructions_on")
    assert entry["until"] is None and entry["expired"] is None
    assert (entry["table"], entry["row"]) == ("deadlines.periods", "medical_exam_window")
    assert "letter" in words("assessment.deadline.no_limit")


def _task(result):
    return [d for d in result["deadlines"] if d["id"] == "medical_exam_before_applying"]


def test_since_21_august_2025_the_medical_exam_is_due_inside_the_time_to_apply():
    # fact sheet §16 item 1: the exam is done before submitting, inside the 60 days after the invitation
    result = assess(profile(ita_received_on="2026-11-01"))
    (task,) = _task(result)
    assert (task["field"], task["from"], task["until"], task["days_left"]) == ("medical_exam_on", "2026-11-01", "2026-12-31", 36)
    assert task["until"] == _deadline(result, "ita_received_on")["until"]  # the application's own last day
    assert (task["table"], task["row"], task["status"]) == ("application.medical_exam", "express_entry", "secondary")
    assert task["source"].startswith("https://")
    assert words("assessment.deadline.task.medical_exam_before_applying")


def test_once_the_exam_is_done_its_results_count_for_12_months():
    result = assess(profile(ita_received_on="2026-11-01", medical_exam_on="2026-11-10"))
    assert _task(result) == []
    assert _deadline(result, "medical_exam_on")["until"] == "2027-11-10"


def test_the_old_order_gives_no_exam_task_before_21_august_2025():
    # From 2023-10-01 to 2025-08-20 people applied first and IRCC sent instructions afterwards.
    before = dict(work_history=[], eca_issued_on=..., settlement_funds=...)
    assert _task(assess(profile(as_of="2025-08-20", ita_received_on="2025-08-01", **before))) == []
    (task,) = _task(assess(profile(as_of="2025-08-21", ita_received_on="2025-08-01", **before)))
    assert task["until"] == "2025-09-30"


def test_the_exam_task_ends_with_the_time_to_apply():
    result = assess(profile(ita_received_on="2026-09-01"))  # the 60 days ended on 2026-10-31
    assert _task(result) == []
    assert [w["field"] for w in result["warnings"] if w["code"] == "expired"] == ["ita_received_on"]


def test_instructions_after_applying_never_give_a_deadline():
    # The old field stays accepted (profiles saved before the change), and gives no date either way.
    for as_of in ("2025-08-20", "2026-11-25"):
        entry = _deadline(assess(profile(as_of=as_of, medical_instructions_on="2025-08-01", work_history=[])),
                          "medical_instructions_on")
        assert entry["until"] is None and entry["expired"] is None


def test_deadlines_are_sorted_by_date_with_unknown_last():
    result = assess(profile(
        medical_instructions_on="2026-11-20",
        profile_submitted_on="2026-02-01",
        ita_received_on="2026-11-20",
        eca_issued_on="2024-01-15",
    ))
    assert [d["field"] for d in result["deadlines"]] == [
        "ita_received_on", "medical_exam_on", "profile_submitted_on", "eca_issued_on", "medical_instructions_on"]


@pytest.mark.parametrize(("as_of", "invited", "until"), [
    ("2016-01-10", "2016-01-01", "2016-03-01"),  # 60 days from the start
    ("2017-02-10", "2017-02-01", "2017-05-02"),  # 90 days from 2016-11-19
    ("2018-07-10", "2018-07-01", "2018-08-30"),  # 60 days again from 2018-06-26
    ("2024-08-08", "2024-08-01", "2024-09-30"),  # no gap before the Ministerial Instructions of 2024-08-09
])
def test_the_time_to_answer_an_invitation_has_no_gap_in_its_history(as_of, invited, until):
    result = assess(profile(as_of=as_of, ita_received_on=invited,
                            work_history=[], eca_issued_on=..., settlement_funds=...))
    assert _deadline(result, "ita_received_on")["until"] == until


def test_an_expired_language_test_is_warned_about_once():
    result = assess(profile(first_language=clb(9, taken_on="2024-01-10")))
    assert [w["field"] for w in result["warnings"]].count("first_language.taken_on") == 1
    assert _deadline(result, "first_language.taken_on")["expired"] is True
