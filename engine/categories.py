"""Category-based selection: which categories in force on `as_of` a person falls in, and why.

The categories, their conditions and occupation lists are the dated tables of
engine/data/categories.toml. A condition is met (True), not met (False) or unknown (None)
when the profile does not say; a category is "meets" only when every condition is met.
Work in a listed occupation comes from the profile's `work_history` (docs/profile.md); it
counts as full-time-equivalent hours, as program work experience does (programs.work_time).
"""

from datetime import date, timedelta

from . import assess_profile, programs, rules
from . import profile as profiles
from .deadlines import add_months

SELECTION = "categories.selection"
ONE_DAY = timedelta(days=1)


def categories(profile: dict) -> dict:
    """The categories in force on the profile's `as_of`, each with its conditions checked."""
    contract, ours = assess_profile.split(profile)
    parsed = profiles.parse(contract)  # the CRS part of the profile, checked
    as_of = parsed.as_of
    jobs = assess_profile.normalise(ours, profile, as_of).work_history
    result = parsed.current().language_in("french")
    french = result.levels if result else None
    in_force = rules.table(SELECTION, as_of)
    found = [_category(row, as_of, jobs, french, parsed.canadian_work_years) for row in in_force.rows]
    return {
        "as_of": as_of.isoformat(),
        # False when the data holds no categories for that day (before the first recorded list).
        "covered": bool(found),
        "categories": found,
    }


def _category(row, as_of: date, jobs, french, canadian_years: int) -> dict:
    need = row.values
    conditions = []
    if need["french_nclc"]:
        conditions.append(_french_condition(need["french_nclc"], french))
    if need["occupations"] and need["experience_months"]:
        conditions.append(_occupation_condition(need, as_of, jobs, canadian_years))
    if need["caf_job_offer"]:
        # The offer is for one of the listed occupations. The profile has no field for it:
        # the person has to check it themselves.
        conditions.append({"code": "caf_job_offer", "met": None,
                           "occupations": _listed(need["occupations"], as_of)})
    met = [c["met"] for c in conditions]
    status = "meets" if all(m is True for m in met) else "does_not_meet" if False in met else "unknown"
    return {
        "key": row.key,
        "status": status,
        "conditions": conditions,
        "rule_status": row.status,
        "note": row.note,
        "source": row.source,
        "effective_from": row.effective_from.isoformat(),
        "effective_to": row.effective_to.isoformat() if row.effective_to else None,
    }


def _french_condition(required: int, french) -> dict:
    lowest = min(french.values()) if french else None
    return {"code": "french", "required_nclc": required, "lowest_nclc": lowest,
            "met": lowest is not None and lowest >= required}


def _occupation_condition(need: dict, as_of: date, jobs, canadian_years: int) -> dict:
    listed = {row.key for row in rules.table(need["occupations"], as_of).rows}
    condition = {
        "code": "occupation",
        "occupations": _listed(need["occupations"], as_of),
        "required_months": need["experience_months"],
        "within_months": need["within_months"],
        "continuous": need["continuous"],
        "in_canada": need["canadian_experience"],
        "noc": None,
        "months": None,
        "met": None,
    }
    if jobs is None:
        # Work in Canada in a list of skilled occupations shows in the CRS answer "years of
        # skilled work in Canada": too few whole years there settle it without a job list.
        skilled = set(programs.skilled_teers(as_of))
        if (need["canadian_experience"] and all(code[1] in skilled for code in listed)
                and not programs.could_have_months(canadian_years, need["experience_months"])):
            condition.update(months=0, met=False, canadian_work_years=canadian_years)
        return condition
    since = add_months(as_of, -need["within_months"]) + ONE_DAY
    counted = [j for j in jobs if j.noc in listed
               and (j.country == "canada" or not need["canadian_experience"])]
    best = {}
    for noc in {j.noc for j in counted}:
        best[noc] = _months([j for j in counted if j.noc == noc], since, as_of, need["continuous"])
    if best:
        noc = max(best, key=lambda code: (best[code], code))
        condition.update(noc=noc, months=best[noc])
        condition["met"] = best[noc] >= need["experience_months"]
    elif any(j.noc is None for j in jobs):
        condition["months"] = 0  # some jobs have no code: they may be in the list
    else:
        condition.update(months=0, met=False)
    return condition


def _listed(table_id: str, as_of: date) -> list:
    return sorted(row.key for row in rules.table(table_id, as_of).rows)


def _months(jobs: list, since: date, until: date, continuous: bool) -> float:
    """Full-time-equivalent months of one occupation's jobs in [since, until], counted as the
    programs count them; with `continuous`, only the longest run without a day off counts."""
    runs = programs.continuous_runs(jobs) if continuous else [jobs]
    return programs.months(max(programs.credited_hours(run, since, until) for run in runs), until)
