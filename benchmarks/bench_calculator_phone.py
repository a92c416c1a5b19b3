"""The calculator as a person meets it, in real headless Chromium at 390 x 844 (a phone) and
1280 x 900: prints figures, asserts nothing (issue 11).

    .venv/bin/python benchmarks/bench_calculator_phone.py [--keys 40]

- controls on screen on arrival (in the page, and within the first screen);
- answers a person gives before a first score (what the score bar waits for on arrival);
- last keystroke -> updated #crs-total: real key presses into the age question, timed in the
  page from the key's event to the total's change (median, p90, max);
- layout shift while Python boots: the page's cumulative layout shift from navigation to
  html[data-engine=ready] (PerformanceObserver "layout-shift");
- issue 19, at 390 px in each edition, for its profile (32, master's with an ECA, TEF Canada at
  NCLC 9, married, the spouse coming with a bachelor's; then IELTS at CLB 7 as a second test):
  taps and pixels of scrolling to a first score, then to add the second test (goal: at most 12
  taps and 2,000 px to the first score), as a person does it: each question scrolled just into
  view above the pinned score bar, a tap on a radio button or a checkbox, two on a select (open,
  choose), one on a text field (typing is not counted); and the report's height as its sections
  open (goal: the whole at most 10 screens).
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
from tests.browser.calculator_page import SHIFTS, choose  # noqa: E402
from tests.harness.browser import launch  # noqa: E402
from tests.harness.server import serve  # noqa: E402

SIZES = {"390x844 phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
         "1280x900 desktop": {"viewport": {"width": 1280, "height": 900}}}
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
    choose(page, "education", "masters")
    choose(page, "first_language.test", "ielts_general")
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


# Issue 19's person, as the answers a person gives in the order the page asks them: (name, value)
# where value None is a tap on the radio button or checkbox named by `name` and its value.
FIRST_SCORE = [("age", "32"), ("spouse", "yes"), ("spouse.education", "bachelors"), ("education", "masters"),
               ("first_language.test", "tef_canada"), ("first_language.listening", "520"),
               ("first_language.reading", "510"), ("first_language.writing", "530"), ("first_language.speaking", "530")]
SECOND_TEST = [("second_language.test", "ielts_general"), ("second_language.listening", "6"),
               ("second_language.reading", "6"), ("second_language.writing", "6"), ("second_language.speaking", "6")]
# Scrolls just enough to show the control of `name` (the radio button of `value`) above the
# pinned score bar; returns the pixels scrolled.
BRING_INTO_VIEW = """([name, value]) => {
  const radio = document.querySelector(`input[type=radio][name="${name}"][value="${value}"]`);
  const el = radio ? (radio.closest("label") ?? radio) : document.querySelector(`[name="${name}"]`);
  const bar = document.getElementById("score-bar").getBoundingClientRect();
  const bottom = Math.min(innerHeight, bar.top > 0 ? bar.top : innerHeight);
  const box = el.getBoundingClientRect();
  let dy = 0;
  if (box.bottom > bottom) dy = box.bottom - bottom + 8;
  else if (box.top < 0) dy = box.top - 8;
  const before = scrollY;
  scrollBy({ top: dy, behavior: "instant" }); // the page scrolls smoothly otherwise
  return Math.abs(scrollY - before);
}"""


def answer(page, name: str, value: str) -> tuple[int, float]:
    """Give one answer as a person does; returns (taps, pixels scrolled)."""
    scrolled = page.evaluate(BRING_INTO_VIEW, [name, value])
    radio = page.locator(f'input[type="radio"][name="{name}"][value="{value}"]')
    if radio.count():
        radio.check()
        return 1, scrolled
    control = page.locator(f'[name="{name}"]')
    if control.evaluate("el => el.tagName") == "SELECT":
        control.select_option(value)
        return 2, scrolled
    control.fill(value)
    return 1, scrolled


def person(page, answers) -> tuple[int, float]:
    taps = pixels = 0
    for name, value in answers:
        tapped, scrolled = answer(page, name, value)
        taps += tapped
        pixels += scrolled
    page.wait_for_selector('#result[data-state="ready"]:not([aria-busy])')
    return taps, pixels


# Opens the report's first closed section on show; returns its title's start, or null.
OPEN_NEXT = """() => {
  const summary = [...document.querySelectorAll("#result details:not([open]) > summary")].find((el) => el.checkVisibility());
  if (!summary) return null;
  summary.click();
  return summary.textContent.trim().split("\\n")[0].slice(0, 40);
}"""


def report_heights(page) -> list[tuple[str, float]]:
    """The report's height once shown, then as each of its collapsed sections opens."""
    page.click(".see-result")
    page.wait_for_selector('#result[data-details="ready"]')
    height = "() => document.getElementById('result').getBoundingClientRect().height"
    heights = [("shown", page.evaluate(height))]
    while len(heights) < 30:
        opened = page.evaluate(OPEN_NEXT)
        if opened is None:
            break
        heights.append((opened, page.evaluate(height)))
    return heights


def issue_19(browser, server) -> None:
    for path in ("calculator/", "fr/calculateur/"):
        context = browser.new_context(**SIZES["390x844 phone"], bypass_csp=True)
        page = context.new_page()
        page.goto(server.url + path)
        page.wait_for_selector("html[data-engine=ready]")
        taps, pixels = person(page, FIRST_SCORE)
        total = page.inner_text("#crs-total")
        more_taps, more_pixels = person(page, SECOND_TEST)
        print(f"issue 19 at 390 px, /{path}:")
        print(f"    to a first score ({total}): {taps} taps, {pixels:,.0f} px of scrolling (goal ≤12 taps, ≤2,000 px)")
        print(f"    to add the second test ({page.inner_text('#crs-total')}): {taps + more_taps} taps, "
              f"{pixels + more_pixels:,.0f} px in all")
        for what, height in report_heights(page):
            print(f"    report height, {what}: {height:,.0f} px ({height / 844:.1f} screens of 844 px)")
        context.close()


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
                issue_19(browser, server)
                browser.close()
        finally:
            server.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=40)
    ARGS = parser.parse_args()
    main()
