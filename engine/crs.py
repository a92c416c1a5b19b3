"""The Comprehensive Ranking System score, computed from the dated tables of crs.toml.

Python here holds only the shape of the calculation (which table feeds which factor,
which caps apply where); every number comes from engine/data. The tables in force on a
day are indexed once and cached, so scoring many profiles on one date is a few dict
lookups per factor.
"""

import functools
from dataclasses import dataclass
from datetime import date

from . import profile as profiles
from . import rules
from .language import ABILITIES

SECTIONS = ("core", "spouse", "transferability", "additional")
WITH, WITHOUT = "with_spouse", "without_spouse"

# factor name -> (section, table id, scored per language ability?)
FACTORS = {
    "age": ("core", "crs.age", False),
    "education": ("core", "crs.education", False),
    "first_language": ("core", "crs.first_language", True),
    "second_language": ("core", "crs.second_language", True),
    "canadian_work": ("core", "crs.canadian_work", False),
    "spouse_education": ("spouse", "crs.spouse_education", False),
    "spouse_language": ("spouse", "crs.spouse_language", True),
    "spouse_canadian_work": ("spouse", "crs.spouse_canadian_work", False),
    "education_language": ("transferability", "crs.education_language", False),
    "education_canadian_work": ("transferability", "crs.education_canadian_work", False),
    "foreign_work_language": ("transferability", "crs.foreign_work_language", False),
    "foreign_work_canadian_work": ("transferability", "crs.foreign_work_canadian_work", False),
    "certificate_of_qualification": ("transferability", "crs.certificate_language", False),
    "provincial_nomination": ("additional", "crs.provincial_nomination", False),
    "canadian_education": ("additional", "crs.canadian_education", False),
    "french": ("additional", "crs.french", False),
    "sibling": ("additional", "crs.sibling", False),
    "job_offer": ("additional", "crs.job_offer", False),
}
# Transferability factors are capped in groups (cap key in crs.caps -> its factors).
GROUPS = {
    "education_group": ("education_language", "education_canadian_work"),
    "foreign_work_group": ("foreign_work_language", "foreign_work_canadian_work"),
    "certificate_group": ("certificate_of_qualification",),
}


@dataclass(frozen=True)
class Ruleset:
    """The CRS tables in force on one day, indexed for lookups."""

    day: date
    tables: dict  # table id -> rules.Table
    rows: dict  # table id -> {value: Row}
    caps: dict  # cap key -> {column: points}
    maxima: dict  # (factor, column) -> most points the factor can give
    notices: tuple  # notice rows in force

    def row(self, table_id, value):
        try:
            return self.rows[table_id][value]
        except KeyError:
            raise LookupError(f"{table_id}: no row in force on {self.day} for {value!r}") from None


def _index(table: rules.Table) -> dict:
    if table.kind == "bands":
        return {x: row for row in table.rows for x in range(int(row.min), int(row.max) + 1)}
    return {row.key: row for row in table.rows}


@functools.lru_cache(maxsize=1024)
def ruleset(day: date) -> Ruleset:
    tables = {tid: rules.table(tid, day) for _, tid, _ in FACTORS.values()}
    caps = {row.key: row.values for row in rules.table("crs.caps", day).rows}
    maxima = {}
    for factor, (_, tid, per_ability) in FACTORS.items():
        table = tables[tid]
        for column in (WITH, WITHOUT):
            cells = [row.values[column] if column in table.columns else max(row.values.values()) for row in table.rows]
            most = max(cells, default=0) * (len(ABILITIES) if per_ability else 1)
            if factor in caps:
                most = min(most, caps[factor][column])
            if table.id.startswith("crs.spouse"):
                most = min(most, caps["spouse"][column])
            maxima[factor, column] = most
    return Ruleset(
        day=day,
        tables=tables,
        rows={tid: _index(t) for tid, t in tables.items()},
        caps=caps,
        maxima=maxima,
        notices=rules.table("notices.notices", day).rows,
    )


def crs_score(raw) -> dict:
    """Score a contract profile (a JSON object as a dict); see docs/contract/README.md."""
    return score(profiles.parse(raw))


