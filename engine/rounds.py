"""`rounds(profile, rounds_data)`: whether this person can be invited in each kind of round.

For each round type held recently in `rounds_data` (the shape of data/rounds.json, newest round
first), one verdict: "yes" when every condition of that kind of round (engine/data/rounds.toml)
is known and met, "no" as soon as one known answer rules it out, "unknown" otherwise. An
unknown verdict names the answers that would settle it (`missing`, field paths) and, apart,
the conditions no question of the profile asks (`unasked`: the person checks them). Program
conditions are engine.assess's verdicts and category conditions engine.categories' statuses,
so the programs, the categories and the rounds can never disagree.
"""

from datetime import date, timedelta

from . import assess_profile
from . import profile as profiles
from . import rules
from .assess import assess
from .categories import categories

VERDICTS = ("yes", "unknown", "no")  # best fit first
# Category conditions no field of the profile asks about (engine.categories codes).
UNASKED = {"caf_job_offer"}
# The field to answer for a category condition that is unknown.
CONDITION_FIELDS = {"french": "first_language", "occupation": "work_history"}


def rounds(profile: dict, rounds_data: dict) -> list:
    """One verdict per round type held in the recent window, best fit first. `rounds_data` is
    the site's own dataset (not an answer): only the profile is checked (ProfileError)."""
    assessed = assess(profile)
    categorised = categories(profile)
    nomination = profiles.parse(assess_profile.split(profile)[0]).provincial_nomination
    return judge(assessed, categorised, nomination, rounds_data)


def judge(assessed: dict, categorised: dict, nomination: bool, rounds_data: dict) -> list:
    """The verdicts from answers already computed (the worker has them): `assessed` is
    engine.assess's answer, `categorised` engine.categories' for the same profile."""
    as_of = date.fromisoformat(assessed["as_of"])
    total = assessed["crs"]["total"]
    kinds = rules.table("rounds.types", as_of)
    found = []
    for entry in _recent(rounds_data, total, as_of):
        kind = next((row.values for row in kinds.rows if row.key == entry["type"]), None)
        conditions = _unknown_kind() if kind is None else _conditions(kind, entry["type"], assessed, categorised, nomination)
        found.append({**entry, **_verdict(conditions)})
    found.sort(key=_fit)
    return found


def _fit(verdict: dict) -> tuple:
    """Best fit first: yes, unknown, no; then the rounds the score clears; then the fewest
    conditions left open (a condition no question asks last); then the widest margin."""
    open_ = sum(r["met"] is None for r in verdict["reasons"])
    return (VERDICTS.index(verdict["eligible"]), verdict["margin"] < 0, open_, bool(verdict["unasked"]),
            -verdict["margin"], verdict["type"])


def _recent(rounds_data: dict, total: int, as_of: date) -> list:
    """Each type held in the window up to the newest round: its latest round, how many rounds of
    it were held and how many of their cut-offs `total` reaches."""
    held = rounds_data["rounds"]
    if not held:
        return []
    days = rules.table("rounds.recent", as_of).lookup("window", "days")
    since = (date.fromisoformat(held[0]["date"]) - timedelta(days=days)).isoformat()
    by_type = {}
    for r in held:  # newest first
        if r["date"] <= since:
            break
        entry = by_type.setdefault(r["type"], {
            "type": r["type"],
            "latest": {"date": r["date"], "min_crs": r["min_crs"], "number": r["number"]},
            "margin": total - r["min_crs"], "cleared": 0, "count": 0})
        entry["count"] += 1
        entry["cleared"] += total >= r["min_crs"]
    return list(by_type.values())


def _conditions(kind: dict, type_: str, assessed: dict, categorised: dict, nomination: bool) -> list:
    """The conditions of a kind of round: (code, met, params, missing fields, unasked codes)."""
    conditions = [_program(kind["program"], assessed["programs"])]
    if kind["nomination"]:
        conditions.append(("nomination", nomination, {}, [], []))
    if kind["category"]:
        conditions.append(_category(type_, categorised))
    return conditions


def _program(key: str, programs: dict) -> tuple:
    keys = list(programs) if key == "any" else [key]
    verdicts = [programs[k]["eligible"] for k in keys]
    met = True if True in verdicts else None if None in verdicts else False
    missing = [] if met is not None else [
        r["field"] for k in keys if programs[k]["eligible"] is None
        for r in programs[k]["requirements"] if r["met"] is None]
    return ("program", met, {"programs": keys, "eligible": [k for k in keys if programs[k]["eligible"]]}, missing, [])


def _category(key: str, categorised: dict) -> tuple:
    category = next((c for c in categorised["categories"] if c["key"] == key), None)
    if category is None:  # not a category on that day: its rounds invite no one now
        return ("category_closed", False, {"category": key}, [], [])
    met = {"meets": True, "does_not_meet": False, "unknown": None}[category["status"]]
    unknown = [c["code"] for c in category["conditions"] if c["met"] is None] if met is None else []
    return ("category", met, {"category": key, "status": category["status"]},
            [CONDITION_FIELDS[c] for c in unknown if c not in UNASKED], [c for c in unknown if c in UNASKED])


def _unknown_kind() -> list:
    """A kind of round the data does not describe (the rounds updater's "other")."""
    return [("round_conditions", None, {}, [], ["round_conditions"])]


def _verdict(conditions: list) -> dict:
    met = [c[1] for c in conditions]
    eligible = "no" if False in met else "unknown" if None in met else "yes"
    missing, unasked = [], []
    if eligible == "unknown":
        for _, _, _, fields_, codes in conditions:
            missing += [f for f in fields_ if f not in missing]
            unasked += [c for c in codes if c not in unasked]
    return {"eligible": eligible,
            "reasons": [{"code": code, "met": m, "params": params} for code, m, params, _, _ in conditions],
            "missing": missing, "unasked": unasked}
