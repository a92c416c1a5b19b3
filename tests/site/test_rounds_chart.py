"""The cut-off history chart the build draws (inline SVG)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from sitegen import rounds as datasets
from sitegen.strings import load_strings
from tests.site.helpers import formatter

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
ROUNDS = json.loads((ROOT / "data" / "rounds.json").read_text())


def strings(key: str) -> str:
    return {"rounds.chart.title": "Title", "rounds.chart.desc": "{start} {end} {count}",
            "rounds.chart.note": "Note"}.get(key) or load_strings()[key]


def chart() -> ET.Element:
    # The SVG is inline in HTML; parsed as XML it must be well formed (namespace added here).
    markup = str(datasets.rounds_chart(strings, ROUNDS, formatter("en"))).replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1)
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
    assert any(title.startswith("18 August 2026 · Canadian Experience Class · 523") for title in titles)


def test_chart_places_marks_by_score_on_the_scale_it_declares():
    svg = chart()
    low, high = float(svg.get("data-score-min")), float(svg.get("data-score-max"))
    top, bottom = float(svg.get("data-y-top")), float(svg.get("data-y-bottom"))
    for mark in [m for m in svg.findall(f"{SVG}*[@class]") if "mark" in m.get("class").split()]:
        score = int(mark.find(f"{SVG}title").text.split(" · ")[2])
        expected = bottom - (score - low) / (high - low) * (bottom - top)
        assert abs(float(mark.get("data-y")) - expected) < 0.11  # the centre, whatever the shape


def test_chart_has_no_inline_style_and_is_labelled():
    markup = str(datasets.rounds_figure(strings, ROUNDS, formatter("en"), lambda path: "/" + path))
    assert "style=" not in markup and "<script" not in markup
    svg = chart()
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Title"
