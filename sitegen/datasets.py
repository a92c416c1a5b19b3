"""The datasets stage: rounds of invitations and the NOC 2021 finder index (see data/README.md).

`register(env)` gives templates what they show from the data (the cut-off history chart as
inline SVG, the latest rounds, the NOC licence attribution); `write(out_dir)` puts the files
the browser loads under `data/` in the site:

- `data/rounds.json`: the rounds and the pool distribution, as committed;
- `data/noc-index.json`: code, title, TEER and StatCan's illustrative examples of each unit
  group, the finder's first load;
- `data/noc-examples.json`: every other example job title, in the same order, loaded after;
- `data/noc-categories.json`: for each NOC code, the category-based selection categories in
  force on the build date that list it (from engine/data/categories.toml).
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from html import escape
from pathlib import Path

from markupsafe import Markup

from engine import rules

from .paths import DATA

ROUNDS = DATA / "rounds.json"
NOC = DATA / "noc2021.json"
OUT = "data"

# The chart: rounds of the last CHART_MONTHS before the newest, drawn in a 640 x 300 box.
CHART_MONTHS = 24
WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 14, 36
Y_STEP = 50
# Round types drawn with their own mark and colour; the others share "category" or "program".
# PNP rounds are left out: their cut-offs include the 600 points of a nomination. Colours are
# presentation attributes (allowed by the CSP), so the chart reads on any page.
CHART_SERIES = {"cec": "#1d6fd1", "french": "#c2410c", "general": "#4b5563",
                "healthcare": "#15803d", "trades": "#a16207", "category": "#7e22ce",
                "program": "#0f766e"}
PROGRAM_TYPES = ("fsw", "fst")
LEFT_OUT = ("pnp",)
GRID = 'stroke="currentColor" stroke-opacity="0.2"'
AXIS = 'fill="currentColor" font-size="20"'


@cache
def rounds_data() -> dict:
    return json.loads(ROUNDS.read_text(encoding="utf-8"))


@cache
def noc_data() -> dict:
    return json.loads(NOC.read_text(encoding="utf-8"))


def register(env) -> None:
    env.globals.update(
        rounds=rounds_data(),
        rounds_chart=lambda: rounds_chart(env.globals["t"]),
        rounds_figure=lambda: rounds_figure(env.globals["t"]),
        noc_about={k: v for k, v in noc_data().items() if k != "unit_groups"},
    )


def write(out_dir: Path, as_of: dt.date | None = None) -> list[str]:
    """Write the browser's data files; returns their paths relative to `out_dir`."""
    folder = Path(out_dir) / OUT
    folder.mkdir(parents=True, exist_ok=True)
    groups = noc_data()["unit_groups"]
    files = {
        "rounds.json": rounds_data(),
        "noc-index.json": {
            "groups": [[g["code"], g["title"], g["teer"], g["examples"][:g["shown"]]] for g in groups],
        },
        "noc-examples.json": {"examples": [g["examples"][g["shown"]:] for g in groups]},
        "noc-categories.json": noc_categories(as_of or dt.date.today()),
    }
    for name, data in files.items():
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        (folder / name).write_text(text, encoding="utf-8")
    return [f"{OUT}/{name}" for name in files]


def noc_categories(as_of: dt.date) -> dict:
    """{"as_of", "categories": {key: {months, within_months, in_canada, ...}}, "codes": {code: [key]}}."""
    found: dict = {"as_of": as_of.isoformat(), "categories": {}, "codes": {}}
    for row in rules.table("categories.selection", as_of).rows:
        need = row.values
        if not need["occupations"]:
            continue
        found["categories"][row.key] = {
            "months": need["experience_months"],
            "within_months": need["within_months"],
            "continuous": need["continuous"],
            "in_canada": need["canadian_experience"],
            "caf_job_offer": need["caf_job_offer"],
        }
        for listed in rules.table(need["occupations"], as_of).rows:
            found["codes"].setdefault(listed.key, []).append(row.key)
    return found


def series_of(round_type: str) -> str | None:
    if round_type in LEFT_OUT:
        return None
    if round_type in CHART_SERIES:
        return round_type
    return "program" if round_type in PROGRAM_TYPES else "category"


