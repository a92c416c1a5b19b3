"""The Comprehensive Ranking System score, computed from the dated tables of crs.toml.

Each factor is a table of crs.toml that names its `section` and the profile quantity it reads
(`input`; a grid's columns read `column_input`, a language factor scores each ability); a
transferability factor names the cap `group` it shares. Python holds only how those
quantities come from the profile (`inputs`) and how sections add up; every number comes from
engine/data. A value that no row of a factor matches on a day (a factor not yet in force)
scores nothing. The tables in force on a day are indexed once per period and column
(`scoring_tables`), so scoring many profiles on one date is a few dict lookups per factor.
"""

import functools
from dataclasses import dataclass
from datetime import date

from . import fields, rules
from . import profile as profiles
from .experience import with_work_years
from .fields import ABILITIES
from .notices import warning

SECTIONS = ("core", "spouse", "transferability", "additional")
WITH, WITHOUT = "with_spouse", "without_spouse"

# The quantities a factor may read from a profile (its `input` and `column_input` name them),
# in the order `inputs` gives them.
INPUTS = ("age", "education", "canadian_education", "first_language", "second_language", "canadian_work_years",
          "foreign_work_years", "certificate_of_qualification", "provincial_nomination", "job_offer",
          "sibling_in_canada", "spouse.education", "spouse.language", "spouse.canadian_work_years",
          "first_language.lowest", "french.lowest", "english.lowest")


def inputs(p: profiles.Profile, spouse) -> tuple:
    """The INPUTS of a profile, read once per score (a tuple: the score's loop indexes it). The
    spouse's count only for a spouse who comes along and is not a citizen or PR (`spouse` is
    None otherwise: no row matches, the factor scores 0); a grid's language column reads the
    lowest first-official-language level."""
    first = p.first_language
    return (p.age, p.education, p.canadian_education, first, p.second_language, p.canadian_work_years,
            p.foreign_work_years, p.certificate_of_qualification, p.provincial_nomination, p.job_offer,
            p.sibling_in_canada, spouse and spouse.education, spouse and spouse.language,
            spouse and spouse.canadian_work_years, first.lowest if first else 0, _lowest(p, "french"),
            _lowest(p, "english"), None)


def _lowest(p: profiles.Profile, official: str) -> int:
    result = p.language_in(official)
    return result.lowest if result else 0


@dataclass(frozen=True)
class Factor:
    name: str
    section: str
    table: str  # table id
    kind: str  # "one" (one row for the value), "ability" (a row per ability, summed), "grid"
    input: str  # one of INPUTS
    column_input: str | None  # a grid's second quantity (its columns are bands of it)
    group: str | None  # the cap (in crs.caps) it shares with the other factors of its group


@functools.cache
def factors() -> tuple:
    """Every CRS factor, in the order of crs.toml (the order of the result's lines)."""
    found = []
    for table_id in [t for t in rules.tables_of("crs") if "section" in rules.history(t).attrs]:
        attrs = rules.history(table_id).attrs
        kind = "ability" if attrs.get("per_ability") else "grid" if "column_input" in attrs else "one"
        found.append(Factor(attrs.get("factor", table_id.partition(".")[2]), attrs["section"], table_id, kind,
                            attrs["input"], attrs.get("column_input"), attrs.get("group")))
    return tuple(found)


@functools.cache
def groups() -> dict:
    """Cap key in crs.caps -> the transferability factors it caps together."""
    found = {}
    for factor in factors():
        if factor.group:
            found.setdefault(factor.group, []).append(factor.name)
    return {group: tuple(names) for group, names in found.items()}


@dataclass(frozen=True)
class ScoringTables:
    """The CRS tables in force on one day, for one column (with or without a spouse), indexed.

    entries[factor] maps a lookup key to (points, pick), where pick is the explanation of that
    row for the result's `lines` (copied into each result). Keys: the factor's value for "one"
    and "grid" ((value, column name) for "grid"); for "ability", the level maps to one
    (points, pick) per ability in ABILITIES order.
    """

    day: date
    column: str
    entries: dict
    heads: dict  # factor -> the fixed part of its line (factor, section, max, table, column)
    grid_columns: dict  # grid factor -> {second quantity: column name}
    grid_tables: dict  # grid factor -> table (for a second quantity outside grid_columns)
    caps: dict  # cap key in crs.caps -> points
    notices: tuple  # (field, when, the warning) of each notice in force
    result_caps: dict  # the caps reported with each result


