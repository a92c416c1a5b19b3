"""The calculator on a phone and on a desktop: nothing wider than the screen with a long profile
filled and every section open, the score in view after the last answer it needs, only the
score's questions on screen on arrival, the CLB level beside each test score as it is typed,
and axe-core clean in each state, at 360 x 740, 390 x 844 and 1280 x 900."""
from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

import engine

from tests.browser.calculator_page import ABILITIES, READY, SETTLED, add_job, choose, fill, fill_profile, reveal
from tests.browser.test_accessibility import violations

SIZES = {"360x740": (360, 740), "390x844": (390, 844), "1280x900": (1280, 900)}
LONG = {
    "as_of": "2026-11-02", "age": 31, "education": "two_or_more", "canadian_education": "three_year_or_more",
    "first_language": {"test": "tef_canada", "listening": 520, "reading": 500, "writing": 480, "speaking": 470,
                       "taken_on": "2025-06-01"},
    "second_language": {"test": "celpip_general", "listening": 9, "reading": 8, "writing": 7, "speaking": 9},
    "canadian_work_years": 1, "foreign_work_years": 3, "certificate_of_qualification": True,
    "job_offer": "teer_00", "sibling_in_canada": True,
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "masters",
               "language": {"test": "ielts_general", "listening": 7, "reading": 6.5, "writing": 6, "speaking": 6.5},
               "canadian_work_years": 2},
}
# The questions the score needs, on screen on arrival (a test's scores once a test is chosen).
ARRIVAL = {"age", "spouse", "first_language.test", "second_language.test", "education", "canadian_education",
           "canadian_work_years", "foreign_work_years", "certificate_of_qualification", "provincial_nomination",
           "sibling_in_canada", "job_offer"}
VISIBLE_NAMES = """() => [...document.querySelectorAll('#calculator-form [name]')]
  .filter((el) => el.checkVisibility()).map((el) => el.name)"""


def phone(guarded_context, server, size, **options):
    # Fresh contexts: with warm ones, a test here twice found the answers (a job list) that
    # the previous test's page had left, though the storage was cleared in between.
    width, height = SIZES[size]
    mobile = width < 800
    return guarded_context(server, viewport={"width": width, "height": height}, is_mobile=mobile,
                           has_touch=mobile, **options).new_page()


def fill_everything(page) -> None:
    """A long profile, every optional section open and answered, a job with a long NOC title."""
    fill_profile(page, LONG)
    reveal(page, "plans_to_live_in_quebec")
    choose(page, "plans_to_live_in_quebec", "false")
    choose(page, "relative_in_canada", "true")
    fill(page, "eca_issued_on", "2024-05-01")
    fill(page, "settlement_funds", "25000")
    fill(page, "children_accompanying", "2")
    fill(page, "ita_received_on", "2026-10-20")
    fill(page, "profile_submitted_on", "2026-03-01")
    add_job(page)
    page.fill('[name="work_history.0.noc"]', "21232")
    choose(page, "work_history.0.country", "canada")
    page.fill('[name="work_history.0.start"]', "2024-01-01")
    page.click("#noc-helper summary")
    page.wait_for_selector('#result[data-details="ready"]')


def width_of(page) -> int:
    # With is_mobile, innerWidth follows the content: compare with the configured width.
    return page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")


@pytest.mark.parametrize("size", SIZES)
def test_no_part_of_the_page_is_wider_than_the_screen(guarded_context, site_server, size):
    page = phone(guarded_context, site_server, size)
    page.goto(site_server.url + "calculator/")
    page.wait_for_selector(READY)
    assert width_of(page) <= SIZES[size][0]
    fill_everything(page)
    page.fill("#scenario-name", "A long name for a scenario that a person might type on a phone")
    page.click("#scenario-save")
    assert width_of(page) <= SIZES[size][0], size
    wide = page.evaluate(f"""() => [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > {SIZES[size][0]} + 1 && el.checkVisibility()
        && !el.closest('.table-scroll, figure, [data-scroll]'))
      .map((el) => el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className).slice(0, 5)""")
    assert wide == []


