"""The Comprehensive Ranking System score, computed from the dated tables of crs.toml.

Python here holds only the shape of the calculation (which table feeds which factor,
which caps apply where); every number comes from engine/data. The tables in force on a
day are indexed once per period and column (`scoring_tables`), so scoring many profiles on one date
is a few dict lookups per factor.
"""

import functools
from dataclasses import dataclass
from datetime import date

from . import fields, rules
from . import profile as profiles
from .fields import ABILITIES

SECTIONS = ("core", "spouse", "transferability", "additional")
WITH, WITHOUT = "with_spouse", "without_spouse"

# factor name -> (section, table id, kind). Kinds: "one" (one row for the factor's value),
# "ability" (one row per language ability, summed), "grid" (the table's columns are bands of a
# second quantity, see rules.Table.column_for).
FACTORS = {
    "age": ("core", "crs.age", "one"),
    "education": ("core", "crs.education", "one"),
    "first_language": ("core", "crs.first_language", "ability"),
    "second_language": ("core", "crs.second_language", "ability"),
    "canadian_work": ("core", "crs.canadian_work", "one"),
    "spouse_education": ("spouse", "crs.spouse_education", "one"),
    "spouse_language": ("spouse", "crs.spouse_language", "ability"),
    "spouse_canadian_work": ("spouse", "crs.spouse_canadian_work", "one"),
    "education_language": ("transferability", "crs.education_language", "grid"),
    "education_canadian_work": ("transferability", "crs.education_canadian_work", "grid"),
    "foreign_work_language": ("transferability", "crs.foreign_work_language", "grid"),
    "foreign_work_canadian_work": ("transferability", "crs.foreign_work_canadian_work", "grid"),
    "certificate_of_qualification": ("transferability", "crs.certificate_language", "grid"),
    "provincial_nomination": ("additional", "crs.provincial_nomination", "one"),
    "canadian_education": ("additional", "crs.canadian_education", "one"),
    "french": ("additional", "crs.french", "grid"),
    "sibling": ("additional", "crs.sibling", "one"),
    "job_offer": ("additional", "crs.job_offer", "one"),
}
# Transferability factors are capped in groups (cap key in crs.caps -> its factors).
GROUPS = {
    "education_group": ("education_language", "education_canadian_work"),
    "foreign_work_group": ("foreign_work_language", "foreign_work_canadian_work"),
    "certificate_group": ("certificate_of_qualification",),
}
# Sections that are the plain sum of their factors (transferability sums its capped groups).
_SUMMED = {s: tuple(f for f, (section, _, _) in FACTORS.items() if section == s) for s in SECTIONS if s != "transferability"}


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


_TABLES = tuple(sorted({tid for _, tid, _ in FACTORS.values()} | {"crs.caps", "notices.notices"}))


@functools.lru_cache(maxsize=8192)
def scoring_tables(day: date, with_spouse: bool) -> ScoringTables:
    """The indexed tables for `day`: built once per period in which the CRS tables did not change."""
    return _scoring_tables(rules.in_force_since(_TABLES, day), with_spouse)


@functools.lru_cache(maxsize=256)
def _scoring_tables(day: date, with_spouse: bool) -> ScoringTables:
    column = WITH if with_spouse else WITHOUT
    caps = {row.key: row.values[column] for row in rules.table("crs.caps", day).rows}
    entries, heads, grid_columns, grid_tables = {}, {}, {}, {}
    for factor, (section, table_id, kind) in FACTORS.items():
        table = rules.table(table_id, day)
        own = column if column in table.columns else table.columns[0]
        values = _rows_by_value(table)
        if kind == "one":
            entries[factor] = {key: (row.values[own], _pick(row, row.values[own])) for key, row in values}
            most = max((row.values[own] for _, row in values), default=0)
        elif kind == "ability":
            entries[factor] = {key: tuple((row.values[own], _pick(row, row.values[own], a)) for a in ABILITIES) for key, row in values}
            most = len(ABILITIES) * max((row.values[own] for _, row in values), default=0)
        else:
            entries[factor] = {(key, c): (row.values[c], _pick(row, row.values[c])) for key, row in values for c in table.columns}
            most = max((v for _, row in values for v in row.values.values()), default=0)
            # the second quantity is a CLB level (0-12) or years of work (0 to the field's maximum)
            most_years = fields.BY_PATH["canadian_work_years"].max
            grid_columns[factor] = {y: table.column_for(y) for y in range(0, most_years + 1)}
            grid_tables[factor] = table
        heads[factor] = {
            "factor": factor,
            "section": section,
            "max": min(most, caps.get(factor, most), caps[section]),
            "table": table_id,
            "column": own if kind != "grid" else None,
        }
        if kind == "ability":
            heads[factor]["chart"] = None  # the equivalency chart that gave the levels, if any
    notices = tuple((row.values["field"], row.values["when"], _notice(row))
                    for row in rules.table("notices.notices", day).rows)
    result_caps = {key: caps[key] for key in (*SECTIONS, *GROUPS)}
    return ScoringTables(day, column, entries, heads, grid_columns, grid_tables, caps, notices, result_caps)


