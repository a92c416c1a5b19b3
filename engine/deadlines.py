"""Validity periods and time limits: what expires or is due, and on which day.

Date convention (the periods themselves are in data/deadlines.toml):
- A period of Y years, M months and D days is added as years and months first, then days.
- Adding years or months keeps the day of the month; when the target month is shorter, the
  date moves back to that month's last day: 2024-02-29 + 1 year = 2025-02-28,
  2025-01-31 + 1 month = 2025-02-28, 2024-01-31 + 1 month = 2024-02-29.
- The date reached is the last day on which the thing is still valid or allowed ("until"):
  a language test taken on 2024-03-01 is valid until 2026-03-01 and expired on 2026-03-02.
"""

import calendar
from datetime import date, timedelta

from . import rules

PERIODS = "deadlines.periods"
LANGUAGE = "language.result_validity"  # the CRS code's own rule, shared rather than copied
MEDICAL = "application.medical_exam"  # when the medical exam is done: before or after applying

# Which dated answer starts which period: (table, row key, profile field). The page words
# each deadline by its field. A row missing from the data on `as_of` means no known limit
# (e.g. the time to take the exam after IRCC's instructions, the order before 2025-08-21).
DATED_ANSWERS = (
    (LANGUAGE, "all", "first_language.taken_on"),
    (LANGUAGE, "all", "second_language.taken_on"),
    (LANGUAGE, "all", "spouse.language.taken_on"),
    (PERIODS, "eca", "eca_issued_on"),
    (PERIODS, "profile", "profile_submitted_on"),
    (PERIODS, "ita_response", "ita_received_on"),
    (PERIODS, "medical_exam", "medical_exam_on"),
    (PERIODS, "medical_exam_window", "medical_instructions_on"),
    (PERIODS, "biometrics", "biometrics_instructions_on"),
)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months (negative goes back), clamped to the target month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_period(day: date, years: int = 0, months: int = 0, days: int = 0) -> date:
    """`day` + years + months (clamped to the month's end), then + days."""
    return add_months(day, years * 12 + months) + timedelta(days=days)


def period(table_id: str, key: str, as_of: date):
    """The row of `table_id` for `key` in force on `as_of`, or None if none is."""
    try:
        return rules.table(table_id, as_of).row_for(key)
    except LookupError:
        return None


def end_of(row, start: date) -> date:
    """`start` + the period of `row` (its years / months / days columns; absent ones are 0)."""
    v = row.values
    return add_period(start, v.get("years", 0), v.get("months", 0), v.get("days", 0))


def valid_until(key: str, start: date, as_of: date):
    """The last day a thing started on `start` stays valid, under the periods of `as_of`."""
    row = period(PERIODS, key, as_of)
    return None if row is None else end_of(row, start)


def deadlines(dated: dict, as_of: date) -> list:
    """One entry per dated answer: the day it expires or is due, with the rule's source; and,
    under the rules of `as_of`, the medical exam to do before applying (`medical_exam_due`).

    `dated` maps profile field paths (as in DATED_ANSWERS) to dates; missing ones are skipped.
    Sorted by that day; entries whose rule is not on file come last with `until` = None.
    """
    found = []
    for table_id, key, field in DATED_ANSWERS:
        start = dated.get(field)
        if start is None:
            continue
        row = period(table_id, key, as_of)
        id_ = key if table_id == PERIODS else "language_result"
        found.append(_entry(id_, field, start, table_id, key, row, None if row is None else end_of(row, start), as_of))
    found += medical_exam_due(dated, as_of)
    found.sort(key=lambda e: (e["until"] is None, e["until"] or "", e["field"]))
    return found


def medical_exam_due(dated: dict, as_of: date) -> list:
    """The medical exam as a task, when the rules of `as_of` have it done before the application
    is submitted (application.medical_exam, from 2025-08-21): due on the last day to apply
    after the invitation, until the exam's date is given (then its results' validity counts).
    Under the earlier order IRCC sent instructions after the application: no task from here."""
    invited = dated.get("ita_received_on")
    if invited is None or dated.get("medical_exam_on") is not None:
        return []
    order, window = period(MEDICAL, "express_entry", as_of), period(PERIODS, "ita_response", as_of)
    if order is None or not order.values["before_submitting"] or window is None:
        return []
    until = end_of(window, invited)
    if as_of > until:
        return []  # the time to apply is over: its own deadline says so
    return [_entry("medical_exam_before_applying", "medical_exam_on", invited, MEDICAL, "express_entry", order, until, as_of)]


def _entry(id_: str, field: str, start: date, table_id: str, key: str, row, until, as_of: date) -> dict:
    """A deadline: what (`id`, the profile `field` it is about), from when, until when (None when
    no rule is on file), and the rule it follows."""
    entry = {"id": id_, "field": field, "from": start.isoformat(), "table": table_id, "row": key}
    dates = rules.history(table_id).dates()
    if row is None:
        entry.update(until=None, expired=None, days_left=None, source=rules.history(table_id).source, **dates)
        return entry
    entry.update(until=until.isoformat(), expired=as_of > until, days_left=(until - as_of).days,
                 source=row.source, **dates)
    if row.status:
        entry["status"] = row.status
    if row.note:
        entry["note"] = row.note
    return entry


def iso(day) -> str | None:
    """A date as YYYY-MM-DD, None staying None."""
    return day.isoformat() if day else None
