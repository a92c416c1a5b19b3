"""Language test results: validation and conversion to CLB (English) / NCLC (French) levels.

The charts are the "ranges" tables of engine/data/language.toml; the chart in force on the
day the test was taken (`taken_on`, default: the profile's `as_of`) is used. A score the
test can report but that lies below the chart's lowest range is level 0.
"""

import functools
from dataclasses import dataclass
from datetime import date

from . import fields, rules
from .deadlines import add_period
from .errors import ProfileError
from .fields import ABILITIES
from .validate import join, require_enum, require_object

FIELDS = tuple(f.name for f in fields.LANGUAGE_FIELDS)
REQUIRED = tuple(f.name for f in fields.LANGUAGE_FIELDS if f.required)
ALLOWED = dict.fromkeys(FIELDS)  # ordered (for messages) with constant-time membership


@dataclass(frozen=True)
class Chart:
    """Every score one test can report in one period, mapped to its level, per ability."""

    test: str
    official_language: str  # "english" or "french"
    table_id: str | None  # None for levels given directly (clb, nclc)
    levels: tuple  # per ability, in ABILITIES order: {score: level}
    scales: tuple  # per ability: {"min", "max", "step"} of the scores the test reports


@dataclass(frozen=True)
class LanguageResult:
    test: str
    official_language: str
    levels: dict  # ability -> CLB/NCLC level
    taken_on: date
    taken_on_given: bool
    chart: str | None  # table id of the equivalency chart used, None for levels given directly

    @property
    def lowest(self) -> int:
        return min(self.levels.values())


class NotAccepted(LookupError):
    """The test was not accepted (or has no chart) on the day it was taken: a ProfileError
    code and its params."""

    def __init__(self, code: str, params: dict):
        super().__init__(code)
        self.code, self.params = code, params


def _plain(x):
    """A score bound as JSON writes it: 9.0 -> 9."""
    return int(x) if float(x).is_integer() else x


def _scale(lo, hi, step) -> dict:
    return {"min": _plain(lo), "max": _plain(hi), "step": _plain(step)}


def _scores(lo, hi, step) -> list:
    """Every score from lo to hi, counted in whole steps so that 0.5 steps stay exact."""
    if step == 1:
        return list(range(int(lo), int(hi) + 1))
    return [n * step for n in range(round(lo / step), round(hi / step) + 1)]


@functools.lru_cache(maxsize=8192)
def chart(test: str, taken_on: date) -> Chart:
    """The chart for `test` taken on `taken_on`; raises NotAccepted if there is none."""
    return _chart(test, rules.in_force_since(_tables_of(test), taken_on))


@functools.cache
def _tables_of(test: str) -> tuple:
    """The tables that decide how `test` is read: acceptance, direct levels, its chart if any."""
    chart_id = f"language.{test}"
    return ("language.tests", "language.levels") + ((chart_id,) if chart_id in rules.table_ids() else ())


@functools.lru_cache(maxsize=256)
def _chart(test: str, taken_on: date) -> Chart:
    """Built once per period in which the test's tables did not change."""
    accepted = rules.table("language.tests", taken_on)
    try:
        test_row = accepted.row_for(test)
    except LookupError:
        raise _not_accepted(test, [r.effective_from for r in rules.history("language.tests").rows if r.key == test]) from None
    official = test_row.values["official_language"]

    direct = rules.table("language.levels", taken_on)
    if any(r.key == test for r in direct.rows):
        lo, hi = (direct.lookup(test, c) for c in ("lowest", "highest"))
        mapping = {level: level for level in _scores(lo, hi, 1)}
        return Chart(test, official, None, (mapping,) * 4, (_scale(lo, hi, 1),) * 4)

    table = rules.table(f"language.{test}", taken_on)
    if not table.rows:
        raise _not_accepted(test, [r.effective_from for r in rules.history(table.id).rows])
    return _convert(test, official, table)


def _not_accepted(test, starts) -> NotAccepted:
    if not starts:
        return NotAccepted("test_without_chart", {"test": test})
    return NotAccepted("test_not_accepted", {"test": test, "since": min(starts).isoformat()})


def _convert(test, official, table) -> Chart:
    step = table.attrs["step"]
    maps, scales = [], []
    for i, ability in enumerate(ABILITIES):
        ranges = [(r.values[ability][0], r.values[ability][1], r.key) for r in table.rows]
        lo, hi = table.attrs["lowest"][i], max(r[1] for r in ranges)
        floor = min(r[0] for r in ranges)
        mapping = {}
        for score in _scores(lo, hi, step):
            level = next((key for low, high, key in ranges if low <= score <= high), None)
            if level is None:
                if score >= floor:
                    raise rules.RulesDataError(f"{table.id}: {ability} score {score} falls between two ranges")
                level = 0
            mapping[score] = level
        maps.append(mapping)
        scales.append(_scale(lo, hi, step))
    return Chart(test, official, table.id, tuple(maps), tuple(scales))


def parse(path: str, value, as_of: date) -> LanguageResult | None:
    """Validate one language result object (or null) and convert its scores to levels."""
    if value is None:
        return None
    paths = _paths(path)
    obj = require_object(path, value, required=REQUIRED, allowed=ALLOWED)
    test = require_enum(paths["test"], obj["test"], fields.choices("test"))
    if "taken_on" in obj:
        taken_on = fields.language_validator("taken_on")(paths["taken_on"], obj["taken_on"])
        if taken_on > as_of:
            raise ProfileError(paths["taken_on"], "taken_after_as_of", {"max": as_of.isoformat()}, got=obj["taken_on"])
        given = True
    else:
        taken_on, given = as_of, False
    try:
        found = chart(test, taken_on)
    except NotAccepted as exc:
        where = paths["taken_on" if given else "test"]
        raise ProfileError(where, exc.code, {**exc.params, "taken_on": taken_on.isoformat()}) from None
    levels = {}
    for i, ability in enumerate(ABILITIES):
        score = obj[ability]
        level = found.levels[i].get(score) if type(score) in (int, float) else None
        if level is None:
            scale = found.scales[i]
            code = "score" if scale["step"] == 1 else "score_step"
            params = {"test": test, **scale}
            if _has_eras(found.table_id):
                code, params["taken_on"] = code + "_on_chart", taken_on.isoformat()
            raise ProfileError(paths[ability], code, params, got=score)
        levels[ability] = level
    return LanguageResult(test, found.official_language, levels, taken_on, given, found.table_id)


@functools.lru_cache(maxsize=64)
def _paths(path: str) -> dict:
    """The dotted path of each field of a language object at `path` (built once per path)."""
    return {name: join(path, name) for name in FIELDS}


def _has_eras(table_id) -> bool:
    """Whether the chart has changed over time (then error messages name the period)."""
    return table_id is not None and any(r.effective_to for r in rules.history(table_id).rows)


def result_expires(taken_on: date, as_of: date) -> date:
    """The last day a result taken on `taken_on` still counts."""
    years = rules.table("language.result_validity", as_of).lookup("all", "years")
    return add_period(taken_on, years=years)
