"""The calculator when something goes wrong below the page (issue 22): the principal applicant
swap is its own inverse (a table of couples, with work histories); a number reads one way while
typed and after a reload; offline, a calculator never opened online says it needs one visit.
(A worker that dies without a word, noticed within seconds: test_calculator_startup.py.)"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

import engine
from tests.browser.calculator_page import ANSWERS, READY, add_job, choose, fill, fill_profile, open_calculator, shown_score
from tests.harness.words import words

AS_OF = "2026-11-02"
IELTS = {"test": "ielts_general", "listening": 7, "reading": 6.5, "writing": 6, "speaking": 6.5}
CELPIP = {"test": "celpip_general", "listening": 10, "reading": 9, "writing": 9, "speaking": 10}
SPOUSE = {"canadian_citizen_or_pr": False, "accompanying": True, "education": "masters", "language": CELPIP,
          "canadian_work_years": 2}
# (couple, the principal applicant's jobs)
COUPLES = {
    "typed years": ({"as_of": AS_OF, "age": 34, "education": "bachelors", "foreign_work_years": 2,
                     "canadian_work_years": 1, "first_language": IELTS, "spouse": SPOUSE}, []),
    "a job in Canada": ({"as_of": AS_OF, "age": 31, "education": "two_year", "first_language": IELTS,
                         "spouse": SPOUSE}, [("21232", "canada", "2024-06-01", "")]),
    "jobs on both sides": ({"as_of": AS_OF, "age": 40, "education": "masters", "first_language": CELPIP,
                            "second_language": {"test": "tef_canada", "listening": 400, "reading": 400, "writing": 400, "speaking": 400},
                            "spouse": {**SPOUSE, "education": "bachelors", "language": IELTS, "canadian_work_years": 0}},
                           [("21232", "abroad", "2018-01-01", "2022-12-31"), ("41200", "canada", "2023-02-01", "")]),
}


def stored(page, key=ANSWERS):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('{key}'))")


def add_jobs(page, jobs) -> None:
    for index, (noc, country, start, end) in enumerate(jobs):
        add_job(page)
        page.fill(f'[name="work_history.{index}.noc"]', noc)
        choose(page, f"work_history.{index}.country", country)
        page.fill(f'[name="work_history.{index}.start"]', start)
        page.fill(f'[name="work_history.{index}.end"]', end)


@pytest.mark.parametrize("name", sorted(COUPLES))
def test_swapping_twice_gives_every_answer_and_the_total_back(page, site_server, name):
    couple, jobs = COUPLES[name]
    open_calculator(page, site_server)
    fill_profile(page, couple)
    add_jobs(page, jobs)
    before = shown_score(page)["total"]
    answers = stored(page)
    page.click("#swap-principal")
    expect(page.locator("#swap-result")).to_contain_text(str(before))
    swapped = shown_score(page)["total"]
    page.click("#swap-principal")
    expect(page.locator("#swap-result")).to_contain_text(str(swapped))
    assert shown_score(page)["total"] == before
    after = stored(page)
    if jobs:  # the principal applicant's years of work are then counted from the jobs, not kept
        for derived in ("canadian_work_years", "foreign_work_years"):
            answers.pop(derived, None), after.pop(derived, None)
    assert after == answers


def test_a_number_typed_is_the_number_a_reload_keeps(page, site_server):
    # Each is a number as a number input takes it: scored while typed, and kept by a reload.
    open_calculator(page, site_server)
    profile = {"as_of": AS_OF, "age": 30, "education": "masters", "foreign_work_years": 3, "first_language": IELTS}
    fill_profile(page, profile)
    page.fill('[name="age"]', "3e1")
    fill(page, "settlement_funds", "12345.1234567")
    add_jobs(page, [("21232", "abroad", "2020-01-01", "2025-12-31")])
    page.fill('[name="work_history.0.hours_per_week"]', ".5")
    typed = shown_score(page)["total"]
    assert typed == engine.crs_score({**profile, "work_history": [
        {"noc": "21232", "country": "abroad", "start": "2020-01-01", "end": "2025-12-31", "hours_per_week": 0.5}]})["total"]
    fill(page, "settlement_funds", "1e6")
    shown_score(page)
    page.reload()
    page.wait_for_selector(READY)
    assert shown_score(page)["total"] == typed
    expect(page.locator('[name="age"]')).to_have_value("3e1")
    expect(page.locator('[name="settlement_funds"]')).to_have_value("1e6")
    expect(page.locator('[name="work_history.0.hours_per_week"]')).to_have_value(".5")
    expect(page.locator("#answers-notice")).to_be_hidden()  # nothing dropped as unusable


def test_offline_a_calculator_never_opened_says_it_needs_one_visit_online(guarded_context, site_server):
    context = guarded_context(site_server)
    page = context.new_page()
    page.goto(site_server.url)
    page.wait_for_selector("html[data-offline=ready]")  # the guide is kept, Python is not
    context.set_offline(True)
    context.route("**/*", lambda route: route.abort())
    page.goto(site_server.url + "calculator/")
    page.wait_for_selector("html[data-engine=error]")
    expect(page.locator("#engine-error")).to_have_text(words("calculator.engine.offline_first"))
