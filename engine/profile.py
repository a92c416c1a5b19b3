"""A profile (the contract's JSON object) validated and normalised, with the contract's defaults.

`parse(raw)` is shared by every entry point (CRS, eligibility, planner): it raises one
ProfileError naming the field, or returns a Profile. Keys it does not know are ignored
(other entry points read their own optional fields).
"""

import functools
from dataclasses import dataclass
from datetime import date

from . import language, rules
from .errors import ProfileError
from .validate import join, optional, require_bool, require_date, require_enum, require_int, require_object

EDUCATION = ("less_than_secondary", "secondary", "one_year", "two_year", "bachelors", "two_or_more", "masters", "doctoral")
CANADIAN_EDUCATION = ("none", "one_or_two_year", "three_year_or_more")
JOB_OFFER = ("none", "teer_00", "other")
MAX_AGE = 120
MAX_WORK_YEARS = 60
SPOUSE_FIELDS = ("canadian_citizen_or_pr", "accompanying")


@dataclass(frozen=True)
class Spouse:
    canadian_citizen_or_pr: bool
    accompanying: bool
    education: str | None  # None when not given
    language: language.LanguageResult | None
    canadian_work_years: int

    @property
    def counts(self) -> bool:
        """Scored as a spouse only if coming to Canada and not already a citizen or PR."""
        return self.accompanying and not self.canadian_citizen_or_pr


@dataclass(frozen=True)
class Profile:
    as_of: date
    age: int
    education: str
    canadian_education: str
    first_language: language.LanguageResult | None
    second_language: language.LanguageResult | None
    canadian_work_years: int
    foreign_work_years: int
    certificate_of_qualification: bool
    provincial_nomination: bool
    job_offer: str
    sibling_in_canada: bool
    spouse: Spouse | None
    warnings: tuple  # {"code", "field", ...its values} dicts found while reading the profile

    @property
    def with_spouse(self) -> bool:
        return self.spouse is not None and self.spouse.counts

    def language_in(self, official: str) -> language.LanguageResult | None:
        """The applicant's result in "english" or "french", if any."""
        for result in (self.first_language, self.second_language):
            if result is not None and result.official_language == official:
                return result
        return None


@functools.cache
def earliest_as_of() -> date:
    """Express Entry's first day: the earliest day the CRS tables cover."""
    return min(r.effective_from for r in rules.history("crs.age").rows)


def parse(raw, *, today: date | None = None) -> Profile:
    obj = require_object("", raw, required=("age", "education", "first_language"))
    if "as_of" in obj:
        as_of = require_date("as_of", obj["as_of"])
        start = earliest_as_of()
        if as_of < start:
            raise ProfileError("as_of", "before_express_entry", {"min": start.isoformat()}, got=obj["as_of"])
    else:
        as_of = today or date.today()

    # Fields are checked in the contract's order, so the first error reported is the first in the form.
    age = require_int("age", obj["age"], 0, MAX_AGE)
    education = require_enum("education", obj["education"], EDUCATION)
    canadian_education = optional(obj, "", "canadian_education", "none", require_enum, CANADIAN_EDUCATION)
    first = language.parse("first_language", obj["first_language"], as_of)
    second = optional(obj, "", "second_language", None, language.parse, as_of, nullable=True)
    if second is not None:
        if first is None:
            raise ProfileError("second_language", "second_without_first")
        if second.official_language == first.official_language:
            raise ProfileError("second_language.test", "same_official_language",
                               {"first": first.official_language}, got=second.test)
    canadian_work_years = optional(obj, "", "canadian_work_years", 0, require_int, 0, MAX_WORK_YEARS)
    foreign_work_years = optional(obj, "", "foreign_work_years", 0, require_int, 0, MAX_WORK_YEARS)
    certificate = optional(obj, "", "certificate_of_qualification", False, require_bool)
    nomination = optional(obj, "", "provincial_nomination", False, require_bool)
    job_offer = optional(obj, "", "job_offer", "none", require_enum, JOB_OFFER)
    sibling = optional(obj, "", "sibling_in_canada", False, require_bool)
    spouse = optional(obj, "", "spouse", None, _spouse, as_of, nullable=True)

    warnings = []
    for path, result in (("first_language", first), ("second_language", second), ("spouse.language", spouse and spouse.language)):
        if result is not None:
            warnings.extend(_expiry_warning(path, result, as_of))
    if spouse is not None and spouse.counts and spouse.education is None:
        warnings.append({"code": "spouse_education_missing", "field": "spouse.education"})

    return Profile(
        as_of=as_of,
        age=age,
        education=education,
        canadian_education=canadian_education,
        first_language=first,
        second_language=second,
        canadian_work_years=canadian_work_years,
        foreign_work_years=foreign_work_years,
        certificate_of_qualification=certificate,
        provincial_nomination=nomination,
        job_offer=job_offer,
        sibling_in_canada=sibling,
        spouse=spouse,
        warnings=tuple(warnings),
    )


def _spouse(path: str, value, as_of: date) -> Spouse:
    obj = require_object(path, value, required=SPOUSE_FIELDS)
    return Spouse(
        canadian_citizen_or_pr=require_bool(join(path, "canadian_citizen_or_pr"), obj["canadian_citizen_or_pr"]),
        accompanying=require_bool(join(path, "accompanying"), obj["accompanying"]),
        education=optional(obj, path, "education", None, require_enum, EDUCATION),
        language=optional(obj, path, "language", None, language.parse, as_of, nullable=True),
        canadian_work_years=optional(obj, path, "canadian_work_years", 0, require_int, 0, MAX_WORK_YEARS),
    )


def _expiry_warning(path: str, result: language.LanguageResult, as_of: date) -> list:
    if not result.taken_on_given or as_of <= language.result_expires(result.taken_on, as_of):
        return []
    years = rules.table("language.result_validity", as_of).lookup("all", "years")
    return [{"code": "language_result_expired", "field": join(path, "taken_on"),
             "taken_on": result.taken_on.isoformat(), "as_of": as_of.isoformat(), "years": years}]
