"""The cut-off history chart made by the build, and the page's standing arithmetic (Node)."""
from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitegen import rounds as datasets
from sitegen.strings import load_strings

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
ROUNDS = json.loads((ROOT / "data" / "rounds.json").read_text())


def strings(key: str) -> str:
    return {"rounds.chart.title": "Title", "rounds.chart.desc": "{start} {end} {count}",
            "rounds.chart.note": "Note"}.get(key) or load_strings()[key]


def chart() -> ET.Element:
    # The SVG is inline in HTML; parsed as XML it must be well formed (namespace added here).
    markup = str(datasets.rounds_chart(strings, ROUNDS)).replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1)
    return ET.fromstring(markup)


def test_chart_draws_one_mark_per_round_of_the_last_two_years_except_pnp():
    svg = chart()
    marks = svg.findall(f"{SVG}*[@class]")
    marks = [m for m in marks if "mark" in m.get("class").split()]
    start, newest, shown = datasets.chart_rounds(ROUNDS)
    assert newest.isoformat() == ROUNDS["latest_round_date"]
    expected = [r for r in ROUNDS["rounds"] if r["date"] >= start.isoformat() and r["type"] != "pnp"]
    assert len(marks) == len(expected) == len(shown) > 50
    titles = [m.find(f"{SVG}title").text for m in marks]
    assert not any("Provincial Nominee" in title for title in titles)
    assert any(title.startswith("2026-08-18 · Canadian Experience Class · 523") for title in titles)


def test_chart_places_marks_by_score_on_the_scale_it_declares():
    svg = chart()
    low, high = float(svg.get("data-score-min")), float(svg.get("data-score-max"))
    top, bottom = float(svg.get("data-y-top")), float(svg.get("data-y-bottom"))
    for mark in [m for m in svg.findall(f"{SVG}*[@class]") if "mark" in m.get("class").split()]:
        score = int(mark.find(f"{SVG}title").text.split(" · ")[2])
        expected = bottom - (score - low) / (high - low) * (bottom - top)
        assert abs(float(mark.get("data-y")) - expected) < 0.11  # the centre, whatever the shape


def test_chart_has_no_inline_style_and_is_labelled():
    markup = str(datasets.rounds_figure(strings, ROUNDS, str, lambda path: "/" + path))
    assert "style=" not in markup and "<script" not in markup
    svg = chart()
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Title"


STANDING = """
import { pathToFileURL } from "node:url";
const [module, data, totals] = process.argv.slice(1);
const { standing, poolAbove } = await import(pathToFileURL(module).href);
const rounds = JSON.parse(data);
console.log(JSON.stringify(JSON.parse(totals).map((t) => standing(t, rounds))));
"""


@pytest.fixture(scope="module")
def standings():
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (Debian package 'nodejs')")
    module = ROOT / "static" / "js" / "calculator" / "extras-standing.js"
    totals = [300, 455, 523, 1200]
    proc = subprocess.run([node, "--input-type=module", "-e", STANDING, str(module),
                           json.dumps(ROUNDS), json.dumps(totals)],
                          capture_output=True, text=True, check=True, timeout=60)
    return dict(zip(totals, json.loads(proc.stdout)))


def test_standing_counts_the_rounds_of_the_last_year_by_type(standings):
    s = standings[523]
    cec = next(t for t in s["types"] if t["type"] == "cec")
    newest_cec = next(r for r in ROUNDS["rounds"] if r["type"] == "cec")
    assert cec["latest"]["number"] == newest_cec["number"]
    assert cec["clearsLatest"] is (523 >= newest_cec["min_crs"])
    year = [r for r in ROUNDS["rounds"] if r["type"] == "cec" and r["date"] > s["since"]]
    assert cec["count"] == len(year)
    assert cec["cleared"] == sum(1 for r in year if r["min_crs"] <= 523)
    below = next(t for t in standings[455]["types"] if t["type"] == "cec")
    assert below["clearsLatest"] is False and below["gap"] == newest_cec["min_crs"] - 455


def test_pool_estimate_adds_whole_bands_and_a_share_of_the_own_band(standings):
    bands = ROUNDS["pool"]["bands"]
    # 455 sits in 451-460: every band from 461 up, plus 5 of the band's 10 points.
    own = next(b for b in bands if b["min"] == 451)
    above = sum(b["count"] for b in bands if b["min"] > 455) + round(own["count"] * 5 / 10)
    assert standings[455]["pool"]["above"] == above
    assert standings[1200]["pool"]["above"] == 0
    # 300 is the top of the 0-300 band: exactly the candidates of every other band are above.
    lowest = next(b for b in bands if b["min"] == 0)
    assert standings[300]["pool"]["above"] == ROUNDS["pool"]["total"] - lowest["count"]
    assert standings[300]["pool"]["estimated"] is False
