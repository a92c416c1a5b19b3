"""Quick to fill on a phone, scored as IRCC scores it at the field (issue 19): one tap for a
short list, the spouse's questions right after the spouse's answer, the page language's tests
first, the sibling question that counts a spouse's brother or sister, the TEF Canada scale its
date uses, and a half-typed test that leaves the last complete total in view, marked."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

import engine
from tests.browser.calculator_page import ABILITIES, SETTLED, choose, fill_language, fill_profile, open_calculator, shown_score
from tests.harness.words import catalogue

CALCULATOR = {"en": "calculator/", "fr": "fr/calculateur/"}
PROFILE = {
    "as_of": "2026-11-02", "age": 32, "education": "masters",
    "first_language": {"test": "tef_canada", "listening": 520, "reading": 510, "writing": 530, "speaking": 530,
                       "taken_on": "2026-03-01"},
    "foreign_work_years": 4,
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "bachelors", "language": None,
               "canadian_work_years": 0},
}


def open_edition(page, server, lang):
    page.goto(server.url + CALCULATOR[lang])
    page.wait_for_selector("html[data-engine=ready]")
    return page


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_sibling_question_names_the_spouse_or_partner_too(page, site_server, lang):
    open_edition(page, site_server, lang)
    label = page.locator('label[for="f-sibling_in_canada"]')
    expect(label).to_have_text(catalogue(lang)["calculator.field.sibling_in_canada"])
    expect(label).to_contain_text({"en": "spouse or partner", "fr": "époux ou conjoint de fait"}[lang])
    # The answer counts whoever's brother or sister it is: 15 points with it.
    fill_profile(page, PROFILE)
    without = shown_score(page)["total"]
    page.set_checked('[name="sibling_in_canada"]', True)
    page.wait_for_selector(SETTLED)
    expected = engine.crs_score({**PROFILE, "sibling_in_canada": True})["total"]
    expect(page.locator("#crs-total")).to_have_text(str(expected))
    assert expected > without


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_tef_canada_field_says_which_scale_its_date_uses(page, site_server, lang):
    words = catalogue(lang)
    since = {"en": "11 December 2023", "fr": "11 décembre 2023"}[lang]
    open_edition(page, site_server, lang)
    note = page.locator('[data-chart-for="first_language"]')
    choose(page, "first_language.test", "tef_canada")
    expect(note).to_have_text(words["calculator.scale.chart_undated"].format(since=since))
    page.fill('[name="first_language.taken_on"]', "2023-06-01")
    expect(note).to_have_text(words["calculator.scale.chart_old"].format(since=since))
    page.fill('[name="first_language.taken_on"]', "2023-12-11")
    expect(note).to_have_text(words["calculator.scale.chart_new"].format(since=since))
    # A test whose chart never changed says nothing of it.
    choose(page, "first_language.test", "ielts_general")
    expect(note).to_be_hidden()


def test_a_half_typed_test_leaves_the_last_total_in_view_marked(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    complete = shown_score(page)["total"]
    bar = page.locator("#score-bar")
    expect(bar).not_to_have_attribute("data-partial", "second_language")
    # A second test chosen, one score typed: the total stays, marked as leaving it out.
    choose(page, "second_language.test", "ielts_general")
    page.fill('[name="second_language.listening"]', "7")
    expect(bar).to_have_attribute("data-partial", "second_language")
    note = page.locator("#score-partial")
    expect(note).to_be_visible()
    expect(note).to_contain_text(page.locator('[data-field="second_language"] > legend').inner_text())
    page.wait_for_selector(SETTLED)
    expect(page.locator("#crs-total")).to_have_text(str(complete))
    # Another answer meanwhile still moves the total (the half-typed test still left out).
    page.fill('[name="age"]', "31")
    page.wait_for_selector(SETTLED)
    expect(page.locator("#crs-total")).to_have_text(str(engine.crs_score({**PROFILE, "age": 31})["total"]))
    expect(bar).to_have_attribute("data-partial", "second_language")
    # Whole: it counts, and the mark goes.
    second = {"test": "ielts_general", "listening": 7, "reading": 6.5, "writing": 6.5, "speaking": 7}
    for ability in ABILITIES[1:]:
        page.fill(f'[name="second_language.{ability}"]', str(second[ability]))
    page.wait_for_selector(SETTLED)
    expected = engine.crs_score({**PROFILE, "age": 31, "second_language": second})["total"]
    expect(page.locator("#crs-total")).to_have_text(str(expected))
    expect(bar).not_to_have_attribute("data-partial", "second_language")
    expect(note).to_be_hidden()


def test_one_tap_choices_drive_the_score(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    shown_score(page)
    # Short lists are radio buttons that share the field's name; the default is checked.
    radios = page.locator('input[type="radio"][name="canadian_education"]')
    assert radios.count() == len(engine.fields.choices("canadian_education"))
    expect(page.locator('#f-canadian_education-none')).to_be_checked()
    page.locator('label:has(#f-canadian_education-three_year_or_more)').click()  # one tap on its words
    page.wait_for_selector(SETTLED)
    expected = engine.crs_score({**PROFILE, "canadian_education": "three_year_or_more"})["total"]
    expect(page.locator("#crs-total")).to_have_text(str(expected))
    # A yes/no question without a default starts "not answered", and one tap answers it.
    quebec = page.locator('#f-plans_to_live_in_quebec-unanswered')
    expect(quebec).to_be_checked()
    choose(page, "plans_to_live_in_quebec", "false")
    expect(page.locator('#f-plans_to_live_in_quebec-false')).to_be_checked()


def test_the_spouse_s_questions_follow_the_spouse_answer(page, site_server):
    open_calculator(page, site_server)
    page.check("#f-spouse-yes")
    order = page.evaluate("""() => [...document.querySelectorAll('#calculator-form [name]')]
      .filter((el) => el.checkVisibility()).map((el) => el.name)""")
    after = order[order.index("spouse.accompanying") + 1:]
    assert after[0] == "spouse.education" and order.index("spouse.education") < order.index("first_language.test")


@pytest.mark.parametrize("lang, first", [("en", "english"), ("fr", "french")])
def test_each_edition_lists_its_own_language_s_tests_first(page, site_server, lang, first):
    open_edition(page, site_server, lang)
    for path in ("first_language", "second_language", "spouse.language"):
        kinds = page.locator(f'[name="{path}.test"] option[data-lang]').evaluate_all("els => els.map((o) => o.dataset.lang)")
        assert kinds[0] == first and kinds == sorted(kinds, key=lambda kind: kind != first), (path, kinds)


# Every element that shows, wider than the screen or cut: a box past the right edge, a radio
# button's words or a select's chosen words that overflow their box.
OVERFLOW = """(width) => {
  const out = [];
  for (const el of document.querySelectorAll('#calculator-form *')) {
    if (!el.checkVisibility() || el.closest('[hidden]')) continue;
    const box = el.getBoundingClientRect();
    if (box.right > width + 0.5) out.push(['wide', el.tagName, el.id || el.name || el.className, box.right]);
    if ((el.matches('.choice-option > span') || el.tagName === 'SELECT') && el.scrollWidth > el.clientWidth + 1)
      out.push(['cut', el.tagName, el.id || el.name || el.textContent.slice(0, 40), el.scrollWidth, el.clientWidth]);
  }
  return out;
}"""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_at_360_px_nothing_is_wider_than_the_screen_and_no_label_is_cut(warm_page, site_server, lang):
    page = warm_page(site_server, viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    open_edition(page, site_server, lang)
    fill_profile(page, {**PROFILE, "education": "bachelors", "canadian_education": "one_or_two_year",
                        "job_offer": "teer_00",
                        "spouse": {**PROFILE["spouse"], "education": "two_or_more"}})
    fill_language(page, "second_language", {"test": "ielts_general", "listening": 7, "reading": 7, "writing": 7,
                                            "speaking": 7})
    for section in page.locator("details[data-more] > summary").all():
        section.click()
    page.wait_for_selector(SETTLED)
    assert page.evaluate(OVERFLOW, 360) == []
    # Phone emulation lays a too-wide page out at its full width (notes/runtime-facts.md).
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_on_arrival_at_390_px_a_first_question_is_on_the_first_screen(warm_page, site_server, lang):
    page = warm_page(site_server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    open_edition(page, site_server, lang)
    age = page.locator('[name="age"]').bounding_box()
    bar = page.locator("#score-bar").bounding_box()
    assert age and bar and age["y"] >= 0 and age["y"] + age["height"] <= bar["y"], (age, bar)
