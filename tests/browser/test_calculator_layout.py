"""The calculator fits a phone's screen: no sideways scrolling at 360 px, with every group of
questions open (a spouse, a test's scores, a job) and a full result shown."""
from __future__ import annotations

import pytest

from tests.browser.calculator_page import SHIFTS, add_job, SETTLED, fill_profile, open_calculator

PROFILE = {
    "as_of": "2026-11-02", "age": 31, "education": "masters",
    "first_language": {"test": "tcf_canada", "listening": 510, "reading": 460, "writing": 12, "speaking": 14},
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "two_or_more",
               "language": None, "canadian_work_years": 0},
}


# Cells whose words spill out of their box (a word kept whole, as "Sous-total", in a column left
# with no room), over the cell beside them. A heading row kept for screen readers only is left out.
SPILLED = """() => [...document.querySelectorAll('#result th, #result td')]
  .filter((cell) => !cell.closest('thead') || getComputedStyle(cell.closest('thead')).position !== 'absolute')
  .filter((cell) => cell.checkVisibility() && cell.scrollWidth > cell.clientWidth + 1)
  .map((cell) => cell.textContent.trim().slice(0, 40))"""


@pytest.mark.parametrize("route", ["calculator/", "fr/calculateur/"])
def test_no_cell_of_the_report_spills_over_its_neighbour_on_a_phone(warm_page, site_server, route):
    page = warm_page(site_server, viewport={"width": 360, "height": 800})
    page.goto(site_server.url + route)
    page.wait_for_selector("html[data-engine=ready]")
    fill_profile(page, PROFILE)
    page.wait_for_selector('#result[data-details="ready"]')
    page.evaluate("() => document.querySelectorAll('#result details').forEach((d) => { d.open = true; })")
    assert page.locator("#result table.grid tr.subtotal").first.is_visible()
    assert page.evaluate(SPILLED) == []


@pytest.mark.parametrize("width", [360, 1280])
def test_the_calculator_fits_the_screen(warm_page, site_server, width):
    page = warm_page(site_server, viewport={"width": width, "height": 800})
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    add_job(page)
    page.wait_for_selector(SETTLED)
    page.wait_for_selector('#result[data-details="ready"]')
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, overflow


@pytest.mark.parametrize("route", ["calculator/", "fr/calculateur/"])
@pytest.mark.parametrize("width", [360, 390, 1280])
def test_nothing_moves_while_python_starts(guarded_context, site_server, route, width):
    """The start-up's words change at each stage (and wrap on a phone), then the bar goes: the
    status box keeps its height throughout, so the questions under it never jump."""
    page = guarded_context(site_server, viewport={"width": width, "height": 844}).new_page()
    page.goto(site_server.url + route)
    status = page.locator("#engine-status")
    height = status.bounding_box()["height"]
    page.wait_for_selector("html[data-engine=ready]", timeout=60_000)
    assert status.bounding_box()["height"] == height
    assert page.evaluate(SHIFTS) < 0.01
