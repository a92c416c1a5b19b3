"""Answers stay in this browser (reload keeps them), travel only in a link's fragment, and
can be cleared."""
from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.browser.calculator_page import SETTLED, fill_profile, open_calculator

PROFILE = {
    "age": 33, "education": "two_year",
    "first_language": {"test": "nclc", "listening": 8, "reading": 8, "writing": 8, "speaking": 8},
    "second_language": {"test": "clb", "listening": 5, "reading": 5, "writing": 5, "speaking": 5},
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "masters",
               "language": None, "canadian_work_years": 1},
}
KEPT = {
    "age": "33", "education": "two_year", "first_language.test": "nclc", "first_language.speaking": "8",
    "second_language.test": "clb", "second_language.listening": "5", "spouse.education": "masters",
    "spouse.canadian_work_years": "1",
}


def assert_answers(page, answers: dict) -> None:
    for name, value in answers.items():
        expect(page.locator(f'[name="{name}"]')).to_have_value(value)
    expect(page.locator("#f-spouse-yes")).to_be_checked()


def test_reload_keeps_the_answers(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    page.wait_for_selector(SETTLED)
    total = page.inner_text("#crs-total")
    page.reload()
    page.wait_for_selector("html[data-engine=ready]")
    assert_answers(page, KEPT)
    page.wait_for_selector(SETTLED)
    expect(page.locator("#crs-total")).to_have_text(total)


def test_a_shared_link_restores_the_answers_elsewhere(guarded_context, site_server):
    sender = guarded_context(site_server).new_page()
    open_calculator(sender, site_server)
    fill_profile(sender, PROFILE)
    sender.wait_for_selector(SETTLED)
    total = sender.inner_text("#crs-total")
    sender.click("#copy-link")
    link = sender.input_value("#share-link")
    assert urlsplit(link).path == urlsplit(site_server.url).path + "calculator/"
    assert urlsplit(link).query == "" and "age=33" in urlsplit(link).fragment

    # A fresh context: no localStorage, so only the link can bring the answers.
    receiver = guarded_context(site_server).new_page()
    receiver.goto(link)
    receiver.wait_for_selector("html[data-engine=ready]")
    assert_answers(receiver, KEPT)
    receiver.wait_for_selector(SETTLED)
    expect(receiver.locator("#crs-total")).to_have_text(total)
    # The fragment is dropped once read, so later edits are not undone by a reload.
    assert "#" not in receiver.url


def test_clear_my_answers_forgets_them(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    page.wait_for_selector(SETTLED)
    page.click("#clear-answers")
    page.click("#clear-yes")  # clearing asks first
    expect(page.locator('[name="age"]')).to_have_value("")
    expect(page.locator("#f-spouse-no")).to_be_checked()
    expect(page.locator("#crs-total")).to_have_text("–")
    expect(page.locator("#answers-status")).to_contain_text("cleared")
    page.reload()
    page.wait_for_selector("html[data-engine=ready]")
    expect(page.locator('[name="age"]')).to_have_value("")
    expect(page.locator('[name="first_language.test"]')).to_have_value("")
