"""The rounds figure the draws page shows: the newest round's date, where rounds come from (the
secondary copy says so), plain names, a legend and a table for reading without hover, and a
layout that fits a 360 px screen."""
from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from sitegen import rounds
from sitegen.strings import load_strings
from tests.data.snapshot import snapshot_rounds
from tests.site.helpers import formatter

ROOT = Path(__file__).resolve().parents[2]
DATA = snapshot_rounds()  # with the secondary copy's rounds, whatever the feed copy holds now
STRINGS = load_strings()
FMT = formatter("en")
LONG_DATE = FMT.long_date


def figure(data: dict) -> str:
    return str(rounds.rounds_figure(STRINGS.__getitem__, data, FMT, lambda path: "/" + path))


def test_the_figure_says_the_newest_round_and_where_rounds_come_from():
    html = figure(DATA)
    newest = DATA["rounds"][0]
    assert f"Newest round this site knows: #{newest['number']}, on {LONG_DATE(dt.date.fromisoformat(newest['date']))}." in html
    secondary = [r["number"] for r in DATA["rounds"] if r.get("source") == "secondary"]
    assert secondary, "the shipped data has rounds from the secondary copy"
    assert f"Rounds #{min(secondary, key=int)} to #{max(secondary, key=int)} come from a copy of IRCC" in html
    assert html.count('class="secondary-mark"') == len(secondary)


def test_without_secondary_rounds_there_is_no_such_note():
    data = copy.deepcopy(DATA)
    data["rounds"] = [r for r in data["rounds"] if r.get("source") != "secondary"]
    data["latest_round_date"] = data["rounds"][0]["date"]
    data.pop("secondary_copy")
    data["pool"].pop("source")
    html = figure(data)
    assert "third party" not in html and "secondary-mark" not in html
    assert "Newest round this site knows: #437, on 19 August 2026." in html


def test_rounds_are_named_as_people_say_them():
    html = figure(DATA)
    table = html[html.index("<table"):]
    assert "Version" not in table and "Trades Occupations" not in table  # not the feed's strings
    assert "Trade occupations" in table and "Senior managers with Canadian work experience" in table
    other = copy.deepcopy(DATA)
    other["rounds"][0] = {**other["rounds"][0], "type": "other", "name": "Astronaut occupations (2026-Version 1)"}
    assert "Astronaut occupations (2026-Version 1)" in figure(other)  # a kind the catalogue lacks


def test_the_table_lists_every_round_the_chart_covers_and_the_legend_every_series():
    html = figure(DATA)
    start, newest, shown = rounds.chart_rounds(DATA)
    listed = re.findall(r"<tr><td>#(\w+)<br>", html)
    assert listed == [r["number"] for r in DATA["rounds"] if r["date"] >= start.isoformat()]
    assert set(listed) >= {r["number"] for r in shown}
    legend = html[html.index('class="chart-legend"'):html.index("</ul>")]
    for series in {rounds.series_of(r["type"]) for r in shown}:
        assert STRINGS[f"rounds.series.{series}"] in legend


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_draws_page_fits_a_360_px_screen(guarded_context, site_server, built_site, scheme):
    draws = next(p for p in (built_site / "guide").glob("*/index.html") if 'class="rounds-figure"' in p.read_text())
    route = draws.parent.relative_to(built_site).as_posix() + "/"
    context = guarded_context(site_server, viewport={"width": 360, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_server.url + route)
    page.click(".rounds-details summary")
    expect(page.locator(".rounds-table")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    chart = page.locator(".rounds-chart").bounding_box()
    assert chart["width"] <= 360 and chart["width"] > 300
    table = page.locator(".rounds-table").bounding_box()
    assert table["width"] <= 360
