"""Answers in the page's address: only a shared link (a fragment that names questions) loads
answers, a second link in the same tab too, after asking before it replaces typed answers;
a link's refused values are named (issue 14, items 1 and 9)."""
from __future__ import annotations

from urllib.parse import urlencode

from playwright.sync_api import expect

from tests.browser.calculator_page import READY, SETTLED, fill_profile, open_calculator

PROFILE = {
    "age": 33, "education": "two_year",
    "first_language": {"test": "celpip_general", "listening": 9, "reading": 8, "writing": 8, "speaking": 9},
}
LINK_A = {"age": "29", "education": "masters", "first_language.test": "clb", "first_language.listening": "9",
          "first_language.reading": "9", "first_language.writing": "9", "first_language.speaking": "9"}
LINK_B = {**LINK_A, "age": "41", "education": "bachelors"}


def link(server, answers: dict) -> str:
    return server.url + "calculator/#" + urlencode(answers)


def test_a_fragment_that_is_a_place_in_the_page_keeps_the_saved_answers(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    page.wait_for_selector(SETTLED)
    total = page.inner_text("#crs-total")
    # The skip link (#main) followed by a reload, and a link to the result (#result).
    page.focus(".skip-link")
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    page.reload()
    page.wait_for_selector(READY)
    expect(page.locator('[name="age"]')).to_have_value("33")
    page.goto(site_server.url + "calculator/#result")
    page.reload()
    page.wait_for_selector(SETTLED)
    expect(page.locator('[name="age"]')).to_have_value("33")
    expect(page.locator("#crs-total")).to_have_text(total)
    expect(page.locator("#answers-notice")).to_be_hidden()
    # The score bar's own link to the result is a place too.
    page.click(".see-result")
    page.reload()
    page.wait_for_selector(READY)
    expect(page.locator('[name="education"]')).to_have_value("two_year")


def test_a_link_loads_at_once_when_nothing_was_typed_and_a_second_one_asks(page, site_server):
    page.goto(link(site_server, LINK_A))
    page.wait_for_selector(SETTLED)
    expect(page.locator('[name="age"]')).to_have_value("29")
    expect(page.locator("#answers-notice")).to_contain_text("restored from the link")
    assert "#" not in page.url
    page.fill('[name="age"]', "30")  # typed here
    page.wait_for_selector(SETTLED)

    # A second link in the same tab: only the fragment changes, the page is not loaded again.
    page.goto(link(site_server, LINK_B))
    expect(page.locator("#link-offer")).to_be_visible()
    expect(page.locator('[name="age"]')).to_have_value("30")  # not replaced before the answer
    page.click("#link-accept")
    expect(page.locator('[name="age"]')).to_have_value("41")
    expect(page.locator('[name="education"]')).to_have_value("bachelors")
    page.wait_for_selector(SETTLED)

    # A third, declined: the typed answers stay, and a reload does not bring the link back.
    page.goto(link(site_server, LINK_A))
    page.click("#link-decline")
    expect(page.locator('[name="age"]')).to_have_value("41")
    expect(page.locator("#answers-notice")).to_contain_text("were kept")
    page.reload()
    page.wait_for_selector(READY)
    expect(page.locator('[name="age"]')).to_have_value("41")


def test_the_values_a_link_could_not_use_are_named(page, site_server):
    bad = {**LINK_A, "age": "abc", "as_of": "2024-02-30", "first_language.reading": "1e400",
           "canadian_work_years": "2.5", "job_offer": "president"}
    page.goto(link(site_server, bad))
    page.wait_for_selector(READY)
    notice = page.locator("#answers-notice")
    expect(notice).to_contain_text("could not be used")
    refused = page.locator("#answers-refused li")
    names = {refused.nth(i).get_attribute("data-name") for i in range(refused.count())}
    assert names == {"age", "as_of", "first_language.reading", "canadian_work_years", "job_offer"}
    expect(notice).to_contain_text("“Your age (in whole years)”: abc")
    expect(notice).to_contain_text("Reading (Your first official language")
    # The good answers of the same link are in.
    expect(page.locator('[name="education"]')).to_have_value("masters")
    expect(page.locator('[name="age"]')).to_have_value("")
    expect(page.locator('[name="first_language.listening"]')).to_have_value("9")


def test_the_question_before_a_link_replaces_answers_is_accessible(warm_page, site_server):
    from tests.browser.test_accessibility import violations

    page = warm_page(site_server, bypass_csp=True)
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    page.wait_for_selector(SETTLED)
    page.goto(link(site_server, LINK_A))
    expect(page.locator("#link-offer")).to_be_visible()
    expect(page.locator("#link-accept")).to_be_focused()
    assert violations(page) == []
