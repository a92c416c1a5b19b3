"""Profile builders for the assessment tests. Expected values live in the tests themselves,
written from the team's rules fact sheet, never read from engine/data."""

from datetime import date, timedelta

AS_OF = date(2026, 11, 25)
ABILITIES = ("listening", "reading", "writing", "speaking")
FULL_YEAR = timedelta(days=363)  # start + 363 days = 364 days = 52 weeks = 1,560 hours full-time


def clb(listening, reading=None, writing=None, speaking=None, **extra):
    """CLB levels given directly; one number means all four abilities."""
    values = (listening, reading, writing, speaking)
    result = {"test": "clb"}
    for ability, value in zip(ABILITIES, values):
        result[ability] = listening if value is None else value
    result.update(extra)
    return result


def job(start, end=None, *, noc="21232", country="abroad", **extra):
    """A work_history entry; `start`/`end` are dates (end None: still working)."""
    entry = {"noc": noc, "country": country, "start": start.isoformat()}
    if end is not None:
        entry["end"] = end.isoformat()
    entry.update(extra)
    if entry["noc"] is None:
        del entry["noc"]
    return entry


def years_of_work(years_back_start, years_back_end=0, **kw):
    """A full-time job from `years_back_start` years before AS_OF to `years_back_end` years before."""
    start = AS_OF.replace(year=AS_OF.year - years_back_start)
    end = AS_OF.replace(year=AS_OF.year - years_back_end)
    return job(start, end, **kw)


def profile(**changes):
    """A single applicant who meets every FSWP requirement (grid 70: 24 + 21 + 13 + 12 + 0 + 0),
    with `changes` applied (a value of ... removes the field)."""
    base = {
        "as_of": AS_OF.isoformat(),
        "age": 30,
        "education": "bachelors",
        "canadian_education": "none",
        "first_language": clb(9),
        "second_language": None,
        "canadian_work_years": 0,
        "foreign_work_years": 5,
        "job_offer": "none",
        "spouse": None,
        "work_history": [job(date(2020, 1, 1), date(2024, 12, 31))],
        "eca_issued_on": "2024-01-15",
        "studied_in_canada_2_years": False,
        "relative_in_canada": False,
        "plans_to_live_in_quebec": False,
        "settlement_funds": 20000,
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not ...}


def requirement(result, program, id_):
    """The requirement `id_` of `program` in an assess() result."""
    found = [r for r in result["programs"][program]["requirements"] if r["id"] == id_]
    assert len(found) == 1, (program, id_, result["programs"][program]["requirements"])
    return found[0]