@pytest.mark.parametrize("width", [320, 768, 1920])
def test_other_widths_fit_too(guarded_context, site_server, width):
    page = guarded_context(site_server, viewport={"width": width, "height": 900}).new_page()
    page.goto(site_server.url + "calculator/")
    page.wait_for_selector(READY)
    fill_everything(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("size", ["360x740", "390x844"])
def test_the_total_is_in_view_after_the_last_score_answer_on_a_phone(guarded_context, site_server, size):
    page = phone(guarded_context, site_server, size)
    page.goto(site_server.url + "calculator/")
    page.wait_for_selector(READY)
    expect(page.locator("#score-state")).to_contain_text("Waiting for 7 answers")
    page.fill('[name="age"]', "29")
    choose(page, "education", "bachelors")
    choose(page, "first_language.test", "celpip_general")
    for ability in ABILITIES:
        page.fill(f'[name="first_language.{ability}"]', "9")
    page.wait_for_selector(SETTLED)
    box = page.locator("#crs-total").bounding_box()
    height = SIZES[size][1]
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= height, box
    expected = engine.crs_score({"as_of": dt.date.today().isoformat(), "age": 29, "education": "bachelors",
                                 "first_language": {"test": "celpip_general", **dict.fromkeys(ABILITIES, 9)}})
    expect(page.locator("#crs-total")).to_have_text(str(expected["total"]))
    expect(page.locator("#score-state")).to_have_text("Up to date")
    # The bar opens the full result.
    page.click(".see-result")
    expect(page.locator("#result-heading")).to_be_in_viewport()  # scrolls smoothly: expect waits


def test_on_arrival_only_the_questions_the_score_needs_are_on_screen(guarded_context, site_server):
    page = phone(guarded_context, site_server, "390x844")
    page.goto(site_server.url + "calculator/")
    page.wait_for_selector(READY)
    assert set(page.evaluate(VISIBLE_NAMES)) == ARRIVAL
    # Every optional section is closed and says what it adds; no "Next" button.
    sections = page.locator("details[data-more]")
    assert sections.count() == 6  # programs, funds, work, countries lived in, dates, calculation date
    for i in range(sections.count()):
        assert not sections.nth(i).evaluate("d => d.open")
        assert sections.nth(i).locator(".more-adds").inner_text().strip()
    assert page.get_by_role("button", name="Next").count() == 0
    # A spouse's questions appear once a spouse is declared; a test's scores once it is chosen.
    page.check("#f-spouse-yes")
    choose(page, "first_language.test", "ielts_general")
    shown = set(page.evaluate(VISIBLE_NAMES))
    assert {"spouse.education", "spouse.language.test", "spouse.canadian_work_years", "spouse.accompanying",
            "first_language.listening", "first_language.taken_on"} <= shown
    # One tap opens a section.
    page.click("#more-programs > summary")
    expect(page.locator('[name="plans_to_live_in_quebec"]').first).to_be_visible()


def test_the_level_of_each_score_shows_as_it_is_typed(page, site_server):
    page.goto(site_server.url + "calculator/")
    page.wait_for_selector(READY)
    choose(page, "first_language.test", "ielts_general")
    page.fill('[name="first_language.listening"]', "8")
    expect(page.locator("#f-first_language-listening-level")).to_have_text("CLB 9")
    page.fill('[name="first_language.listening"]', "6")
    expect(page.locator("#f-first_language-listening-level")).to_have_text("CLB 7")
    page.fill('[name="first_language.listening"]', "3")
    expect(page.locator("#f-first_language-listening-level")).to_have_text("Below CLB 4")
    page.fill('[name="first_language.listening"]', "9.25")  # not a score IELTS gives
    expect(page.locator("#f-first_language-listening-level")).to_have_text("")
    choose(page, "second_language.test", "tcf_canada")
    page.fill('[name="second_language.writing"]', "12")
    expect(page.locator("#f-second_language-writing-level")).to_have_text("NCLC 8")
    # The level is tied to its input for screen readers.
    described = page.get_attribute('[name="second_language.writing"]', "aria-describedby").split()
    assert "f-second_language-writing-level" in described


@pytest.mark.parametrize("size", SIZES)
def test_axe_finds_nothing_serious_in_any_state(guarded_context, site_server, size):
    page = phone(guarded_context, site_server, size, bypass_csp=True)
    page.goto(site_server.url + "calculator/")
    page.wait_for_selector(READY)
    assert violations(page) == [], "arrival"
    fill_everything(page)
    assert violations(page) == [], "full report"
    page.fill("#scenario-name", "first")
    page.click("#scenario-save")
    page.fill('[name="age"]', "40")
    page.wait_for_selector(SETTLED)
    page.click("#scenario-save")
    expect(page.locator("#scenario-compare table")).to_be_visible()
    assert violations(page) == [], "scenarios compared"
    page.fill('[name="first_language.reading"]', "9999")
    page.wait_for_selector('#result[data-state="stale"]')
    assert violations(page) == [], "out of date"