def crs_score(raw) -> dict:
    """Score a contract profile (a JSON object as a dict); see docs/contract/README.md."""
    return score(profiles.parse(raw))


def score(p: profiles.Profile) -> dict:
    r = scoring_tables(p.as_of, p.with_spouse)
    lines = []
    try:
        factors = _factors(r, p, lines)
    except KeyError as exc:  # a value the data does not cover: a gap in engine/data, not bad input
        raise rules.RulesDataError(f"crs tables in force on {p.as_of}: no row for {exc}") from None

    caps = r.caps
    sums = {section: sum([factors[f] for f in members]) for section, members in _SUMMED.items()}
    sums["transferability"] = sum([min(sum([factors[f] for f in members]), caps[group]) for group, members in GROUPS.items()])
    sections = {s: min(sums[s], caps[s]) for s in SECTIONS}

    spouse = p.spouse if p.with_spouse else None
    return {
        "total": sum(sections.values()),
        "as_of": p.as_of.isoformat(),
        "sections": sections,
        "factors": factors,
        "clb": {
            "first": dict(p.first_language.levels) if p.first_language else None,
            "second": dict(p.second_language.levels) if p.second_language else None,
            "spouse": dict(spouse.language.levels) if spouse and spouse.language else None,
        },
        "warnings": list(p.warnings) + _notices(r, p),
        "lines": lines,
        "caps": r.result_caps.copy(),
    }


def _line(r: ScoringTables, lines: list, factor: str, points: int, rows: list) -> int:
    lines.append({**r.heads[factor], "points": points, "rows": rows})
    return points


def _one(r: ScoringTables, lines: list, factor: str, value) -> int:
    points, pick = r.entries[factor][value]
    lines.append({**r.heads[factor], "points": points, "rows": [pick.copy()]})
    return points


def _abilities(r: ScoringTables, lines: list, factor: str, result, cap=None) -> int:
    if result is None:
        return _line(r, lines, factor, 0, [])
    entries, levels, total, rows = r.entries[factor], result.levels, 0, []
    for i, ability in enumerate(ABILITIES):
        points, pick = entries[levels[ability]][i]
        total += points
        rows.append(pick.copy())
    points = total if cap is None else min(total, cap)
    lines.append({**r.heads[factor], "points": points, "rows": rows, "chart": result.chart})
    return points


def _grid(r: ScoringTables, lines: list, factor: str, value, second) -> int:
    column = r.grid_columns[factor].get(second) or r.grid_tables[factor].column_for(second)
    points, pick = r.entries[factor][value, column]
    lines.append({**r.heads[factor], "column": column, "points": points, "rows": [pick.copy()]})
    return points


def _factors(r: ScoringTables, p: profiles.Profile, lines: list) -> dict:
    # B. a spouse counts only when coming to Canada and not a citizen or PR
    spouse = p.spouse if p.with_spouse else None
    # C. transferability language tiers use the lowest first-official-language level
    lowest = p.first_language.lowest if p.first_language else 0
    french, english = p.language_in("french"), p.language_in("english")
    return {
        "age": _one(r, lines, "age", p.age),
        "education": _one(r, lines, "education", p.education),
        "first_language": _abilities(r, lines, "first_language", p.first_language),
        "second_language": _abilities(r, lines, "second_language", p.second_language, r.caps["second_language"]),
        "canadian_work": _one(r, lines, "canadian_work", p.canadian_work_years),
        "spouse_education": (
            _one(r, lines, "spouse_education", spouse.education)
            if spouse and spouse.education else _line(r, lines, "spouse_education", 0, [])
        ),
        "spouse_language": _abilities(r, lines, "spouse_language", spouse.language if spouse else None),
        "spouse_canadian_work": (
            _one(r, lines, "spouse_canadian_work", spouse.canadian_work_years)
            if spouse else _line(r, lines, "spouse_canadian_work", 0, [])
        ),
        "education_language": _grid(r, lines, "education_language", p.education, lowest),
        "education_canadian_work": _grid(r, lines, "education_canadian_work", p.education, p.canadian_work_years),
        "foreign_work_language": _grid(r, lines, "foreign_work_language", p.foreign_work_years, lowest),
        "foreign_work_canadian_work": _grid(r, lines, "foreign_work_canadian_work", p.foreign_work_years, p.canadian_work_years),
        "certificate_of_qualification": _grid(r, lines, "certificate_of_qualification", p.certificate_of_qualification, lowest),
        "provincial_nomination": _one(r, lines, "provincial_nomination", p.provincial_nomination),
        "canadian_education": _one(r, lines, "canadian_education", p.canadian_education),
        "french": _grid(r, lines, "french", french.lowest if french else 0, english.lowest if english else 0),
        "sibling": _one(r, lines, "sibling", p.sibling_in_canada),
        "job_offer": _one(r, lines, "job_offer", p.job_offer),
    }


def _notice(row: rules.Row) -> dict:
    """A notice as a warning: its code, its field and its dates (the page words it)."""
    notice = {"code": row.key, "field": row.values["field"], "since": row.values["since"].isoformat(),
              "from": row.effective_from.isoformat(),
              "until": row.effective_to.isoformat() if row.effective_to else None}
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
