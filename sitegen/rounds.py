"""The rounds of invitations as the site shows them: the cut-off chart with its legend, notes and
table (`rounds_figure`), and the Atom feed of the rounds (`write_rounds_feed`).

Every word comes from locales/<lang>/rounds.toml: a round is named by its kind, as people say it
(`rounds.type.<type>`), not by the feed's string ("Trades Occupations, 2026-Version 3"); a kind
the updater does not know yet is shown by its feed name, in the page's language when the feed
gives one. The French edition needs only its catalogue: the code takes the language.
"""

from __future__ import annotations

import datetime as dt
import uuid
from html import escape
from xml.sax.saxutils import escape as xml_escape, quoteattr

from markupsafe import Markup

from engine import rules

# The chart: rounds of the last CHART_MONTHS before the newest, drawn in a WIDTH x HEIGHT box
# whose text stays readable on a 360 px screen (the box is about 330 px wide there).
CHART_MONTHS = 24
WIDTH, HEIGHT = 480, 300
LEFT, RIGHT, TOP, BOTTOM = 44, 10, 12, 30
Y_STEP = 50
FONT = 17
MARK = 5.5
# Round types drawn with their own mark and colour; the others share "category" or "program".
# PNP rounds are left out: their cut-offs include the 600 points of a nomination. Each series
# also has its own shape, so the chart reads without colour. Colours are presentation
# attributes (allowed by the CSP), so the chart reads on any page.
CHART_SERIES = {"cec": "#1d6fd1", "french": "#c2410c", "general": "#4b5563",
                "healthcare": "#15803d", "trades": "#a16207", "category": "#7e22ce",
                "program": "#0f766e"}
SHAPES = {"cec": "circle", "french": "square", "general": "cross", "healthcare": "triangle",
          "trades": "diamond", "category": "triangle-down", "program": "circle-open"}
PROGRAM_TYPES = ("fsw", "fst")
LEFT_OUT = ("pnp",)
OTHER = "other"
GRID = 'stroke="currentColor" stroke-opacity="0.2"'
AXIS = f'fill="currentColor" font-size="{FONT}"'
FEED_PATH = "feeds/rounds.atom"
FEED_ROUNDS = 100  # the newest ones: a reader follows new rounds; IRCC's page keeps them all
# Atom ids must never change: derived from the feed's address, not from this site's.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json")


def series_of(round_type: str) -> str | None:
    if round_type in LEFT_OUT:
        return None
    if round_type in CHART_SERIES:
        return round_type
    return "program" if round_type in PROGRAM_TYPES else "category"


def plain_name(t, round_: dict, lang: str = "en") -> str:
    """A round's kind as people say it; the feed's name for a kind the catalogue lacks."""
    if round_["type"] == OTHER:
        return round_.get(f"name_{lang}", round_["name"])
    return t(f"rounds.type.{round_['type']}")


def months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def chart_rounds(data: dict) -> tuple:
    """(first day, newest round's day, rounds drawn newest first)."""
    newest = dt.date.fromisoformat(data["latest_round_date"])
    start = months_before(newest, CHART_MONTHS)
    shown = [r for r in data["rounds"] if dt.date.fromisoformat(r["date"]) >= start and series_of(r["type"])]
    return start, newest, shown


def nomination_points(day: dt.date) -> int:
    """What a provincial nomination adds, from the rules (PNP cut-offs include it)."""
    return rules.table("crs.provincial_nomination", day).lookup(True, "points")


def mark(series: str, x: float, y: float, r: float = MARK, title: str = "") -> str:
    """One mark of `series` centred on (x, y), in its colour and shape."""
    colour = CHART_SERIES[series]
    shape = SHAPES[series]
    inner = f"<title>{escape(title)}</title>" if title else ""
    # data-y: the centre's height whatever the shape (a script or a test can read it).
    common = f'class="mark mark-{series}" data-y="{y}" fill="{colour}"'
    if shape in ("circle", "circle-open"):
        fill = f'fill="none" stroke="{colour}" stroke-width="2.5"' if shape == "circle-open" else f'fill="{colour}"'
        return f'<circle class="mark mark-{series}" data-y="{y}" cx="{x}" cy="{y}" r="{r}" {fill}>{inner}</circle>'
    if shape == "square":
        s = round(r * 0.9, 1)
        return f'<rect {common} x="{round(x - s, 1)}" y="{round(y - s, 1)}" width="{2 * s}" height="{2 * s}">{inner}</rect>'
    if shape == "cross":
        w = round(r * 0.45, 1)
        d = (f"M{x - r},{y - w}h{r - w}v{w - r}h{2 * w}v{r - w}h{r - w}v{2 * w}h{w - r}v{r - w}"
             f"h{-2 * w}v{w - r}h{w - r}z")
    else:
        points = {"triangle": ((0, -1.2), (1.1, 0.8), (-1.1, 0.8)),
                  "triangle-down": ((0, 1.2), (1.1, -0.8), (-1.1, -0.8)),
                  "diamond": ((0, -1.25), (1.1, 0), (0, 1.25), (-1.1, 0))}[shape]
        d = "M" + "L".join(f"{round(x + dx * r, 1)},{round(y + dy * r, 1)}" for dx, dy in points) + "z"
    return f'<path {common} d="{d}">{inner}</path>'


