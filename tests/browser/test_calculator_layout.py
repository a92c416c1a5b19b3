"""The calculator fits a phone's screen: no sideways scrolling at 360 px, with every group of
questions open (a spouse, a test's scores, a job) and a full result shown."""
from __future__ import annotations

import pytest

from tests.browser.calculator_page import add_job, SETTLED, fill_profile, open_calculator

PROFILE = {
    "as_of": "2026-11-02", "age": 31, "education": "masters",
    "first_language": {"test": "tcf_canada", "listening": 510, "reading": 460, "writing": 12, "speaking": 14},
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "two_or_more",
               "language": None, "canadian_work_years": 0},
}


@pytest.mark.parametrize("width", [360, 1280])
def test_the_calculator_fits_the_screen(guarded_context, site_server, width):
    page = guarded_context(site_server, viewport={"width": width, "height": 800}).new_page()
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    add_job(page)
    page.wait_for_selector(SETTLED)
    page.wait_for_selector('#result[data-details="ready"]')
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, overflow