def _rows_by_value(table: rules.Table):
    if table.kind == "bands":
        return [(x, row) for row in table.rows for x in range(int(row.min), int(row.max) + 1)]
    return [(row.key, row) for row in table.rows]


def _pick(row: rules.Row, points, ability=None) -> dict:
    pick = {"row": row.id, "points": points}
    if ability is not None:
        pick["ability"] = ability
    if row.status:
        pick["status"] = row.status
    return pick


@functools.cache
def _tables() -> tuple:
    return tuple(sorted({f.table for f in factors()} | {"crs.caps", "notices.notices"}))


@functools.lru_cache(maxsize=8192)
def scoring_tables(day: date, with_spouse: bool) -> ScoringTables:
    """The indexed tables for `day`: built once per period in which the CRS tables did not change."""
    return _scoring_tables(rules.in_force_since(_tables(), day), with_spouse)


@functools.lru_cache(maxsize=256)
def _scoring_tables(day: date, with_spouse: bool) -> ScoringTables:
    column = WITH if with_spouse else WITHOUT
    caps = {row.key: row.values[column] for row in rules.table("crs.caps", day).rows}
    entries, heads, grid_columns, grid_tables = {}, {}, {}, {}
    for factor in factors():
        name, table = factor.name, rules.table(factor.table, day)
        own = column if column in table.columns else table.columns[0]
        values = _rows_by_value(table)
        if factor.kind == "one":
            entries[name] = {key: (row.values[own], _pick(row, row.values[own])) for key, row in values}
            most = max((row.values[own] for _, row in values), default=0)
        elif factor.kind == "ability":
            entries[name] = {key: tuple((row.values[own], _pick(row, row.values[own], a)) for a in ABILITIES) for key, row in values}
            most = len(ABILITIES) * max((row.values[own] for _, row in values), default=0)
        else:
            entries[name] = {(key, c): (row.values[c], _pick(row, row.values[c])) for key, row in values for c in table.columns}
            most = max((v for _, row in values for v in row.values.values()), default=0)
            # the second quantity is a CLB level (0-12) or years of work (0 to the field's maximum)
            most_years = fields.BY_PATH["canadian_work_years"].max
            grid_columns[name] = {y: table.column_for(y) for y in range(0, most_years + 1)}
            grid_tables[name] = table
        heads[name] = {
            "factor": name,
            "section": factor.section,
            "max": min(most, caps.get(name, most), caps[factor.section]),
            "table": factor.table,
            "column": own if factor.kind != "grid" else None,
        }
        if factor.kind == "ability":
            heads[name]["chart"] = None  # the equivalency chart that gave the levels, if any
    notices = tuple((row.values["field"], row.values["when"], _notice(row))
                    for row in rules.table("notices.notices", day).rows)
    result_caps = {key: caps[key] for key in (*SECTIONS, *groups())}
    return ScoringTables(day, column, entries, heads, grid_columns, grid_tables, caps, notices, result_caps)


def crs_score(raw) -> dict:
    """Score a contract profile (a JSON object as a dict); see docs/contract/README.md. With a job
    list (`work_history`), the years of work are counted from it, as the page counts them."""
    return score(profiles.parse(with_work_years(raw)[0]))


@functools.cache
def _steps() -> tuple:
    """(name, how it scores, input, column input, the section it adds to or None when its
    group's cap decides) for each factor: the score's loop, prepared once."""
    scorer = {"one": _one, "ability": _abilities, "grid": _grid}
    at = {name: i for i, name in enumerate(INPUTS)} | {None: len(INPUTS)}  # the last is None
    return tuple((f.name, scorer[f.kind], at[f.input], at[f.column_input]) for f in factors())


