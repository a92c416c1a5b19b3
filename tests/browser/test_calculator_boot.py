"""Start-up: a progress bar while Python boots, and a visible error instead of an endless
wait when it cannot start."""
from __future__ import annotations

from playwright.sync_api import expect


def test_form_is_usable_before_the_engine_is_ready(page, site_server):
    # Hold the engine archive back: Python cannot finish starting, the form must still work.
    page.route("**/engine-*.zip", lambda route: None)
    page.goto(site_server.url + "calculator/")
    expect(page.locator("html")).to_have_attribute("data-engine", "loading")
    expect(page.locator("#engine-progress")).to_be_visible()
    page.fill('[name="age"]', "30")
    page.select_option('[name="education"]', "masters")
    expect(page.locator("#result-message")).to_contain_text("first language")


def test_engine_that_cannot_start_shows_an_error(page, site_server):
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site_server.url + "calculator/")
    page.wait_for_selector("html[data-engine=error]")
    expect(page.locator("#engine-error")).to_be_visible()
    expect(page.locator("#engine-error")).to_contain_text("could not start")


def test_a_hung_boot_times_out(page, site_server):
    """A blocked WebAssembly compile hangs rather than fails: the page's watchdog ends it."""
    page.clock.install()
    page.route("**/pyodide.asm.wasm", lambda route: None)  # never answered
    page.goto(site_server.url + "calculator/")
    expect(page.locator("html")).to_have_attribute("data-engine", "loading")
    page.clock.run_for(10 * 60 * 1000)
    page.wait_for_selector("html[data-engine=error]")
    expect(page.locator("#engine-error")).to_contain_text("too long")
