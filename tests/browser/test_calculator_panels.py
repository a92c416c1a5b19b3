"""The calculator's planner, rounds and categories panels in real Chromium: what they show is
what engine.plan / engine.categories give for the profile typed into the form."""
from __future__ import annotations

import json
from pathlib import Path

import engine
from tests.browser.calculator_page import add_job, fill_profile, open_calculator, shown_score

ROUNDS = json.loads((Path(__file__).resolve().parents[2] / "data" / "rounds.json").read_text())

PROFILE = {
    "as_of": "2026-11-02", "age": 29, "education": "masters",
    "first_language": {"test": "ielts_general", "listening": 8.5, "reading": 7.5, "writing": 7,
                       "speaking": 6.5},
    "foreign_work_years": 3,
}
PANELS = "#report-details"


def test_planner_panel_shows_the_engine_plan(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    assert shown_score(page)["total"] == engine.crs_score(PROFILE)["total"]
    page.wait_for_selector('#result[data-details="ready"]')  # the details of these very answers
    page.wait_for_selector(f'{PANELS} [data-panel="plan"] table')
    plan = engine.plan(PROFILE)
    rows = page.locator(f'{PANELS} [data-panel="plan"] > table tbody tr')
    shown = [(rows.nth(i).get_attribute("data-id"), rows.nth(i).locator(".gain").inner_text())
             for i in range(rows.count())]
    # What a person abroad can act on first, each group by gain.
    ordered = sorted(plan["suggestions"], key=lambda s: not s["from_abroad"])
    assert any(not s["from_abroad"] for s in ordered) and ordered[0]["from_abroad"]
    expected = [(s["id"], f"+{s['gain']}") for s in ordered[:len(shown)]]
    assert shown and shown == expected
    pairs = page.locator(f'{PANELS} .plan-pairs li')
    assert pairs.count() == min(5, len(plan["combinations"]))
    if plan["combinations"]:
        assert pairs.first.get_attribute("data-ids") == " ".join(plan["combinations"][0]["ids"])


def test_standing_panel_words_the_engine_round_verdicts(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    total = shown_score(page)["total"]
    # The panel for this very total (one for an answer typed earlier may still be on show).
    page.wait_for_selector(f'{PANELS} [data-panel="standing"] .pool[data-score="{total}"]')
    verdicts = engine.rounds(PROFILE, ROUNDS)
    items = page.locator(f'{PANELS} [data-panel="standing"] [data-round-type]')
    shown = [(items.nth(i).get_attribute("data-round-type"), items.nth(i).get_attribute("data-eligible"),
              int(items.nth(i).get_attribute("data-margin"))) for i in range(items.count())]
    assert shown == [(v["type"], v["eligible"], v["margin"]) for v in verdicts]
    # No Canadian work: CEC rounds are closed, and never called good news.
    cec = page.locator(f'{PANELS} [data-group="no"] [data-round-type="cec"]')
    assert "above" not in cec.inner_text()
    latest_cec = next(r for r in ROUNDS["rounds"] if r["type"] == "cec")
    assert int(cec.get_attribute("data-margin")) == total - latest_cec["min_crs"]
    above = int(page.locator(f"{PANELS} .pool").get_attribute("data-above"))
    pool = ROUNDS["pool"]
    whole_bands = sum(b["count"] for b in pool["bands"] if b["min"] > total)
    own = next(b for b in pool["bands"] if b["min"] <= total <= b["max"])
    assert whole_bands <= above <= whole_bands + own["count"]
    line = page.locator(f'{PANELS} [data-panel="standing"] svg .score-line')
    assert line.get_attribute("visibility") == "visible"


def test_categories_panel_shows_the_categories_in_force(page, site_server):
    open_calculator(page, site_server)
    french = {**PROFILE, "second_language": {"test": "nclc", "listening": 7, "reading": 7,
                                             "writing": 7, "speaking": 7}}
    fill_profile(page, french)
    shown_score(page)
    page.wait_for_selector('#result[data-details="ready"]')
    page.wait_for_selector(f'{PANELS} [data-category="french"]')
    expected = {c["key"]: c["status"] for c in engine.categories(french)["categories"]}
    blocks = page.locator(f"{PANELS} .category")
    shown = {blocks.nth(i).get_attribute("data-category"): blocks.nth(i).get_attribute("data-status")
             for i in range(blocks.count())}
    assert shown == expected
    assert shown["french"] == "meets"
    # Each category with recent rounds carries the verdict of its rounds, the rounds panel's own.
    for v in engine.rounds(french, ROUNDS):
        if v["type"] in expected:
            verdict = page.locator(f'{PANELS} [data-category="{v["type"]}"] .round-verdict')
            assert verdict.get_attribute("data-eligible") == v["eligible"]
            standing = page.locator(f'{PANELS} [data-panel="standing"] [data-round-type="{v["type"]}"]')
            assert standing.get_attribute("data-eligible") == v["eligible"]


def test_occupation_helper_loads_the_index_only_when_opened_and_fills_the_job(page, site_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    shown_score(page)
    assert not any("noc-index.json" in url for url in requested)
    add_job(page)
    page.click("#noc-helper summary")
    page.wait_for_selector('#noc-helper[data-ready="all"]')
    page.fill("#noc-helper-q", "registered nurse")
    page.click('#noc-helper li[data-code="31301"] button')
    noc = page.locator('#work-history input[name$=".noc"]').last
    assert noc.input_value() == "31301"
    assert any("noc-index.json" in url for url in requested)
