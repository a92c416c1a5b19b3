"""A first visit over a slow link (issue 14 item 2): the calculator's download (about 12 MB)
at 200 KB/s takes about a minute, and the start-up watchdog gives up only when nothing moves.

The server throttles every byte (tests/harness/slow_server.py). The page's clock is also made to
run 20 times faster while bytes arrive: to the watchdog the same download then takes about 20
minutes, a 10 KB/s link, and any stretch of the boot whose bytes it does not see (before, the
1.2 MB runtime script imported by URL) looks like minutes of silence."""
from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.harness.slow_server import serve_slowly
from tests.harness.words import words

RATE = 200_000  # bytes per second
SPEEDUP = 20  # page-clock milliseconds per real millisecond while bytes arrive
STEP = 0.25  # seconds


@pytest.fixture
def slow_server(built_site):
    server, link = serve_slowly(built_site, RATE)
    yield server, link
    server.close()


WATCH_BAR = """() => {
  const bar = document.querySelector("#engine-status progress");
  window.barMovedAt = Date.now();
  new MutationObserver(() => (window.barMovedAt = Date.now())).observe(bar, { attributes: true });
}"""


def run(page, link, until: float, stop=lambda: False):
    """Let the page run until it leaves "loading" (or `until` seconds pass): its clock goes
    SPEEDUP times faster whenever bytes moved in the last step."""
    start = time.monotonic()
    while time.monotonic() - start < until and page.get_attribute("html", "data-engine") == "loading" and not stop():
        sent = link.sent
        time.sleep(STEP)
        page.clock.run_for(int(STEP * 1000 * (SPEEDUP if link.sent > sent else 1)))
    return page.get_attribute("html", "data-engine")


def test_a_first_visit_at_200_kb_per_second_reaches_ready(guarded_context, slow_server):
    server, link = slow_server
    page = guarded_context(server).new_page()
    page.clock.install()
    page.goto(server.url + "calculator/", timeout=120_000)
    assert run(page, link, until=300) == "ready"
    assert link.sent > 10_000_000  # the whole download went through the slow link
    expect(page.locator("#engine-error")).to_be_hidden()


def test_a_download_that_stops_is_given_up_after_a_minute_of_silence(guarded_context, slow_server):
    server, link = slow_server
    link.stalled.add("pyodide.asm.wasm")  # its first bytes arrive, then nothing
    page = guarded_context(server).new_page()
    page.clock.install()
    page.goto(server.url + "calculator/", timeout=120_000)
    # The page-clock moment the progress bar last moved: the watchdog's last sign of life.
    page.evaluate(WATCH_BAR)
    # Until the wasm file's first bytes, the boot moves; then the link goes quiet.
    state = run(page, link, until=120, stop=lambda: link.quiet_for() > 3)
    assert state == "loading"
    # The last steps ran the clock fast while the final bytes arrived: count the silence from
    # the bar's last move, not from the moment the link went quiet.
    silent = page.evaluate("Date.now() - window.barMovedAt")
    assert 0 <= silent < 30_000
    page.clock.run_for(50_000 - silent)  # less than the watchdog's minute of silence
    expect(page.locator("html")).to_have_attribute("data-engine", "loading")
    page.clock.run_for(15_000)
    expect(page.locator("html")).to_have_attribute("data-engine", "error")
    expect(page.locator("#engine-error")).to_have_text(words("calculator.engine.timeout"))
    expect(page.locator("#engine-way-out button")).to_have_count(2)
