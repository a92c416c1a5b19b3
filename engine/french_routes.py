"""Routes for French speakers beside Express Entry's French rounds, and which fit a profile.

The routes and what each asks are the dated rows of engine/data/french_routes.toml. The engine
judges only what the profile says: French and English levels (every ability, or speaking and
listening), education, and eligibility for the Federal Skilled Worker Program or the Canadian
Experience Class (engine.assess). A check is met (True), not met (False) or unknown (None);
what the calculator cannot know (a job offer from a designated employer, Quebec's own points)
is a check that stays unknown, so a route "fits" only when every check is met, "does_not_fit"
when one is not, and "may_fit" otherwise. Codes and values only: the page words them.
"""

from .assess import assess
from . import assess_profile, rules
from . import profile as profiles

ROUTES = "french_routes.routes"
EDUCATION = "crs.education"  # its rows, in order, rank the levels of education
ORAL = ("speaking", "listening")


def french_routes(profile: dict) -> dict:
    """The routes in force on the profile's `as_of`, each with its checks and whether it fits."""
    contract, _ = assess_profile.split(profile)
    parsed = profiles.parse(contract)
    as_of = parsed.as_of
    programs = assess(profile)["programs"]
    table = rules.table(ROUTES, as_of)
    ranks = {row.key: i for i, row in enumerate(rules.table(EDUCATION, as_of).rows)}
    french, english = parsed.language_in("french"), parsed.language_in("english")
    routes = []
    for row in table.rows:
        need = row.values
        checks = []
        if need["french_nclc"]:
            checks.append(_level("french", need["french_nclc"], french, ORAL if need["french_abilities"] == "oral" else None))
        if need["english_clb"]:
            checks.append(_level("english", need["english_clb"], english, None))
        if need["education_min"] != "none":
            have = parsed.education
            checks.append({"code": "education", "required": need["education_min"], "have": have,
                           "met": None if have is None else ranks[have] >= ranks[need["education_min"]]})
        if need["needs_fsw_or_cec"]:
            verdicts = [programs[key]["eligible"] for key in ("fswp", "cec")]
            met = True if True in verdicts else None if None in verdicts else False
            checks.append({"code": "fsw_or_cec", "met": met})
        if need["job_offer"] != "none":
            checks.append({"code": "job_offer", "kind": need["job_offer"], "met": None})
        if row.values["leads_to"] == "quebec_selection":
            checks.append({"code": "quebec_points", "met": None})  # Quebec's own grid: never scored here
        met = [c["met"] for c in checks]
        fits = "fits" if all(m is True for m in met) else "does_not_fit" if False in met else "may_fit"
        route = {"key": row.key, "leads_to": need["leads_to"], "fits": fits, "checks": checks,
                 "changes": need["changes"], "effective_from": row.effective_from.isoformat(),
                 "source": row.source, "status": row.status, "note": row.note}
        routes.append({**route, **rules.history(ROUTES).dates()})
    return {"as_of": as_of.isoformat(), "routes": routes}


def _level(language: str, required: int, result, abilities) -> dict:
    """`required` or more in every ability (or only in `abilities`) of the person's result."""
    levels = None if result is None else {a: lvl for a, lvl in result.levels.items() if abilities is None or a in abilities}
    lowest = min(levels.values()) if levels else None
    # No result in that language: the requirement is not met (a test is needed), not unknown.
    return {"code": language, "required": required, "abilities": "oral" if abilities else "all",
            "lowest": lowest, "met": lowest is not None and lowest >= required}
