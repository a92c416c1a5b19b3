"""Start-up: a progress bar while Python boots, and a visible error instead of an endless
wait when it cannot start."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.calculator_page import choose
from tests.harness.words import words


@pytest.fixture
def page(fresh_page):
    """Every test here is about start-up: each begins with a first visit."""
    return fresh_page


def test_form_is_usable_before_the_engine_is_ready(page, site_server):
    # Hold the engine archive back: Python cannot finish starting, the form must still work.
    page.route("**/engine-*.zip", lambda route: None)
    page.goto(site_server.url + "calculator/")
    expect(page.locator("html")).to_have_attribute("data-engine", "loading")
    expect(page.locator("#engine-progress")).to_be_visible()
    page.fill('[name="age"]', "30")
    choose(page, "education", "masters")
    expect(page.locator("#result-message")).to_contain_text("first language")


def test_engine_that_cannot_start_shows_an_error(page, site_server):
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site_server.url + "calculator/")
    page.wait_for_selector("html[data-engine=error]")
    expect(page.locator("#engine-error")).to_be_visible()
    expect(page.locator("#engine-error")).to_have_text(words("calculator.engine.error"))


def test_a_hung_boot_times_out(page, site_server):
    """A blocked WebAssembly compile hangs rather than fails: the page's watchdog ends it."""
    page.clock.install()
    page.route("**/pyodide.asm.wasm", lambda route: None)  # never answered
    page.goto(site_server.url + "calculator/")
    expect(page.locator("html")).to_have_attribute("data-engine", "loading")
    page.clock.run_for(10 * 60 * 1000)
    page.wait_for_selector("html[data-engine=error]")
    expect(page.locator("#engine-error")).to_have_text(words("calculator.engine.timeout"))
    expect(page.locator("#engine-way-out [data-way-out=reload]")).to_be_visible()


def test_later_visits_restore_python_from_a_snapshot(page, site_server):
    """The first visit starts Python and saves its memory; a later one restores it and
    calculates exactly as before."""
    from tests.browser.calculator_page import SETTLED, fill_profile

    profile = {
        "age": 34, "education": "masters",
        "first_language": {"test": "tef_canada", "listening": 520, "reading": 500, "writing": 480, "speaking": 470},
        "second_language": {"test": "celpip_general", "listening": 7, "reading": 7, "writing": 6, "speaking": 7},
    }
    page.goto(site_server.url + "calculator/")
    page.wait_for_selector("html[data-engine=ready]")
    expect(page.locator("html")).to_have_attribute("data-python", "started")
    fill_profile(page, profile)
    page.wait_for_selector(SETTLED)
    total = page.inner_text("#crs-total")
    # The snapshot is written in the background: a few reloads at most until it is there.
    for _ in range(5):
        page.reload()
        page.wait_for_selector("html[data-engine=ready]")
        if page.get_attribute("html", "data-python") == "restored":
            break
    expect(page.locator("html")).to_have_attribute("data-python", "restored")
    page.wait_for_selector(SETTLED)
    expect(page.locator("#crs-total")).to_have_text(total)