def chart_rounds() -> tuple:
    """(first day, newest round's day, rounds drawn newest first)."""
    data = rounds_data()
    newest = dt.date.fromisoformat(data["latest_round_date"])
    start = _months_before(newest, CHART_MONTHS)
    shown = [r for r in data["rounds"]
             if dt.date.fromisoformat(r["date"]) >= start and series_of(r["type"])]
    return start, newest, shown


def rounds_chart(t) -> Markup:
    """Minimum CRS of each round over the last CHART_MONTHS, as an accessible inline SVG.

    No inline styles (the site's CSP): marks carry classes that static/css/rounds.css colours.
    The plot's scale is in data attributes, so a script can draw a person's score on it.
    """
    start, newest, shown = chart_rounds()
    low = min(r["min_crs"] for r in shown) // Y_STEP * Y_STEP
    high = -(-max(r["min_crs"] for r in shown) // Y_STEP) * Y_STEP
    days = (newest - start).days or 1

    def x(day: dt.date) -> float:
        return round(LEFT + (day - start).days / days * (WIDTH - LEFT - RIGHT), 1)

    def y(score: float) -> float:
        return round(TOP + (high - score) / (high - low) * (HEIGHT - TOP - BOTTOM), 1)

    parts = [
        f'<svg class="rounds-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="rounds-chart-title rounds-chart-desc" '
        f'data-score-min="{low}" data-score-max="{high}" data-y-top="{y(high)}" '
        f'data-y-bottom="{y(low)}" data-x-left="{LEFT}" data-x-right="{WIDTH - RIGHT}">',
        f'<title id="rounds-chart-title">{escape(t("rounds.chart_title"))}</title>',
        f'<desc id="rounds-chart-desc">{escape(t("rounds.chart_desc").format(start=start.isoformat(), end=newest.isoformat(), count=len(shown), nomination=_nomination_points(newest)))}</desc>',
    ]
    for score in range(low, high + 1, Y_STEP):
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(score)}" y2="{y(score)}" {GRID}/>')
        parts.append(f'<text class="axis" x="{LEFT - 8}" y="{y(score) + 7}" text-anchor="end" {AXIS}>{score}</text>')
    for year in range(start.year + 1, newest.year + 1):
        at = x(dt.date(year, 1, 1))
        parts.append(f'<line class="tick" x1="{at}" x2="{at}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" {GRID}/>')
        parts.append(f'<text class="axis" x="{at}" y="{HEIGHT - 10}" text-anchor="middle" {AXIS}>{year}</text>')
    for r in reversed(shown):  # oldest first, so the newest marks are drawn on top
        day = dt.date.fromisoformat(r["date"])
        label = f'{r["date"]} · {r["name"]} · {r["min_crs"]} · #{r["number"]}'
        series = series_of(r["type"])
        parts.append(f'<circle class="mark mark-{series}" cx="{x(day)}" cy="{y(r["min_crs"])}" r="6" '
                     f'fill="{CHART_SERIES[series]}"><title>{escape(label)}</title></circle>')
    parts.append(f'<line class="score-line" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="0" y2="0" '
                 f'stroke="currentColor" stroke-width="2" stroke-dasharray="6 3" visibility="hidden"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def rounds_figure(t) -> Markup:
    """The chart with its caption and legend (the mark and name of each series drawn)."""
    drawn = {series_of(r["type"]) for r in chart_rounds()[2]}
    legend = "".join(
        f'<li><svg viewBox="0 0 10 10" width="12" height="12" aria-hidden="true">'
        f'<circle class="mark mark-{key}" cx="5" cy="5" r="4" fill="{colour}"/></svg> '
        f'{escape(t("rounds.series." + key))}</li>' for key, colour in CHART_SERIES.items() if key in drawn)
    return Markup(f'<figure class="rounds-figure">{rounds_chart(t)}<figcaption>'
                  f'<ul class="chart-legend">{legend}</ul>{escape(t("rounds.chart_note").format(nomination=_nomination_points(chart_rounds()[1])))}'
                  f'</figcaption></figure>')


def _nomination_points(day: dt.date) -> int:
    """What a provincial nomination adds, from the rules (PNP cut-offs include it)."""
    return rules.table("crs.provincial_nomination", day).lookup(True, "points")


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)