def score(p: profiles.Profile) -> dict:
    r = ruleset(p.as_of)
    column = WITH if p.with_spouse else WITHOUT
    factors, lines = {}, []

    def put(factor, points, picks, table_column=None):
        """Record a factor: its points and the (row, points, ability) picks that made them."""
        section, tid, _ = FACTORS[factor]
        factors[factor] = points
        line = {
            "factor": factor,
            "section": section,
            "points": points,
            "max": r.maxima[factor, column],
            "table": tid,
            "column": table_column,
            "rows": [_pick(row, pts, ability) for row, pts, ability in picks],
        }
        lines.append(line)

    def simple(factor, value, table_column):
        row = r.row(FACTORS[factor][1], value)
        put(factor, row.values[table_column], [(row, row.values[table_column], None)], table_column)

    def per_ability(factor, result, table_column, cap=None):
        if result is None:
            return put(factor, 0, [], table_column)
        tid = FACTORS[factor][1]
        picks = [(r.row(tid, result.levels[a]), a) for a in ABILITIES]
        picks = [(row, row.values[table_column], a) for row, a in picks]
        points = sum(pts for _, pts, _ in picks)
        put(factor, points if cap is None else min(points, cap), picks, table_column)

    def grid(factor, value, second):
        """Tables whose columns are bands of a second quantity (see rules.column_min)."""
        table = r.tables[FACTORS[factor][1]]
        name = table.column_for(second)
        row = r.row(table.id, value)
        put(factor, row.values[name], [(row, row.values[name], None)], name)

    # A. core / human capital
    simple("age", p.age, column)
    simple("education", p.education, column)
    per_ability("first_language", p.first_language, column)
    per_ability("second_language", p.second_language, column, cap=r.caps["second_language"][column])
    simple("canadian_work", p.canadian_work_years, column)

    # B. spouse or partner (only one who comes to Canada and is not a citizen or PR)
    spouse = p.spouse if p.with_spouse else None
    if spouse is not None and spouse.education is not None:
        simple("spouse_education", spouse.education, "points")
    else:
        put("spouse_education", 0, [], "points")
    per_ability("spouse_language", spouse.language if spouse else None, "points")
    if spouse is not None:
        simple("spouse_canadian_work", spouse.canadian_work_years, "points")
    else:
        put("spouse_canadian_work", 0, [], "points")

    # C. skill transferability: language tiers use the lowest first-official-language level
    lowest = p.first_language.lowest if p.first_language else 0
    grid("education_language", p.education, lowest)
    grid("education_canadian_work", p.education, p.canadian_work_years)
    grid("foreign_work_language", p.foreign_work_years, lowest)
    grid("foreign_work_canadian_work", p.foreign_work_years, p.canadian_work_years)
    grid("certificate_of_qualification", p.certificate_of_qualification, lowest)

    # D. additional points
    simple("provincial_nomination", p.provincial_nomination, "points")
    simple("canadian_education", p.canadian_education, "points")
    french, english = p.language_in("french"), p.language_in("english")
    grid("french", french.lowest if french else 0, english.lowest if english else 0)
    simple("sibling", p.sibling_in_canada, "points")
    simple("job_offer", p.job_offer, "points")

    caps = {key: values[column] for key, values in r.caps.items()}
    sums = dict.fromkeys(SECTIONS, 0)
    for factor, (section, _, _) in FACTORS.items():
        if section != "transferability":
            sums[section] += factors[factor]
    for group, members in GROUPS.items():
        sums["transferability"] += min(sum(factors[f] for f in members), caps[group])
    sections = {s: min(sums[s], caps[s]) for s in SECTIONS}

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
        "caps": {s: caps[s] for s in SECTIONS} | {g: caps[g] for g in GROUPS},
    }


def _pick(row, points, ability) -> dict:
    pick = {"label": row.label, "points": points}
    if ability is not None:
        pick["ability"] = ability
    if row.status:
        pick["status"] = row.status
    return pick


def _notices(r: Ruleset, p: profiles.Profile) -> list:
    found = []
    for row in r.notices:
        field, when, message = row.values["field"], row.values["when"], row.values["message"]
        if when == "always" or getattr(p, field, None) not in (None, False, 0, "none"):
            found.append({"code": row.key, "field": field, "message": message})
    return found