def rounds_chart(t, data: dict, fmt) -> Markup:
    """Minimum CRS of each round over the last CHART_MONTHS, as an accessible inline SVG.

    No inline styles (the site's CSP): marks carry classes and presentation attributes. The
    plot's scale is in data attributes, so a script can draw a person's score on it. Dates are
    written as a person reads them (`fmt`: the edition's formatter), never in ISO form.
    """
    start, newest, shown = chart_rounds(data)
    low = min(r["min_crs"] for r in shown) // Y_STEP * Y_STEP
    high = -(-max(r["min_crs"] for r in shown) // Y_STEP) * Y_STEP
    days = (newest - start).days or 1

    def x(day: dt.date) -> float:
        return round(LEFT + (day - start).days / days * (WIDTH - LEFT - RIGHT), 1)

    def y(score: float) -> float:
        return round(TOP + (high - score) / (high - low) * (HEIGHT - TOP - BOTTOM), 1)

    desc = t("rounds.chart.desc").format(start=fmt.long_date(start), end=fmt.long_date(newest), count=len(shown),
                                         nomination=nomination_points(newest))
    parts = [
        f'<svg class="rounds-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="rounds-chart-title rounds-chart-desc" '
        f'data-score-min="{low}" data-score-max="{high}" data-y-top="{y(high)}" '
        f'data-y-bottom="{y(low)}" data-x-left="{LEFT}" data-x-right="{WIDTH - RIGHT}">',
        f'<title id="rounds-chart-title">{escape(t("rounds.chart.title"))}</title>',
        f'<desc id="rounds-chart-desc">{escape(desc)}</desc>',
    ]
    for score in range(low, high + 1, Y_STEP):
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(score)}" y2="{y(score)}" {GRID}/>')
        parts.append(f'<text class="axis" x="{LEFT - 6}" y="{y(score) + 6}" text-anchor="end" {AXIS}>{score}</text>')
    for year in range(start.year + 1, newest.year + 1):
        at = x(dt.date(year, 1, 1))
        parts.append(f'<line class="tick" x1="{at}" x2="{at}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" {GRID}/>')
        parts.append(f'<text class="axis" x="{at}" y="{HEIGHT - 8}" text-anchor="middle" {AXIS}>{year}</text>')
    for r in reversed(shown):  # oldest first, so the newest marks are drawn on top
        day = dt.date.fromisoformat(r["date"])
        label = t("rounds.chart.mark_title").format(date=fmt.long_date(day), kind=plain_name(t, r), lowest=r["min_crs"], number=r["number"])
        parts.append(mark(series_of(r["type"]), x(day), y(r["min_crs"]), title=label))
    parts.append(f'<line class="score-line" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="0" y2="0" '
                 f'stroke="currentColor" stroke-width="2" stroke-dasharray="6 3" visibility="hidden"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


TABLE_SUMMARY_ID = "rounds-table-summary"


def rounds_table(t, data: dict, fmt, start: dt.date, lang: str = "en") -> str:
    """Every round from `start` (PNP ones too) as a table: the chart's text alternative. Four
    columns, so that it fits a phone's screen; rounds from the secondary copy carry a mark."""
    rows = []
    marked = False
    for r in data["rounds"]:
        if dt.date.fromisoformat(r["date"]) < start:
            break  # newest first
        kind = escape(plain_name(t, r, lang))
        if r.get("source") == "secondary":
            kind += ' <span class="secondary-mark" aria-hidden="true">*</span>'
            kind += f'<span class="visually-hidden"> ({escape(t("rounds.chart.secondary_mark"))})</span>'
            marked = True
        day = dt.date.fromisoformat(r["date"])
        number = escape(t("rounds.chart.round_number").format(number=r["number"]))
        rows.append(f'<tr><td>{number}<br><time class="round-date" datetime="{r["date"]}">'
                    f'{escape(fmt.long_date(day))}</time></td><td>{kind}</td>'
                    f'<td class="num">{fmt.number(r["invitations"])}</td><td class="num">{r["min_crs"]}</td></tr>')
    head = "".join(f'<th scope="col">{escape(t("rounds.chart." + key))}</th>'
                   for key in ("col_round", "col_kind", "col_invited", "col_lowest"))
    note = f'<p class="secondary-note">* {escape(t("rounds.chart.secondary_mark"))}</p>' if marked else ""
    # A scrolling box like every table of the guide: focusable, named by the summary above it.
    return (f'{note}<div class="table-scroll" role="region" tabindex="0" aria-labelledby="{TABLE_SUMMARY_ID}">'
            f'<table class="rounds-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def rounds_figure(t, data: dict, fmt, url, lang: str = "en") -> Markup:
    """The chart with its legend, the newest round, where the rounds come from, the table of
    the rounds it draws and a link to the Atom feed."""
    start, newest, shown = chart_rounds(data)
    drawn = {series_of(r["type"]) for r in shown}
    legend = "".join(
        f'<li><svg viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">{mark(key, 7, 7, r=5)}</svg> '
        f'{escape(t("rounds.series." + key))}</li>' for key in CHART_SERIES if key in drawn)
    latest = data["rounds"][0]
    notes = [t("rounds.chart.newest").format(number=latest["number"], date=fmt.long_date(newest))]
    secondary = [r["number"] for r in data["rounds"] if r.get("source") == "secondary"]
    if secondary:
        copied = fmt.long_date(dt.date.fromisoformat(data["secondary_copy"]["copied_on"]))
        notes.append(t("rounds.chart.secondary").format(first=min(secondary, key=_order), last=max(secondary, key=_order), copied=copied))
    if data["pool"].get("source") == "secondary":
        notes.append(t("rounds.chart.secondary_pool"))
    summary = t("rounds.chart.table_summary").format(start=fmt.long_date(start), end=fmt.long_date(newest))
    return Markup(
        f'<figure class="rounds-figure">{rounds_chart(t, data, fmt)}<figcaption>'
        f'<ul class="chart-legend">{legend}</ul>'
        f'<p>{escape(t("rounds.chart.note").format(nomination=nomination_points(newest)))}</p>'
        f'<p class="rounds-source">{escape(" ".join(notes))}</p>'
        f'<details class="rounds-details"><summary id="{TABLE_SUMMARY_ID}">{escape(summary)}</summary>{rounds_table(t, data, fmt, start, lang)}</details>'
        f'<p><a class="feed-link" href="{escape(url(FEED_PATH))}" type="application/atom+xml">{escape(t("rounds.chart.feed_link"))}</a></p>'
        f'</figcaption></figure>')


def _order(number: str) -> tuple:
    digits = "".join(c for c in number if c.isdigit())
    return int(digits or 0), number


def rounds_feed(t, data: dict, fmt, *, lang: str, feed_url: str, page_url: str) -> str:
    """The Atom feed (RFC 4287): one entry per round, the FEED_ROUNDS newest, newest first."""
    newest = data["latest_round_date"]

    def stamp(day: str) -> str:
        return f"{day}T12:00:00Z"  # rounds are dated, not timed: noon UTC is that day in Canada

    def element(name: str, text: str, **attrs) -> str:
        extra = "".join(f" {k}={quoteattr(v)}" for k, v in attrs.items())
        return f"<{name}{extra}>{xml_escape(text)}</{name}>"

    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
             element("title", t("rounds.feed.title")),
             element("subtitle", t("rounds.feed.subtitle")),
             element("id", ID_NAMESPACE.urn),
             element("updated", stamp(newest)),
             f'<link rel="self" type="application/atom+xml" href={quoteattr(feed_url)}/>',
             f'<link rel="alternate" type="text/html" href={quoteattr(page_url)}/>',
             f'<link rel="via" type="application/json" href={quoteattr(data["source"])}/>',
             f'<author>{element("name", t("rounds.feed.author"))}</author>']
    for r in data["rounds"][:FEED_ROUNDS]:
        day = dt.date.fromisoformat(r["date"])
        kind = plain_name(t, r, lang)
        summary = [t("rounds.feed.entry_summary").format(invited=fmt.number(r["invitations"]), date=fmt.long_date(day), lowest=r["min_crs"])]
        if r.get("tie_break"):
            summary.append(t("rounds.feed.entry_tie_break").format(when=r["tie_break"].replace("T", " ").removesuffix("Z")))
        if r.get("source") == "secondary":
            summary.append(t("rounds.feed.entry_secondary"))
        lines += ["<entry>",
                  element("title", t("rounds.feed.entry_title").format(number=r["number"], kind=kind, date=fmt.long_date(day))),
                  element("id", uuid.uuid5(ID_NAMESPACE, f"round {r['number']}").urn),
                  element("updated", stamp(r["date"])),
                  element("published", stamp(r["date"])),
                  f'<link rel="alternate" type="text/html" href={quoteattr(page_url)}/>',
                  element("category", "", term=r["type"], label=kind).replace("></category>", "/>"),
                  element("summary", " ".join(summary)),
                  "</entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def write_rounds_feed(out_dir, t, data: dict, fmt, *, lang: str, feed_url: str, page_url: str) -> str:
    """Write the feed at FEED_PATH under `out_dir` (an edition's root); returns its path."""
    text = rounds_feed(t, data, fmt, lang=lang, feed_url=feed_url, page_url=page_url)
    target = out_dir / FEED_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return FEED_PATH
