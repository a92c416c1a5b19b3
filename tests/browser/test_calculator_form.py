"""The form: errors beside their field while the last result stays (marked out of date),
questions that do not apply hidden but present, scores bounded by the chosen test."""
from __future__ import annotations

import datetime

from playwright.sync_api import expect

import engine

from tests.browser.calculator_page import SETTLED, choose, fill, fill_profile, open_calculator

PROFILE = {
    "as_of": "2026-11-02", "age": 30, "education": "bachelors",
    "first_language": {"test": "ielts_general", "listening": 8, "reading": 7, "writing": 7, "speaking": 7},
}


def test_invalid_score_shows_its_error_and_keeps_the_last_result(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    page.wait_for_selector(SETTLED)
    total = page.inner_text("#crs-total")

    field = page.locator('[name="first_language.reading"]')
    field.fill("9.5")  # IELTS stops at 9
    expect(field).to_have_attribute("aria-invalid", "true")
    error = page.locator("#f-first_language-reading-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("0 to 9")
    # The message is tied to its field for screen readers.
    assert "f-first_language-reading-error" in field.get_attribute("aria-describedby").split()
    expect(page.locator("#result")).to_have_attribute("data-state", "stale")
    expect(page.locator("#result-message")).to_contain_text("Reading")
    expect(page.locator("#crs-total")).to_have_text(total)

    field.fill("7.25")  # not a step of 0.5
    expect(error).to_contain_text("steps of 0.5")

    field.fill("7")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    expect(error).to_be_hidden()
    page.wait_for_selector(SETTLED)
    expect(page.locator("#crs-total")).to_have_text(total)


def test_engine_refusal_is_shown_beside_the_field(page, site_server):
    """A value the browser accepts but the engine refuses: the engine's message, at its field."""
    open_calculator(page, site_server)
    fill_profile(page, {**PROFILE, "as_of": "1999-01-01"})
    field = page.locator('[name="as_of"]')
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-as_of-error")).to_contain_text("on or after 1 January 2015")
    expect(page.locator("#result")).to_have_attribute("data-state", "stale")


def test_scores_are_bounded_by_the_chosen_test(page, site_server):
    open_calculator(page, site_server)
    reading = page.locator('[name="first_language.reading"]')
    expected = {
        "ielts_general": ("0", "9", "0.5"),
        "celpip_general": ("0", "12", "1"),
        "pte_core": ("10", "90", "1"),
        "tef_canada": ("0", "699", "1"),
        "tcf_canada": ("100", "699", "1"),
        "clb": ("0", "12", "1"),
    }
    for test, (low, high, step) in expected.items():
        choose(page, "first_language.test", test)
        assert (reading.get_attribute("min"), reading.get_attribute("max"), reading.get_attribute("step")) == (low, high, step), test
    writing = page.locator('[name="first_language.writing"]')
    choose(page, "first_language.test", "tcf_canada")
    assert (writing.get_attribute("min"), writing.get_attribute("max")) == ("0", "20")
    # The second language must be the other official language.
    choose(page, "first_language.test", "ielts_general")
    assert page.locator('[name="second_language.test"] option[value="celpip_general"]').is_disabled()
    assert page.locator('[name="second_language.test"] option[value="tef_canada"]').is_enabled()


def test_questions_that_do_not_apply_are_hidden_not_removed(page, site_server):
    open_calculator(page, site_server)
    spouse_fields = ["spouse.canadian_citizen_or_pr", "spouse.accompanying", "spouse.education",
                     "spouse.language.test", "spouse.language.listening", "spouse.canadian_work_years"]
    for name in spouse_fields + ["first_language.listening", "second_language.speaking"]:
        expect(page.locator(f'[name="{name}"]')).to_have_count(1)
        expect(page.locator(f'[name="{name}"]')).to_be_hidden()
    page.check("#f-spouse-yes")
    expect(page.locator('[name="spouse.education"]')).to_be_visible()
    page.set_checked('[name="spouse.canadian_citizen_or_pr"]', True)
    expect(page.locator('[name="spouse.education"]')).to_be_hidden()
    expect(page.locator("#spouse-single-note")).to_be_visible()


def test_keyboard_alone_reaches_a_score(page, site_server):
    """Tab through the first questions and type: no mouse needed."""
    open_calculator(page, site_server)
    page.focus('[name="age"]')
    page.keyboard.type("30")
    page.focus('[name="first_language.test"]')
    # Choosing in a focused select with the keyboard: its first letter, then confirm.
    page.keyboard.press("c")
    expect(page.locator('[name="first_language.test"]')).to_have_value("celpip_general")
    for ability in ("listening", "reading", "writing", "speaking"):
        page.keyboard.press("Tab")
        expect(page.locator(f'[name="first_language.{ability}"]')).to_be_focused()
        page.keyboard.type("9")
    page.focus('[name="education"]')
    page.keyboard.press("b")
    expect(page.locator('[name="education"]')).to_have_value("bachelors")
    page.wait_for_selector(SETTLED)
    expected = engine.crs_score({
        "age": 30, "education": "bachelors", "as_of": datetime.date.today().isoformat(),
        "first_language": {"test": "celpip_general", "listening": 9, "reading": 9, "writing": 9, "speaking": 9},
    })["total"]
    expect(page.locator("#crs-total")).to_have_text(str(expected))


def test_date_fields_take_their_bounds_from_the_field_model(page, site_server):
    """issue 14 item 4: the form bounds every date as the engine does, and says so in words."""
    from engine import fields

    from tests.harness.words import long_date, words

    open_calculator(page, site_server)
    model = {f["path"]: f for f in fields.model(datetime.date.today())["fields"]}
    for name in ("as_of", "eca_issued_on", "ita_received_on", "first_language.taken_on"):
        bounds = model.get(name) or next(f for f in fields.model(datetime.date.today())["language_fields"] if f["path"] == "taken_on")
        field = page.locator(f'[name="{name}"]')
        assert (field.get_attribute("min"), field.get_attribute("max")) == (bounds["min"], bounds["max"]), name
    fill(page, "eca_issued_on", "2100-01-01")
    expect(page.locator("#f-eca_issued_on-error")).to_have_text(words("errors.date_max", max=long_date("2099-12-31")))
    fill(page, "as_of", "2014-12-31")
    expect(page.locator("#f-as_of-error")).to_have_text(words("errors.date_min", min=long_date("2015-01-01")))
