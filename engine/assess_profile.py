"""The optional profile fields of the full assessment (docs/profile.md): checks and normal form.

An absent field means "not answered": the assessment then says which answer it needs rather
than guessing. The contract's own fields are checked by the CRS code; `split` hands them over
without these, so the CRS part sees exactly the contract's profile.
"""

from dataclasses import dataclass
from datetime import date

from .errors import ProfileError
from .validate import (
    join,
    optional,
    require_bool,
    require_date,
    require_enum,
    require_int,
    require_number,
    require_object,
)

DATE_FIELDS = (
    "eca_issued_on",
    "profile_submitted_on",
    "ita_received_on",
    "medical_exam_on",
    "medical_instructions_on",
    "biometrics_instructions_on",
)
BOOL_FIELDS = (
    "studied_in_canada_2_years",
    "relative_in_canada",
    "authorized_to_work_in_canada",
    "plans_to_live_in_quebec",
)
FIELDS = (
    ("work_history", "job_offer_noc", "settlement_funds", "children_accompanying", "children_not_accompanying")
    + DATE_FIELDS
    + BOOL_FIELDS
)
SPOUSE_FIELDS = ("studied_in_canada_2_years",)
JOB_FIELDS = ("noc", "teer", "country", "start", "end", "hours_per_week", "self_employed", "while_studying")
COUNTRIES = ("canada", "abroad")
MAX_JOBS = 50
MAX_CHILDREN = 30
MAX_FUNDS = 1_000_000_000
MAX_HOURS = 168


@dataclass(frozen=True)
class Job:
    index: int
    noc: str | None
    teer: int
    country: str
    start: date
    end: date | None  # None: still working
    hours_per_week: float | None  # None: full-time
    self_employed: bool
    while_studying: bool

    @property
    def path(self) -> str:
        return join("work_history", self.index)


@dataclass(frozen=True)
class AssessAnswers:
    work_history: tuple | None
    job_offer_noc: str | None
    settlement_funds: float | None
    children_accompanying: int
    children_not_accompanying: int
    dates: dict  # field path -> date, for every dated answer given (language tests included)
    studied_in_canada_2_years: bool | None
    relative_in_canada: bool | None
    authorized_to_work_in_canada: bool | None
    plans_to_live_in_quebec: bool | None
    spouse_studied_in_canada_2_years: bool | None


def split(profile) -> tuple:
    """(contract profile, assessment fields): the profile without and with only our fields."""
    require_object("", profile)
    contract = {k: v for k, v in profile.items() if k not in FIELDS}
    ours = {k: v for k, v in profile.items() if k in FIELDS}
    spouse = profile.get("spouse")
    if isinstance(spouse, dict):
        contract["spouse"] = {k: v for k, v in spouse.items() if k not in SPOUSE_FIELDS}
        ours["spouse"] = {k: v for k, v in spouse.items() if k in SPOUSE_FIELDS}
    return contract, ours


def normalise(ours: dict, profile: dict, as_of: date) -> AssessAnswers:
    """Check the assessment fields (`ours`, from `split`) against `as_of`.

    `profile` is the full profile, already checked by the CRS code; it supplies the dates
    of the language tests for the deadlines.
    """
    dates = {}
    for field in DATE_FIELDS:
        day = optional(ours, "", field, None, require_date, None, as_of)
        if day is not None:
            dates[field] = day
    for path, lang in (
        ("first_language", profile.get("first_language")),
        ("second_language", profile.get("second_language")),
        ("spouse.language", (profile.get("spouse") or {}).get("language")),
    ):
        if isinstance(lang, dict) and "taken_on" in lang:
            dates[join(path, "taken_on")] = require_date(join(path, "taken_on"), lang["taken_on"])

    bools = {field: optional(ours, "", field, None, require_bool) for field in BOOL_FIELDS}
    spouse = ours.get("spouse") or {}
    spouse_study = optional(spouse, "spouse", "studied_in_canada_2_years", None, require_bool)
    return AssessAnswers(
        work_history=_work_history(ours.get("work_history"), as_of) if "work_history" in ours else None,
        job_offer_noc=optional(ours, "", "job_offer_noc", None, _require_noc),
        settlement_funds=optional(ours, "", "settlement_funds", None, require_number, 0, MAX_FUNDS),
        children_accompanying=optional(ours, "", "children_accompanying", 0, require_int, 0, MAX_CHILDREN),
        children_not_accompanying=optional(ours, "", "children_not_accompanying", 0, require_int, 0, MAX_CHILDREN),
        dates=dates,
        spouse_studied_in_canada_2_years=spouse_study,
        **bools,
    )


def _work_history(value, as_of: date) -> tuple:
    if not isinstance(value, list):
        raise ProfileError("work_history", "jobs", got=value)
    if len(value) > MAX_JOBS:
        raise ProfileError("work_history", "too_many_jobs", {"max": MAX_JOBS, "count": len(value)})
    return tuple(_job(i, raw, as_of) for i, raw in enumerate(value))


def _job(index: int, raw, as_of: date) -> Job:
    path = join("work_history", index)
    require_object(path, raw, required=("country", "start"), allowed=JOB_FIELDS)
    noc = optional(raw, path, "noc", None, _require_noc)
    teer = optional(raw, path, "teer", None, require_int, 0, 5)
    if noc is None and teer is None:
        raise ProfileError(join(path, "noc"), "noc_or_teer")
    if noc is not None and teer is not None and teer != int(noc[1]):
        raise ProfileError(join(path, "teer"), "teer_of_noc", {"noc": noc, "teer": int(noc[1])}, got=teer)
    start = require_date(join(path, "start"), raw["start"], None, as_of)
    end = optional(raw, path, "end", None, require_date, start, nullable=True)
    return Job(
        index=index,
        noc=noc,
        teer=int(noc[1]) if noc is not None else teer,
        country=require_enum(join(path, "country"), raw["country"], COUNTRIES),
        start=start,
        end=end,
        hours_per_week=optional(raw, path, "hours_per_week", None, _require_hours),
        self_employed=optional(raw, path, "self_employed", False, require_bool),
        while_studying=optional(raw, path, "while_studying", False, require_bool),
    )


def _require_noc(path, value) -> str:
    if not (isinstance(value, str) and len(value) == 5 and value.isascii() and value.isdigit()):
        raise ProfileError(path, "noc", got=value)
    return value


def _require_hours(path, value):
    hours = require_number(path, value, 0, MAX_HOURS)
    if hours == 0:
        raise ProfileError(path, "hours", {"max": MAX_HOURS}, got=value)
    return hours
