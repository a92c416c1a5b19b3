"""The CRS's years of skilled work, counted from the job list (`work_history`).

The contract's profile gives `canadian_work_years` and `foreign_work_years` as numbers; a
profile with a job list has them already in its jobs. `work_years(profile)` counts them the
way the programs count work time (engine.programs: weekly hours, jobs at the same time added
up to full time at most, a year of the data's hours): skilled work (TEER 0-3) in the 10 years
that end on `as_of`; in Canada only work that is neither self-employment nor work while a
full-time student (as for the Canadian Experience Class), outside Canada every skilled job.
Every entry point (`crs_score`, `assess`, `plan`, the command line) and so the calculator count
the years this way when a job list is given: work is entered once, the typed years give way.
"""

from . import assess_profile, rules
from . import profile as profiles
from .programs import _counts_in_canada, _hours_per_month, _skilled, _value, _window_start, credited_hours

# The tables that say how work counts; on a day without them, no years are counted from jobs.
COUNTING_RULES = ("programs.skilled_teer", "programs.work_time", "programs.fswp_requirements")


def work_years(profile) -> dict | None:
    """{"canadian_work_years": n, "foreign_work_years": m} from the profile's job list, or None
    when it has none or the rules that count work are not on file for the profile's day (before
    TEER existed: the typed years stand). Raises ProfileError on a job the assessment would refuse."""
    if not isinstance(profile, dict) or not profile.get("work_history"):
        return None
    contract, ours = assess_profile.split(profile)
    as_of = profiles.parse(contract).as_of
    jobs = assess_profile.normalise({"work_history": ours["work_history"]}, profile, as_of).work_history
    if not all(rules.table(t, as_of).rows for t in COUNTING_RULES):
        return None
    # The Ministerial Instructions count CRS work in the same 10-year window as the FSW program.
    since = _window_start(as_of, _value("programs.fswp_requirements", "experience_window_years", as_of))
    year = _hours_per_month(as_of) * 12

    def years(counted) -> int:
        return int(credited_hours(counted, since, as_of) / year)

    return {
        "canadian_work_years": years([j for j in jobs if _counts_in_canada(j, as_of)]),
        "foreign_work_years": years([j for j in jobs if j.country == "abroad" and _skilled(j, as_of)]),
    }


def with_work_years(profile):
    """The profile with its work years counted from its job list (unchanged without one), and
    the counted years (None without a job list)."""
    counted = work_years(profile)
    return ({**profile, **counted} if counted else profile), counted
