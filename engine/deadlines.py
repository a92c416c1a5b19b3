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

# Which dated answer starts which period: (table, row key, profile field). The page words
# each deadline by its field. A row missing from the data on `as_of` means no known limit
# (e.g. the medical exam window).
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
    """One entry per dated answer: the day it expires or is due, with the rule's source.

    `dated` maps profile field paths (as in DATED_ANSWERS) to dates; missing ones are skipped.
    Sorted by that day; entries whose rule is not on file come last with `until` = None.
    """
    found = []
    for table_id, key, field in DATED_ANSWERS:
        start = dated.get(field)
        if start is None:
            continue
        table = rules.history(table_id)
        row = period(table_id, key, as_of)
        entry = {"id": key if table_id == PERIODS else "language_result", "field": field, "from": start.isoformat(),
                 "table": table_id, "row": key}
        if row is None:
            entry.update(until=None, expired=None, days_left=None, source=table.source, checked=iso(table.checked))
        else:
            until = end_of(row, start)
            entry.update(
                until=until.isoformat(),
                expired=as_of > until,
                days_left=(until - as_of).days,
                source=row.source,
                checked=iso(table.checked),
            )
            if row.status:
                entry["status"] = row.status
            if row.note:
                entry["note"] = row.note
        found.append(entry)
    found.sort(key=lambda e: (e["until"] is None, e["until"] or "", e["field"]))
    return found


def iso(day) -> str | None:
    """A date as YYYY-MM-DD, None staying None."""
    return day.isoformat() if day else None
