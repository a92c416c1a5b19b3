"""`timeline(profile, until=None)`: the score and the programs on every date something changes.

From the day of the calculation (`as_of`) to `until` (planning.timeline "default_horizon" later
when not given), a point for `as_of` and one for each day on which the profile would score or
qualify differently: a birthday (from `date_of_birth`), another year of work from the job list
(or a job's hours leaving the FSW 10-year or CEC 3-year window), a job that ends, a language
result or ECA that expires, the profile's time in the pool that ends. A point's total is exactly
`crs_score(profile_on(profile, day))`: the profile as it would be that day, under the rules in
force that day (no guess about rules not yet published).

Each point gives codes, never words: what changed (`changes`, each {"code", "field", "before",
"after"}), and the decision it supports (`decision`: "submit_before" when the score drops,
"wait_for" when it rises, "program_opens" / "program_closes", "renew" when a document expires).
"""

import calendar
from datetime import date, timedelta
from fractions import Fraction

from . import assess_profile, rules
from . import profile as profiles
from .assess import assess
from .assess_profile import _age_on
from .deadlines import add_period, valid_until
from .errors import ProfileError
from .experience import with_work_years
from .language import result_expires
from .programs import (_counts_in_canada, _hours_per_month, _skilled, _value, _window_start, continuous_runs,
                       credited_hours)

ONE_DAY = timedelta(days=1)
# How often the job list is sampled for a change of its counted years (each change found is
# then narrowed to its day). Two changes that cancel out inside one step are not seen: a job
# list changes its years at most once a year per job, far apart from such a step.
SCAN_DAYS = 61
PROGRAMS = ("fswp", "fstp", "cec")
LANGUAGES = ("first_language", "second_language", "spouse.language")


def _months(key: str, as_of: date) -> int:
    return rules.table("planning.timeline", as_of).lookup(key, "months")


def profile_on(profile: dict, day: date) -> dict:
    """The profile as it would be on `day`: the calculation's date moved, the age from the date
    of birth (unchanged without one), the years of work counted again from the job list."""
    moved = {**profile, "as_of": day.isoformat()}
    born = profile.get("date_of_birth")
    if born is not None:
        moved["age"] = _age_on(date.fromisoformat(born), day)
    return with_work_years(moved)[0]


def _state(profile: dict, day: date) -> dict:
    result = assess(profile_on(profile, day))
    crs = result["crs"]
    return {"date": day.isoformat(), "total": crs["total"], "sections": crs["sections"],
            "programs": {key: result["programs"][key]["eligible"] for key in PROGRAMS}}


WORK_CODES = ("canadian_work_year", "foreign_work_year", "fsw_experience", "cec_experience")


def _work_counter(jobs, as_of: date):
    """day -> what the job list gives that day: the CRS's years in and outside Canada, and whether
    the FSW's continuous year and the CEC's year in Canada are there (as engine.programs counts
    them). It finds the days to look at; each point is then computed in full under its day's
    rules, so the rules of `as_of` are read once here."""
    month = _hours_per_month(as_of)
    year = month * 12
    crs_window = _value("programs.fswp_requirements", "experience_window_years", as_of)
    fsw_need = _value("programs.fswp_requirements", "experience_months", as_of) * month
    cec_window = _value("programs.cec_requirements", "experience_window_years", as_of)
    cec_need = _value("programs.cec_requirements", "experience_months", as_of) * month
    skilled = [j for j in jobs if _skilled(j, as_of)]
    canada = [j for j in jobs if _counts_in_canada(j, as_of)]
    abroad = [j for j in skilled if j.country == "abroad"]
    runs = continuous_runs(skilled)

    def key(day: date) -> tuple:
        since = _window_start(day, crs_window)
        best = max((credited_hours(run, since, day) for run in runs), default=Fraction(0))
        return (int(credited_hours(canada, since, day) / year), int(credited_hours(abroad, since, day) / year),
                best >= fsw_need, credited_hours(canada, _window_start(day, cec_window), day) >= cec_need)
    return key