@functools.cache
def _sums() -> tuple:
    """(section, the factors it adds up, the capped groups it adds up) for each section."""
    return tuple((section, tuple(f.name for f in factors() if f.section == section and not f.group),
                  tuple((group, names) for group, names in groups().items()
                        if any(f.section == section for f in factors() if f.name in names)))
                 for section in SECTIONS)


def score(p: profiles.Profile) -> dict:
    """The score as IRCC counts it on `as_of` (an expired language result scores nothing); with
    an expired result, `total_if_retaken` is the total the same results would give if valid."""
    valid = p.current()
    result = _score(valid, p.warnings)
    if valid is not p:
        result["total_if_retaken"] = _score(p, ())["total"]
        result["clb"] = _levels(p)  # the levels of the results given, counted or not
    return result


def _levels(p: profiles.Profile) -> dict:
    spouse = p.spouse if p.with_spouse else None
    return {
        "first": dict(p.first_language.levels) if p.first_language else None,
        "second": dict(p.second_language.levels) if p.second_language else None,
        "spouse": dict(spouse.language.levels) if spouse and spouse.language else None,
    }


def _score(p: profiles.Profile, warnings: tuple) -> dict:
    with_spouse = p.with_spouse
    r = scoring_tables(p.as_of, with_spouse)
    spouse = p.spouse if with_spouse else None
    values = inputs(p, spouse)
    lines, points = [], {}
    for name, scored, value, column in _steps():
        points[name] = scored(r, lines, name, values[value], values[column])
    caps = r.caps
    sections = {}
    for section, members, capped in _sums():
        total = sum([points[f] for f in members])
        for group, names in capped:
            total += min(sum([points[f] for f in names]), caps[group])
        sections[section] = min(total, caps[section])

    return {
        "total": sum(sections.values()),
        "as_of": p.as_of.isoformat(),
        "sections": sections,
        "factors": points,
        "clb": _levels(p),
        "warnings": list(warnings) + _notices(r, p),
        "lines": lines,
        "caps": r.result_caps.copy(),
    }


def _line(r: ScoringTables, lines: list, factor: str, points: int, rows: list) -> int:
    lines.append({**r.heads[factor], "points": points, "rows": rows})
    return points


def _one(r: ScoringTables, lines: list, factor: str, value, _column=None) -> int:
    entries = r.entries[factor]
    if value not in entries:  # no row in force for this value: the factor scores nothing
        return _line(r, lines, factor, 0, [])
    points, pick = entries[value]
    lines.append({**r.heads[factor], "points": points, "rows": [pick.copy()]})
    return points


def _abilities(r: ScoringTables, lines: list, factor: str, result, _column=None) -> int:
    if result is None:
        return _line(r, lines, factor, 0, [])
    entries, levels, total, rows = r.entries[factor], result.levels, 0, []
    for i, ability in enumerate(ABILITIES):
        level = levels[ability]
        if level in entries:
            points, pick = entries[level][i]
            total += points
            rows.append(pick.copy())
    cap = r.caps.get(factor)
    points = total if cap is None else min(total, cap)
    lines.append({**r.heads[factor], "points": points, "rows": rows, "chart": result.chart})
    return points


def _grid(r: ScoringTables, lines: list, factor: str, value, second) -> int:
    column = r.grid_columns[factor].get(second) or r.grid_tables[factor].column_for(second)
    entries, key = r.entries[factor], (value, column)
    if key not in entries:
        return _line(r, lines, factor, 0, [])
    points, pick = entries[key]
    lines.append({**r.heads[factor], "column": column, "points": points, "rows": [pick.copy()]})
    return points


def _notice(row: rules.Row) -> dict:
    """A notice as a warning: its code, its field and its dates (the page words it)."""
    notice = warning(row.key, row.values["field"], since=row.values["since"].isoformat(),
                     **{"from": row.effective_from.isoformat(),
                        "until": row.effective_to.isoformat() if row.effective_to else None})
    if row.status:
        notice["status"] = row.status
    return notice


def _notices(r: ScoringTables, p: profiles.Profile) -> list:
    """Notices in force: "always", or "given" when the field holds more than its default."""
    return [
        dict(notice)
        for field, when, notice in r.notices
        if when == "always" or getattr(p, field, None) not in (None, False, 0, "none")
    ]
