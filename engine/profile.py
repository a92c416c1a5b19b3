"""A profile (the contract's JSON object) validated and normalised, with the contract's defaults.

`parse(raw)` is shared by every entry point (CRS, eligibility, planner): it raises one
ProfileError naming the field, or returns a Profile. Its fields, bounds, choices and defaults
are the field model's (engine.fields). Keys it does not know are ignored (other entry points
read their own optional fields).
"""

import dataclasses
import functools
from dataclasses import dataclass
from datetime import date, timedelta

from . import fields, language, rules
from .errors import ProfileError
from .notices import warning
from .validate import join, require_object


@dataclass(frozen=True)
class Spouse:
    canadian_citizen_or_pr: bool
    accompanying: bool
    education: str | None  # None when not given
    language: language.LanguageResult | None
    canadian_work_years: int

    @functools.cached_property
    def counts(self) -> bool:
        """Scored as a spouse only if coming to Canada and not already a citizen or PR (the
        field model's condition "spouse_counts", which the form shows the questions by)."""
        return fields.holds("spouse_counts", {"spouse": self, "spouse.accompanying": self.accompanying,
                                              "spouse.canadian_citizen_or_pr": self.canadian_citizen_or_pr})


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
    warnings: tuple  # engine.notices.warning dicts found while reading the profile

    @property
    def with_spouse(self) -> bool:
        return self.spouse is not None and self.spouse.counts

    def current(self) -> "Profile":
        """The profile as IRCC scores it on `as_of`: a language result past its validity
        (language.result_validity) counts as no result; a valid second result then stands as
        the first (the candidate names which official language is first). `self` when none is."""
        first, second = (_valid(r, self.as_of) for r in (self.first_language, self.second_language))
        spouse = self.spouse
        if spouse is not None and spouse.language is not None and _valid(spouse.language, self.as_of) is None:
            spouse = dataclasses.replace(spouse, language=None)
        if first is None and second is not None:
            first, second = second, None
        if (first, second, spouse) == (self.first_language, self.second_language, self.spouse):
            return self
        return dataclasses.replace(self, first_language=first, second_language=second, spouse=spouse)

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
    obj = require_object("", raw, required=fields.required(""))
    if "as_of" in obj:
        as_of = fields.check("as_of", obj["as_of"])
        start = earliest_as_of()
        if as_of < start:
            raise ProfileError("as_of", "before_express_entry", {"min": start.isoformat()}, got=obj["as_of"])
    else:
        as_of = today or date.today()

    # Fields are checked in the model's order, so the first error reported is the first in the form.
    values = {"as_of": as_of}
    for name, kind, check, default in _fields():
        value = obj.get(name)
        if kind == "value":
            values[name] = default if value is None and name not in obj else check(name, value)
        elif kind == "language":
            values[name] = None if value is None else language.parse(name, value, as_of)
            if name == "second_language":
                _other_language(values["first_language"], values["second_language"])
        else:
            values[name] = _spouse(obj, as_of)

    warnings = []
    spouse = values["spouse"]
    for path, result in (("first_language", values["first_language"]), ("second_language", values["second_language"]),
                         ("spouse.language", spouse and spouse.language)):
        if result is not None:
            warnings.extend(_expiry_warning(path, result, as_of))
    if spouse is not None and spouse.counts and spouse.education is None:
        warnings.append(warning("spouse_education_missing", "spouse.education"))
    return Profile(**values, warnings=tuple(warnings))


@functools.cache
def _fields() -> tuple:
    """(name, "value" | "language" | "object", its check, its default) of each contract field
    after as_of, in the model's order: parse's loop, prepared once."""
    return tuple((f.name, f.type if f.type in ("language", "object") else "value",
                  fields.validator(f.path) if f.type not in ("language", "object") else None,
                  f.default if f.has_default else None)
                 for f in fields.children("", "contract")[1:])


def _language(obj: dict, name: str, path: str, as_of: date):
    """The language result (or null) `name` of `obj`, at `path` in the profile; absent means none."""
    value = obj.get(name)
    return None if value is None else language.parse(path, value, as_of)


def _other_language(first, second) -> None:
    if second is None:
        return
    if first is None:
        raise ProfileError("second_language", "second_without_first")
    if second.official_language == first.official_language:
        raise ProfileError("second_language.test", "same_official_language",
                           {"first": first.official_language}, got=second.test)


def _spouse(profile: dict, as_of: date) -> Spouse | None:
    value = profile.get("spouse")
    if value is None:
        return None
    obj = require_object("spouse", value, required=fields.required("spouse"))
    spouse = fields.read_scalars(obj, "spouse", "spouse", part="contract")
    return Spouse(**spouse, language=_language(obj, "language", "spouse.language", as_of))


def _valid(result, as_of: date):
    """`result` while it counts on `as_of`, None once expired (or when there is none)."""
    if result is None or not result.taken_on_given or as_of <= language.result_expires(result.taken_on, as_of):
        return result
    return None


def _expiry_warning(path: str, result: language.LanguageResult, as_of: date) -> list:
    if _valid(result, as_of) is not None:
        return []
    years = rules.table("language.result_validity", as_of).lookup("all", "years")
    expired_on = language.result_expires(result.taken_on, as_of) + timedelta(days=1)
    return [warning("language_result_expired", join(path, "taken_on"), taken_on=result.taken_on.isoformat(),
                    as_of=as_of.isoformat(), years=years, expired_on=expired_on.isoformat())]