def _work_changes(jobs, start: date, end: date) -> dict:
    """{day: [(code, before, after)]} for each day in (start, end] on which the work counted changes."""
    found = {}
    work_key = _work_counter(jobs, start)

    def split(a, key_a, b, key_b):
        if key_a == key_b:
            return
        if (b - a).days == 1:
            found[b] = [(code, x, y) for code, x, y in zip(WORK_CODES, key_a, key_b) if x != y]
            return
        middle = a + (b - a) // 2
        key_m = work_key(middle)
        split(a, key_a, middle, key_m)
        split(middle, key_m, b, key_b)

    day, key = start, work_key(start)
    while day < end:
        step = min(day + timedelta(days=SCAN_DAYS), end)
        key_step = work_key(step)
        split(day, key, step, key_step)
        day, key = step, key_step
    return found


def _events(profile: dict, checked, answers, until: date) -> dict:
    """{day: [change, ...]} of the dated events in (as_of, until]."""
    as_of = checked.as_of
    events: dict = {}

    def add(day, code, field, **values):
        if as_of < day <= until:
            events.setdefault(day, []).append({"code": code, "field": field, **values})

    born = answers.dates.get("date_of_birth")
    if born is not None:
        for year in range(as_of.year, until.year + 1):
            age = year - born.year
            # the first day of that age: 1 March for a 29 February birthday in a common year
            leap_day = (born.month, born.day) == (2, 29) and not calendar.isleap(year)
            day = date(year, 3, 1) if leap_day else date(year, born.month, born.day)
            add(day, "birthday", "date_of_birth", before=age - 1, after=age)
    for path in LANGUAGES:
        taken = answers.dates.get(path + ".taken_on")
        if taken is not None:
            add(result_expires(taken, as_of) + ONE_DAY, "language_expired", path + ".taken_on")
    for field, key, code in (("eca_issued_on", "eca", "eca_expired"), ("profile_submitted_on", "profile", "profile_expired")):
        start = answers.dates.get(field)
        last = valid_until(key, start, as_of) if start is not None else None
        if last is not None:
            add(last + ONE_DAY, code, field)
    for job in answers.work_history or ():
        if job.end is not None:
            add(job.end + ONE_DAY, "job_ended", job.path + ".end")
    if answers.work_history:
        for day, changes in _work_changes(answers.work_history, as_of, until).items():
            for code, before, after in changes:
                add(day, code, "work_history", before=before, after=after)
    return events


def _decision(previous: dict, point: dict) -> str | None:
    opened = [k for k in PROGRAMS if previous["programs"][k] is not True and point["programs"][k] is True]
    closed = [k for k in PROGRAMS if previous["programs"][k] is True and point["programs"][k] is not True]
    if point["total"] < previous["total"]:
        return "submit_before"
    if closed:
        return "program_closes"
    if opened:
        return "program_opens"
    if point["total"] > previous["total"]:
        return "wait_for"
    if any(c["code"] in ("language_expired", "eca_expired", "profile_expired") for c in point["changes"]):
        return "renew"
    return None


def timeline(profile, until: date | str | None = None) -> dict:
    """The profile's points from `as_of` to `until` (see the module's docstring); raises
    ProfileError on bad input, `until` included."""
    contract, ours = assess_profile.split(profile)
    checked = profiles.parse(contract)
    as_of = checked.as_of
    answers = assess_profile.normalise(ours, profile, as_of)
    longest = add_period(as_of, months=_months("longest_horizon", as_of))
    if until is None:
        until = add_period(as_of, months=_months("default_horizon", as_of))
    elif isinstance(until, str):
        try:
            until = date.fromisoformat(until)
        except ValueError:
            raise ProfileError("until", "date", got=until) from None
    if until <= as_of:
        raise ProfileError("until", "date_min", {"min": (as_of + ONE_DAY).isoformat()}, got=until.isoformat())
    if until > longest:
        raise ProfileError("until", "date_max", {"max": longest.isoformat()}, got=until.isoformat())

    raw = {**profile, "as_of": as_of.isoformat()}
    first = {**_state(raw, as_of), "changes": [], "decision": None, "delta": 0}
    points = [first]
    for day, changes in sorted(_events(raw, checked, answers, until).items()):
        point = _state(raw, day)
        point["changes"] = changes
        point["delta"] = point["total"] - points[-1]["total"]
        point["decision"] = _decision(points[-1], point)
        points.append(point)
    return {"as_of": as_of.isoformat(), "until": until.isoformat(), "age_known": "date_of_birth" in answers.dates,
            "points": points}
