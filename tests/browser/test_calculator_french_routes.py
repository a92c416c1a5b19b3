"""The calculator's "Routes for French speakers" section in real Chromium, in both editions: each
route shown with engine.french_routes' verdict for the profile typed in, worded from the
catalogue, and the section fits a phone's screen."""
from __future__ import annotations

import pytest

import engine
from tests.browser.calculator_page import READY, SETTLED, fill_profile, open_calculator, shown_score

PROFILE = {
    "as_of": "2026-11-02", "age": 29, "education": "masters",
    "first_language": {"test": "ielts_general", "listening": 8.5, "reading": 7.5, "writing": 7, "speaking": 6.5},
    "second_language": {"test": "nclc", "listening": 7, "reading": 7, "writing": 7, "speaking": 7},
    "foreign_work_years": 3,
}
SECTION = '#report-details [data-panel="french-routes"]'
WORDS = {"": ("Leads to: a work permit, not permanent residence.", "Routes for French speakers"),
         "fr/calculateur/": ("Mène à\u00a0: un permis de travail, pas la résidence permanente.", "Voies pour les francophones")}


def shown_routes(page) -> dict:
    blocks = page.locator(f"{SECTION} .french-route")
    return {blocks.nth(i).get_attribute("data-route"): blocks.nth(i).get_attribute("data-fits")
            for i in range(blocks.count())}


@pytest.mark.parametrize("path", list(WORDS))
def test_the_section_shows_the_engines_verdict_for_each_route(page, site_server, path):
    if path:
        page.goto(site_server.url + path)
        page.wait_for_selector(READY)
    else:
        open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    shown_score(page)
    page.wait_for_selector('#result[data-details="ready"]')
    page.wait_for_selector(f"{SECTION} .french-route")
    expected = {r["key"]: r["fits"] for r in engine.french_routes(PROFILE)["routes"]}
    assert shown_routes(page) == expected
    work_permit, heading = WORDS[path]
    assert work_permit in page.locator(f'{SECTION} [data-route="francophone_mobility"]').inner_text()
    assert page.locator("#report-french-heading").inner_text() == heading
    # No key shown raw: every code was worded.
    assert "french_routes." not in page.locator(SECTION).inner_text()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_section_fits_the_screen(warm_page, site_server, width):
    page = warm_page(site_server, viewport={"width": width, "height": 800})
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    page.wait_for_selector(SETTLED)
    page.wait_for_selector('#result[data-details="ready"]')
    page.wait_for_selector(f"{SECTION} .french-route")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, overflow
    widest = page.evaluate(f"Math.max(...[...document.querySelectorAll('{SECTION} *')].map(e => e.getBoundingClientRect().right))")
    assert widest <= width


@pytest.mark.parametrize("path", ["guide/french-speakers/", "fr/guide/french-speakers/"])
@pytest.mark.parametrize("width", [360, 1280])
def test_the_guide_page_fits_the_screen(warm_page, site_server, path, width):
    # Its table may scroll inside its own region; the page itself never scrolls sideways.
    page = warm_page(site_server, viewport={"width": width, "height": 800})
    page.goto(site_server.url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, overflow
