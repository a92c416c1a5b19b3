"""The calculator as a person meets it, in real headless Chromium at 390 x 844 (a phone) and
1280 x 900: prints figures, asserts nothing (issue 11).

    .venv/bin/python benchmarks/bench_calculator_phone.py [--keys 40]

- controls on screen on arrival (in the page, and within the first screen);
- answers a person gives before a first score (what the score bar waits for on arrival);
- last keystroke -> updated #crs-total: real key presses into the age question, timed in the
  page from the key's event to the total's change (median, p90, max);
- layout shift while Python boots: the page's cumulative layout shift from navigation to
  html[data-engine=ready] (PerformanceObserver "layout-shift").
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from sitegen.build import build_site  # noqa: E402
from tests.harness.browser import launch  # noqa: E402
from tests.harness.server import serve  # noqa: E402

SIZES = {"390x844 phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
         "1280x900 desktop": {"viewport": {"width": 1280, "height": 900}}}
SHIFTS = """() => new Promise((resolve) => {
  let sum = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) sum += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(sum), 50);
})"""
CONTROLS = """() => {
  const shown = [...document.querySelectorAll('#calculator-form input, #calculator-form select, #calculator-form button, #calculator-form summary, details[data-more] > summary')]
    .filter((el) => el.checkVisibility());
  const unique = [...new Set(shown)];
  return [unique.length, unique.filter((el) => el.getBoundingClientRect().top < innerHeight).length];
}"""
# Times each key press (its keydown, captured first) to the next change of the total.
WATCH = """() => {
  window.benchTimes = [];
  let pressed = null;
  document.addEventListener("keydown", () => { pressed = performance.now(); }, true);
  new MutationObserver(() => {
    if (pressed !== null) { window.benchTimes.push(performance.now() - pressed); pressed = null; }
  }).observe(document.getElementById("crs-total"), { childList: true, characterData: true, subtree: true });
}"""


def first_score(page) -> None:
    page.fill('[name="age"]', "30")
    page.select_option('[name="education"]', "masters")
    page.select_option('[name="first_language.test"]', "ielts_general")
    for ability, value in {"listening": "8", "reading": "7", "writing": "7", "speaking": "7"}.items():
        page.fill(f'[name="first_language.{ability}"]', value)
    page.wait_for_selector('#result[data-state="ready"]:not([aria-busy])')


def keystrokes(page, count: int) -> list[float]:
    page.evaluate(WATCH)
    age = page.locator('[name="age"]')
    for i in range(count):
        age.focus()
        page.keyboard.press("Control+a")
        # Each new age (31..44) moves the total; the last key of it is the one timed.
        page.keyboard.type(str(31 + i % 14))
        page.wait_for_selector('#result[data-state="ready"]:not([aria-busy])')
        page.wait_for_timeout(20)
    return page.evaluate("window.benchTimes")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        server = serve(site, "/")
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (1 min)")
                for name, options in SIZES.items():
                    context = browser.new_context(**options, bypass_csp=True)  # for page.evaluate
                    page = context.new_page()
                    page.goto(server.url + "calculator/")
                    page.wait_for_selector("html[data-engine=ready]")
                    shift = page.evaluate(SHIFTS)
                    in_page, first_screen = page.evaluate(CONTROLS)
                    waiting = page.inner_text("#score-state")
                    first_score(page)
                    times = sorted(t for t in keystrokes(page, ARGS.keys) if t is not None)
                    print(f"{name}:")
                    print(f"    controls on screen on arrival: {in_page} in the page, {first_screen} within the first screen")
                    print(f"    answers to a first score: the score bar says “{waiting}”")
                    if times:
                        print(f"    last keystroke → updated total ({len(times)} keys): median {statistics.median(times):.1f} ms, "
                              f"p90 {times[int(len(times) * 0.9) - 1]:.1f} ms, max {times[-1]:.1f} ms")
                    print(f"    layout shift while Python boots (navigation → ready): {shift:.4f}")
                    context.close()
                browser.close()
        finally:
            server.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=40)
    ARGS = parser.parse_args()
    main()
