"""The profile's field model: every field of the profile, its type, bounds or choices, default,
and when it applies. It is the one description of the profile; the rest derives from it:

- the validators of engine.profile, engine.assess_profile and engine.plan (`check`, `read`);
- the JSON schemas docs/contract/profile.schema.json and docs/profile.schema.json
  (`json_schema`, written by `python -m engine schema`; a test fails on any drift);
- the calculator form: the build ships `model(as_of)` to the page, whose options, bounds and
  visibility come from it (templates/calculator.html, static/js/calculator/form.js).

Choices that are rules (education levels, job offers, language tests, TEER categories) are read
from engine/data, so a new education level or language test is a data change plus its words.
A path is dotted; "N" stands for the index of a list item ("work_history.N.noc").
"""

import functools
import tomllib
from dataclasses import dataclass
from datetime import date
from importlib import resources

from . import rules
from .errors import ProfileError
from .validate import join, require_bool, require_date, require_enum, require_int, require_number

ABILITIES = ("listening", "reading", "writing", "speaking")
_NONE = object()  # no default: absent means "not given" (or "not answered")


@dataclass(frozen=True)
class Field:
    path: str
    type: str  # integer, number, boolean, choice, date, noc, currency, language, score, object, list
    part: str = "contract"  # "contract" (the contract's schema) or "assessment" (docs/profile.md)
    required: bool = False  # in the object that holds it
    default: object = _NONE
    nullable: bool = False  # JSON null is a value (e.g. no second language)
    min: float | str | None = None  # a date field's bounds are dates written YYYY-MM-DD
    max: float | str | None = None
    above: float | None = None  # exclusive minimum
    choices: str | None = None  # a key of CHOICES (an integer field may also have them, for the form)
    applies: str | None = None  # a key of CONDITIONS: the field counts only when it holds
    items: int | None = None  # most items of a list
    error: str | None = None  # a number field's error code for a value at or below `above`
    doc: str = ""  # what the field means, for the JSON schema (docs/profile.md says more)

    @functools.cached_property
    def name(self) -> str:
        return self.path.rpartition(".")[2]

    @property
    def has_default(self) -> bool:
        return self.default is not _NONE


def _keys(table_id: str) -> tuple:
    """Every key of a rules table, in file order, whatever the date."""
    return tuple(dict.fromkeys(row.key for row in rules.history(table_id).rows))


# name -> the allowed values, lowest first where they are levels.
CHOICES = {
    "education": lambda: _keys("crs.education"),
    "canadian_education": lambda: _keys("crs.canadian_education"),
    "job_offer": lambda: _keys("crs.job_offer"),
    "test": lambda: _keys("language.tests"),
    "country": lambda: ("canada", "abroad"),
    # Countries a person lived in (ISO 3166-1 alpha-2): the police certificates' table lists them.
    "country_code": lambda: _keys("documents.police_pages"),
    "person": lambda: ("principal", "spouse"),
    "teer": lambda: tuple(int(key) for key in _keys("programs.skilled_teer")),
}

# name -> a condition over the profile's values: {"field": path, "is": value} compares, {"field":
# path, "given": true} asks for an answer (an object, for "spouse"), {"all": [...]} joins.
CONDITIONS = {
    "spouse_given": {"field": "spouse", "given": True},
    # A spouse or partner is scored only when coming to Canada and not a citizen or PR.
    "spouse_counts": {"all": [{"field": "spouse", "given": True},
                              {"field": "spouse.accompanying", "is": True},
                              {"field": "spouse.canadian_citizen_or_pr", "is": False}]},
}

_WORK_YEARS = {"min": 0, "max": 60}
_CHILDREN = {"min": 0, "max": 30}
# Every date of the profile lies in these years: the engine adds periods of up to a few years
# to them and counts back ten, which stays far inside what Python's dates hold (years 1 to
# 9999), and the form bounds its date inputs with them. The calculation date starts later:
# on Express Entry's first day (engine.profile).
_CALENDAR = {"min": "1900-01-01", "max": "2099-12-31"}

