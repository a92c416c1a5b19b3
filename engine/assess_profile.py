"""The optional profile fields of the full assessment (docs/profile.md): checks and normal form.

An absent field means "not answered": the assessment then says which answer it needs rather
than guessing. The contract's own fields are checked by the CRS code; `split` hands them over
without these, so the CRS part sees exactly the contract's profile.
"""

from dataclasses import dataclass
from datetime import date

from . import fields
from .errors import ProfileError
from .validate import join, require_date, require_object

FIELDS = fields.names("", "assessment")
DATE_FIELDS = tuple(f.name for f in fields.children("", "assessment") if f.type == "date")
SPOUSE_FIELDS = fields.names("spouse", "assessment")
JOB_FIELDS = fields.names("work_history.N")
MAX_JOBS = fields.BY_PATH["work_history"].items
STAY_FIELDS = fields.names("countries_lived.N")
MAX_STAYS = fields.BY_PATH["countries_lived"].items


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
class Stay:
    """A stay in a country other than Canada (countries_lived): whose, where, from when to when."""
    index: int
    country: str
    person: str  # "principal" or "spouse"
    start: date
    end: date | None  # None: still living there


@dataclass(frozen=True)
class AssessAnswers:
    work_history: tuple | None
    job_offer_noc: str | None
    settlement_funds: float | None
    children_accompanying: int
    children_not_accompanying: int
    children_18_or_older: int
    countries_lived: tuple | None
    currency: str | None
    currency_rate: float | None
    dates: dict  # field path -> date, for every dated answer given (language tests included)
    studied_in_canada_2_years: bool | None
    relative_in_canada: bool | None
    authorized_to_work_in_canada: bool | None
    plans_to_live_in_quebec: bool | None
    spouse_studied_in_canada_2_years: bool | None
    spouse_worked_in_canada_one_year: bool | None  # None: not answered (see programs._adaptability)


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
    answers = fields.read_scalars(ours, "", part="assessment")
    dates = {}
    for field in DATE_FIELDS:
        day = answers.pop(field)
        if day is not None:
            dates[field] = _not_after(field, day, ours[field], as_of)
    for path, lang in (
        ("first_language", profile.get("first_language")),
        ("second_language", profile.get("second_language")),
        ("spouse.language", (profile.get("spouse") or {}).get("language")),
    ):
        if isinstance(lang, dict) and "taken_on" in lang:
            dates[join(path, "taken_on")] = require_date(join(path, "taken_on"), lang["taken_on"])

    born = dates.get("date_of_birth")
    if born is not None and _age_on(born, as_of) != profile.get("age"):
        raise ProfileError("date_of_birth", "date_of_birth_age", {"age": profile.get("age"), "born_age": _age_on(born, as_of)},
                           got=ours["date_of_birth"])
    spouse = fields.read_scalars(ours.get("spouse") or {}, "spouse", "spouse", part="assessment")
    return AssessAnswers(
        work_history=_work_history(ours.get("work_history"), as_of) if "work_history" in ours else None,
        countries_lived=_stays(ours.get("countries_lived")) if "countries_lived" in ours else None,
        dates=dates,
        **{f"spouse_{name}": value for name, value in spouse.items()},
        **answers,
    )


def _age_on(born: date, day: date) -> int:
    """Completed years on `day`: a birthday counts from its day of the month (born on 29 February,
    a year is completed on 1 March when the year has no 29 February)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _stays(value) -> tuple:
    if not isinstance(value, list):
        raise ProfileError("countries_lived", "stays", got=value)
    if len(value) > MAX_STAYS:
        raise ProfileError("countries_lived", "too_many_stays", {"max": MAX_STAYS, "count": len(value)})
    found = []
    for index, raw in enumerate(value):
        path = join("countries_lived", index)
        require_object(path, raw, required=fields.required("countries_lived.N"), allowed=STAY_FIELDS)
        stay = fields.read_scalars(raw, "countries_lived.N", path)
        if stay["end"] is not None and stay["end"] < stay["start"]:
            raise ProfileError(join(path, "end"), "date_min", {"min": stay["start"].isoformat()}, got=raw["end"])
        found.append(Stay(index=index, **stay))
    return tuple(found)


def _not_after(path: str, day: date, raw, as_of: date) -> date:
    """A date of something that already happened: on or before `as_of`."""
    if day > as_of:
        raise ProfileError(path, "date_max", {"max": as_of.isoformat()}, got=raw)
    return day


def _work_history(value, as_of: date) -> tuple:
    if not isinstance(value, list):
        raise ProfileError("work_history", "jobs", got=value)
    if len(value) > MAX_JOBS:
        raise ProfileError("work_history", "too_many_jobs", {"max": MAX_JOBS, "count": len(value)})
    return tuple(_job(i, raw, as_of) for i, raw in enumerate(value))


def _job(index: int, raw, as_of: date) -> Job:
    path = join("work_history", index)
    require_object(path, raw, required=fields.required("work_history.N"), allowed=JOB_FIELDS)
    value = fields.read_scalars(raw, "work_history.N", path, defaults=False)
    noc, teer = value["noc"], value["teer"]
    if noc is None and teer is None:
        raise ProfileError(join(path, "noc"), "noc_or_teer")
    if noc is not None and teer is not None and teer != int(noc[1]):
        raise ProfileError(join(path, "teer"), "teer_of_noc", {"noc": noc, "teer": int(noc[1])}, got=teer)
    start = _not_after(join(path, "start"), value["start"], raw["start"], as_of)
    end = value["end"]
    if end is not None and end < start:
        raise ProfileError(join(path, "end"), "date_min", {"min": start.isoformat()}, got=raw["end"])
    return Job(
        index=index,
        noc=noc,
        teer=int(noc[1]) if noc is not None else teer,
        country=value["country"],
        start=start,
        end=end,
        hours_per_week=value["hours_per_week"],  # None: full-time
        self_employed=bool(value["self_employed"]),
        while_studying=bool(value["while_studying"]),
    )
