"""Nothing lost, nothing stuck (issue 14): saved answers checked one by one on load (corrupt
ones dropped and said; "clear my answers" works), an impossible date noticed at once, a job's
error under that job, plain messages, the 50-job limit said, "calculate as of" today kept."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from playwright.sync_api import expect

from tests.browser.calculator_page import ANSWERS, READY, SETTLED, add_job, choose, fill, fill_profile, open_calculator
from tests.harness.words import long_date, words

PROFILE = {
    "as_of": "2026-11-02", "age": 30, "education": "bachelors",
    "first_language": {"test": "ielts_general", "listening": 8, "reading": 7, "writing": 7, "speaking": 7},
}
CORRUPT = {
    "an object for a number": '{"age": {"toString": 1}, "education": "masters"}',
    "deeply nested arrays": "[" * 100000 + "]" * 100000,
    "many keys": json.dumps({**{f"k{i}": "x" for i in range(124000)}, "education": "masters"}),
    "not JSON": "{age: 30",
    "a list": '["age", 30]',
}


def with_saved(page, server, text: str):
    """Open the calculator with `text` saved as this browser's answers."""
    page.goto(server.url + "404.html")  # same origin, no calculator script running
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [ANSWERS, text])
    page.goto(server.url + "calculator/")
    page.wait_for_selector(READY)


@pytest.mark.parametrize("case", CORRUPT)
def test_corrupt_saved_answers_are_dropped_and_said(page, site_server, case):
    with_saved(page, site_server, CORRUPT[case])
    notice = page.locator("#answers-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("could not")
    if "masters" in CORRUPT[case]:  # the usable answer of the same save is kept
        expect(page.locator('[name="education"]')).to_have_value("masters")
    # The page works, and what was dropped stays dropped after a reload.
    fill_profile(page, PROFILE)
    page.wait_for_selector(SETTLED)
    page.reload()
    page.wait_for_selector(SETTLED)
    expect(notice).to_be_hidden()
    page.click("#clear-answers")
    page.click("#clear-yes")  # clearing asks first
    expect(page.locator('[name="age"]')).to_have_value("")
    assert page.evaluate("(key) => localStorage.getItem(key)", ANSWERS) in (None, "{}")


def test_an_impossible_date_typed_into_an_empty_field_is_noticed_at_once(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    add_job(page)
    page.fill('[name="work_history.0.noc"]', "21232")
    choose(page, "work_history.0.country", "canada")
    page.fill('[name="work_history.0.start"]', "2018-01-01")
    page.wait_for_selector('#result[data-details="ready"]')
    end = page.locator('[name="work_history.0.end"]')
    end.click()
    page.keyboard.type("02302019")  # 30 February 2019: Chromium fires no input event
    expect(end).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-work_history-0-end-error")).to_contain_text("date that exists")
    expect(page.locator("#result")).to_have_attribute("data-state", "stale")


def test_a_job_error_appears_under_its_own_job_when_an_earlier_job_is_empty(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    add_job(page)
    add_job(page)  # job 1 stays empty; the profile leaves it out
    add_job(page)
    page.fill('[name="work_history.2.start"]', "2020-01-01")  # where the job was is missing
    field = page.locator('[name="work_history.2.country"]').first  # its first radio button
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-work_history-2-country-error")).to_be_visible()
    expect(page.locator("#f-work_history-0-country-error")).to_be_hidden()
    expect(page.locator('[name="work_history.0.country"]').first).not_to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize("name, value, words", [
    ("age", "30.5", "whole number"),
    ("canadian_work_years", "1.5", "whole number"),
    ("first_language.reading", "9.5", "0 to 9"),
])
def test_messages_say_what_is_wrong_in_plain_words(page, site_server, name, value, words):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    page.wait_for_selector(SETTLED)
    field = page.locator(f'[name="{name}"]')
    field.fill(value)
    error = page.locator("#" + field.get_attribute("id") + "-error")
    expect(error).to_contain_text(words)
    assert "_" not in error.inner_text()


def test_a_refused_date_of_the_calculation_is_named_in_words(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, {**PROFILE, "as_of": "1999-01-01"})
    expect(page.locator("#result-message")).to_contain_text("Calculate as of")
    assert "as_of" not in page.inner_text("#result")


def test_add_a_job_after_50_jobs_says_why(page, site_server):
    open_calculator(page, site_server)
    add_job(page)
    limit = page.locator("#add-job-limit")
    expect(limit).to_be_hidden()
    for _ in range(49):
        page.click("#add-job")
    expect(page.locator("[data-job]")).to_have_count(50)
    expect(limit).to_be_visible()
    page.click("#add-job")
    expect(page.locator("[data-job]")).to_have_count(50)
    expect(limit).to_contain_text("50 jobs")


def test_a_date_of_the_calculation_set_to_today_is_kept(page, site_server):
    today = dt.date.today().isoformat()
    open_calculator(page, site_server)
    expect(page.locator('[name="as_of"]')).to_have_value("")  # empty: today
    fill(page, "as_of", today)
    saved = json.loads(page.evaluate("(key) => localStorage.getItem(key)", ANSWERS))
    assert saved["as_of"] == today
    page.reload()
    page.wait_for_selector(READY)
    expect(page.locator('[name="as_of"]')).to_have_value(today)
    # The section that holds an answer opens on its own.
    assert page.locator("#more-as_of").evaluate("d => d.open")


def test_a_year_of_more_than_four_digits_is_refused_in_words(page, site_server):
    open_calculator(page, site_server)
    fill(page, "as_of", "2026-11-02")
    field = page.locator('[name="as_of"]')
    field.fill("")
    field.click()
    page.keyboard.type("0101123456")  # 1 January 123456
    expect(field).to_have_attribute("aria-invalid", "true")
    # The field's max (the field model's 2099-12-31) keeps the year to four digits as it is
    # typed; the year that results is beyond it, and the message says the bound in words.
    expect(page.locator("#f-as_of-error")).to_have_text(words("errors.date_max", max=long_date("2099-12-31")))