FIELDS = (
    Field("as_of", "date", max=_CALENDAR["max"]),
    Field("age", "integer", required=True, min=0, max=120),
    Field("education", "choice", required=True, choices="education"),
    Field("canadian_education", "choice", default="none", choices="canadian_education"),
    Field("first_language", "language", required=True, nullable=True),
    Field("second_language", "language", nullable=True),
    Field("canadian_work_years", "integer", default=0, **_WORK_YEARS),
    Field("foreign_work_years", "integer", default=0, **_WORK_YEARS),
    Field("certificate_of_qualification", "boolean", default=False),
    Field("provincial_nomination", "boolean", default=False),
    Field("job_offer", "choice", default="none", choices="job_offer"),
    Field("sibling_in_canada", "boolean", default=False),
    Field("spouse", "object", default=None, nullable=True),
    Field("spouse.canadian_citizen_or_pr", "boolean", required=True, applies="spouse_given"),
    Field("spouse.accompanying", "boolean", required=True, applies="spouse_given"),
    Field("spouse.education", "choice", choices="education", applies="spouse_counts"),
    Field("spouse.language", "language", nullable=True, applies="spouse_counts"),
    Field("spouse.canadian_work_years", "integer", default=0, applies="spouse_counts", **_WORK_YEARS),
    Field("spouse.studied_in_canada_2_years", "boolean", part="assessment", applies="spouse_counts",
          doc="Your spouse or partner studied full-time in Canada for at least 2 academic years."),
    # The FSW grid's "spouse's past work in Canada" asks for a year in any occupation (the CRS's
    # spouse.canadian_work_years counts skilled work only): absent, it follows those years.
    Field("spouse.worked_in_canada_one_year", "boolean", part="assessment", applies="spouse_counts",
          doc="Your spouse or partner did at least 1 year of full-time work in Canada, in any occupation, "
              "while authorized to work. Absent: true when spouse.canadian_work_years is 1 or more, else not answered."),
    Field("work_history", "list", part="assessment", items=50,
          doc="Paid jobs in the last 10 years, one entry per job (or per change of hours)."),
    Field("work_history.N.noc", "noc", part="assessment", doc="NOC 2021 code (5 digits); its second digit is the TEER."),
    Field("work_history.N.teer", "integer", part="assessment", min=0, max=5, choices="teer"),
    Field("work_history.N.country", "choice", part="assessment", required=True, choices="country"),
    Field("work_history.N.start", "date", part="assessment", required=True, **_CALENDAR),
    Field("work_history.N.end", "date", part="assessment", nullable=True, **_CALENDAR,
          doc="Last day of work; null or absent while the job goes on."),
    Field("work_history.N.hours_per_week", "number", part="assessment", above=0, max=168, default=30, error="hours"),
    Field("work_history.N.self_employed", "boolean", part="assessment", default=False),
    Field("work_history.N.while_studying", "boolean", part="assessment", default=False,
          doc="Worked while a full-time student."),
    Field("job_offer_noc", "noc", part="assessment",
          doc="NOC 2021 code of the job offer (5 digits); FSTP checks that it is your trade."),
    Field("eca_issued_on", "date", part="assessment", **_CALENDAR, doc="Date the educational credential assessment report was issued."),
    Field("studied_in_canada_2_years", "boolean", part="assessment",
          doc="At least 2 academic years of full-time study in Canada (secondary or post-secondary)."),
    Field("relative_in_canada", "boolean", part="assessment",
          doc="You or your spouse have a parent, grandparent, child, grandchild, brother or sister, aunt or uncle, "
              "niece or nephew, 18 or older, citizen or permanent resident, living in Canada."),
    Field("authorized_to_work_in_canada", "boolean", part="assessment", doc="You are currently authorized to work in Canada."),
    Field("settlement_funds", "number", part="assessment", min=0, max=1_000_000_000,
          doc="Funds you can show, in Canadian dollars (not borrowed, not home equity)."),
    Field("children_accompanying", "integer", part="assessment", default=0, **_CHILDREN,
          doc="Dependent children (yours and your spouse's) who will come with you."),
    Field("children_not_accompanying", "integer", part="assessment", default=0, **_CHILDREN,
          doc="Dependent children (yours and your spouse's) who will not come with you."),
    Field("plans_to_live_in_quebec", "boolean", part="assessment",
          doc="You plan to live in Quebec (the three federal programs exclude it)."),
    Field("date_of_birth", "date", part="assessment", **_CALENDAR,
          doc="Date of birth of the principal applicant: it must agree with `age` on `as_of`; the timeline "
              "then knows each birthday."),
    Field("children_18_or_older", "integer", part="assessment", default=0, **_CHILDREN,
          doc="How many of the dependent children (accompanying or not) are 18 or older (police certificates)."),
    Field("countries_lived", "list", part="assessment", items=30,
          doc="Countries other than Canada where the principal applicant or the spouse lived, one entry per stay."),
    Field("countries_lived.N.country", "choice", part="assessment", required=True, choices="country_code",
          doc="ISO 3166-1 alpha-2 code of the country."),
    Field("countries_lived.N.person", "choice", part="assessment", default="principal", choices="person"),
    Field("countries_lived.N.start", "date", part="assessment", required=True, **_CALENDAR),
    Field("countries_lived.N.end", "date", part="assessment", nullable=True, **_CALENDAR,
          doc="Last day there; null or absent while the person still lives there."),
    Field("currency", "currency", part="assessment",
          doc="ISO 4217 code of the person's own currency (3 letters), to show money in it too."),
    Field("currency_rate", "number", part="assessment", above=0, max=1_000_000, error="rate",
          doc="How many units of `currency` one Canadian dollar buys today, as the person reads it."),
    Field("profile_submitted_on", "date", part="assessment", **_CALENDAR, doc="Date the Express Entry profile was submitted."),
    Field("ita_received_on", "date", part="assessment", **_CALENDAR, doc="Date of the invitation to apply."),
    Field("medical_exam_on", "date", part="assessment", **_CALENDAR,
          doc="Date of the immigration medical exam (since 2025-08-21 done before the application is submitted, "
              "inside the time to apply after the invitation)."),
    Field("medical_instructions_on", "date", part="assessment", **_CALENDAR,
          doc="Date IRCC sent medical exam instructions after an application (the order before 2025-08-21); "
              "it gives no time limit."),
    Field("biometrics_instructions_on", "date", part="assessment", **_CALENDAR, doc="Date of the biometric instruction letter."),
)
# The fields of one language result (each language field holds an object of these, or null).
LANGUAGE_FIELDS = (
    Field("test", "choice", required=True, choices="test"),
    *(Field(ability, "score", required=True, min=0) for ability in ABILITIES),
    Field("taken_on", "date", **_CALENDAR),
)
BY_PATH = {f.path: f for f in FIELDS}


@functools.cache
def choices(name: str) -> tuple:
    return CHOICES[name]()


@functools.cache
def children(path: str, part: str | None = None) -> tuple:
    """The fields directly inside the object or list item at `path` ("" for the profile)."""
    prefix = path + "." if path else ""
    return tuple(f for f in FIELDS if f.path.startswith(prefix) and "." not in f.path[len(prefix):]
                 and (part is None or f.part == part))


def names(path: str, part: str | None = None) -> tuple:
    return tuple(f.name for f in children(path, part))


@functools.cache
def required(path: str) -> tuple:
    """The names of the fields the object at `path` must hold."""
    return tuple(f.name for f in children(path) if f.required)


@functools.cache
def unit_groups() -> frozenset:
    """The codes of the NOC 2021 unit groups (engine/data/classification/noc2021.toml)."""
    text = resources.files(__package__).joinpath("data", "classification", "noc2021.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(text)["unit_groups"])


def _noc(where, value) -> str:
    if not (isinstance(value, str) and len(value) == 5 and value.isascii() and value.isdigit()):
        raise ProfileError(where, "noc", got=value)
    if value not in unit_groups():  # five digits, but no such occupation (its TEER digit may be 6-9)
        raise ProfileError(where, "noc_unknown", {"noc": value}, got=value)
    return value


def _currency(where, value) -> str:
    if not (isinstance(value, str) and len(value) == 3 and value.isascii() and value.isalpha()):
        raise ProfileError(where, "currency", got=value)
    return value.upper()


def check(path: str, value, where: str | None = None):
    """`value` checked against the field at `path` (its type, bounds or choices), in normal
    form; a ProfileError names `where` (the actual path, e.g. "work_history.3.teer")."""
    return validator(path)(where or path, value)


@functools.cache
def validator(path: str):
    """The check of one field, (where, value) -> value, built once (profiles are read often)."""
    return _validator(BY_PATH[path])


@functools.cache
def language_validator(name: str):
    """The check of one field of a language result ("taken_on"), as `validator`."""
    return _validator(next(f for f in LANGUAGE_FIELDS if f.name == name))


def _validator(field: Field):
    path = field.path
    if field.type == "integer":
        return functools.partial(require_int, lo=field.min, hi=field.max)
    if field.type == "number" and field.above is not None:
        def above(where, value):
            if field.error != "hours" and type(value) in (int, float) and value <= field.above:
                raise ProfileError(where, field.error, {"max": field.max}, got=value)
            number = require_number(where, value, field.above, field.max)
            if number == field.above:
                raise ProfileError(where, field.error, {"max": field.max}, got=value)
            return number
        return above
    if field.type == "number":
        return functools.partial(require_number, lo=field.min, hi=field.max)
    if field.type == "boolean":
        return require_bool
    if field.type == "choice":
        allowed = frozenset(choices(field.choices))
        return lambda where, value: value if type(value) is str and value in allowed else require_enum(
            where, value, choices(field.choices))
    if field.type == "date":
        bounds = {key: date.fromisoformat(getattr(field, name)) for key, name in (("lo", "min"), ("hi", "max"))
                  if getattr(field, name) is not None}
        return functools.partial(require_date, **bounds)
    if field.type == "noc":
        return _noc
    if field.type == "currency":
        return _currency
    raise ValueError(f"{path}: a {field.type} field has its own reader")  # a bug in the caller


def read(obj: dict, path: str, where: str = ""):
    """The field `path` of `obj` checked, or its default when absent (None for a field with
    no default). `where` is the path of `obj` in the profile."""
    name, validate, default, nullable = _reader(path)
    value = obj.get(name, _NONE)
    if value is _NONE:
        return default
    if value is None and nullable:
        return None
    return validate(f"{where}.{name}" if where else name, value)


@functools.cache
def _reader(path: str) -> tuple:
    field = BY_PATH[path]
    return field.name, validator(path), field.default if field.has_default else None, field.nullable


@functools.cache
def _scalars(path: str, part: str | None) -> tuple:
    """(name, check, default, nullable) of each field of the object at `path` that one
    validator checks (not a language result, object or list), prepared once."""
    return tuple((f.name, validator(f.path), f.default if f.has_default else None, f.nullable)
                 for f in children(path, part) if f.type not in ("language", "object", "list"))


def read_scalars(obj: dict, path: str, where: str = "", part: str | None = None, defaults: bool = True) -> dict:
    """{name: value} of the fields of `obj` (the object at `path`; at `where` in the profile)
    that one validator checks, each checked or, when absent, its default (None without
    `defaults`): the reader of every object of the profile."""
    out = {}
    for name, validate, default, nullable in _scalars(path, part):
        value = obj.get(name, _NONE)
        if value is _NONE:
            out[name] = default if defaults else None
        elif value is None and nullable:
            out[name] = None
        else:
            out[name] = validate(f"{where}.{name}" if where else name, value)
    return out


def holds(name: str, values) -> bool:
    """Whether condition `name` holds for `values`, a mapping of field path -> value (an
    object for a given object, None or absent when not given)."""
    return _holds(CONDITIONS[name], values)


def _holds(condition: dict, values) -> bool:
    if "all" in condition:
        return all(_holds(part, values) for part in condition["all"])
    value = values.get(condition["field"])
    if "given" in condition:
        return (value is not None) is condition["given"]
    return value is condition["is"] if isinstance(condition["is"], bool) else value == condition["is"]


# --- the JSON schemas ----------------------------------------------------------------------

_SHARED = {"education": "education"}  # choice lists written once in $defs
_LIST_ITEMS = {"work_history": "job", "countries_lived": "stay"}  # each list's item, in $defs


def _property(field: Field) -> dict:
    if field.type == "choice" and field.choices in _SHARED:
        prop = {"$ref": f"#/$defs/{_SHARED[field.choices]}"}
    elif field.type == "choice":
        prop = {"enum": list(choices(field.choices))}
    elif field.type == "language":
        prop = {"$ref": "#/$defs/language_or_null"}
    elif field.type == "date":
        prop = {"type": "string", "format": "date"}
    elif field.type == "noc":
        prop = {"type": "string", "pattern": "^[0-9]{5}$"}
    elif field.type == "currency":
        prop = {"type": "string", "pattern": "^[A-Za-z]{3}$"}
    elif field.type == "score":
        prop = {"type": "number", "minimum": field.min}
    else:
        prop = {"type": field.type}
        for key, bound in (("exclusiveMinimum", field.above), ("minimum", field.min), ("maximum", field.max)):
            if bound is not None:
                prop[key] = bound
    if field.nullable and field.type == "date":
        prop = {"oneOf": [{"type": "null"}, prop]}
    if field.has_default:
        prop["default"] = field.default
    if field.doc:
        prop["description"] = field.doc
    return prop


def _object(path: str, parts: tuple) -> dict:
    fields = [f for f in children(path) if f.part in parts]
    schema = {"type": "object"}
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    props = {}
    for field in fields:
        if field.type == "object":
            inner = _object(field.path, parts)
            props[field.name] = {"oneOf": [{"type": "null"}, inner], "default": None}
        elif field.type == "list":
            props[field.name] = {"description": field.doc, "type": "array", "maxItems": field.items,
                                 "items": {"$ref": f"#/$defs/{_LIST_ITEMS[field.path]}"}}
        else:
            props[field.name] = _property(field)
    schema["properties"] = props
    return schema


def json_schema(part: str = "contract") -> dict:
    """The JSON Schema of the profile: the contract's ("contract"), or with the assessment's
    optional fields ("assessment", docs/profile.schema.json)."""
    parts = ("contract",) if part == "contract" else ("contract", "assessment")
    top = _object("", parts)
    language = {"type": "object", "required": [f.name for f in LANGUAGE_FIELDS if f.required],
                "properties": {f.name: _property(f) for f in LANGUAGE_FIELDS}, "additionalProperties": False}
    defs = {"education": {"enum": list(choices("education"))},
            "language_or_null": {"oneOf": [{"type": "null"}, language]}}
    head = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    if part == "contract":
        head["title"] = "Express Entry CRS profile"
    else:
        head["$comment"] = ("The project's profile: docs/contract/profile.schema.json (unchanged) plus the optional fields "
                            "of the full assessment (eligibility, funds, fees, deadlines), described in docs/profile.md.")
        head["title"] = "Express Entry profile (CRS and full assessment)"
        job = _object("work_history.N", parts)
        job["anyOf"] = [{"required": ["noc"]}, {"required": ["teer"]}]
        job["additionalProperties"] = False
        defs["job"] = {key: job[key] for key in ("type", "required", "anyOf", "properties", "additionalProperties")}
        stay = _object("countries_lived.N", parts)
        defs["stay"] = {**stay, "additionalProperties": False}
    return {**head, **top, "$defs": defs}


# --- the model the page reads --------------------------------------------------------------

def _entry(field: Field) -> dict:
    entry = {"path": field.path, "type": field.type}
    for key in ("part", "required", "nullable", "min", "max", "above", "choices", "applies", "items"):
        value = getattr(field, key)
        if value is not None and value is not False:
            entry[key] = value
    if field.has_default:
        entry["default"] = field.default
    return entry


def scales(test: str, as_of: date) -> dict:
    """{ability: {"min", "max", "step"}}: the scores `test` reports under the chart in force."""
    from .language import chart

    found = chart(test, as_of)
    return dict(zip(ABILITIES, (dict(scale) for scale in found.scales)))


def model(as_of: date) -> dict:
    """The field model as data for the page, with the language tests accepted on `as_of`,
    the scores each reports and which give CLB/NCLC levels directly."""
    direct = {row.key for row in rules.table("language.levels", as_of).rows}
    tests = [{"key": row.key, "official_language": row.values["official_language"], "levels": row.key in direct,
              "scales": scales(row.key, as_of)}
             for row in rules.table("language.tests", as_of).rows]
    from .profile import earliest_as_of

    entries = [_entry(f) for f in FIELDS]
    entries[0]["min"] = earliest_as_of().isoformat()  # as_of: the rules start with Express Entry
    return {
        "fields": entries,
        "language_fields": [_entry(f) for f in LANGUAGE_FIELDS],
        "choices": {name: list(choices(name)) for name in CHOICES},
        "conditions": CONDITIONS,
        "tests": tests,
    }
