"""The answer at the top of the report (#answer) in real Chromium: the engine's total, round
verdicts and program verdicts; missing answers as links to their questions; an expired test
that scores nothing; the printed page; share links; clearing and undoing."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

import engine
from tests.browser.calculator_page import READY, SETTLED, fill, fill_profile, open_calculator, shown_score
from tests.harness.words import words

ROUNDS = json.loads((Path(__file__).resolve().parents[2] / "data" / "rounds.json").read_text())
# Issue 19's couple, with only the questions the score needs answered.
COUPLE = {
    "as_of": "2026-11-25", "age": 32, "education": "masters", "foreign_work_years": 4, "canadian_work_years": 0,
    "first_language": {"test": "tef_canada", "listening": 600, "reading": 600, "writing": 600, "speaking": 600,
                       "taken_on": "2026-01-10"},
    "second_language": {"test": "ielts_general", "listening": 6.0, "reading": 6.0, "writing": 6.0, "speaking": 6.0},
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "bachelors"},
}
DETAILS = '#result[data-details="ready"]'


def ready_answer(page):
    shown_score(page)
    page.wait_for_selector(DETAILS)
    page.wait_for_selector("#answer [data-program]")


@pytest.mark.parametrize("width,height", [(390, 844), (360, 740)])
def test_after_see_the_full_result_the_answer_and_its_total_are_on_the_screen(warm_page, site_server, width, height):
    page = warm_page(site_server, viewport={"width": width, "height": height}, is_mobile=True, has_touch=True)
    open_calculator(page, site_server)
    fill_profile(page, COUPLE)
    ready_answer(page)
    total = engine.crs_score(COUPLE)["total"]
    expect(page.locator("#answer-total")).to_have_text(str(total))
    expect(page.locator("#crs-total")).to_have_text(str(total))
    expect(page.locator("#result-heading")).to_contain_text(str(total))
    page.click(".see-result")
    expect(page.locator("#answer-total")).to_be_in_viewport()
    box = page.locator("#answer-total").bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= height, box
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_french_answer_fits_a_phone_too(warm_page, site_server):
    page = warm_page(site_server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(site_server.url + "fr/calculateur/")
    page.wait_for_selector(READY)
    fill_profile(page, COUPLE)
    ready_answer(page)
    page.click(".see-result")
    expect(page.locator("#answer-total")).to_be_in_viewport()
    expect(page.locator("#result-heading")).to_contain_text(f"Votre note estimée\u00a0: {engine.crs_score(COUPLE)['total']}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    wide = page.evaluate("""() => [...document.querySelectorAll('#result *')]
      .filter((el) => el.getBoundingClientRect().right > 391 && el.checkVisibility() && !el.closest('figure'))
      .map((el) => el.tagName + '.' + el.className).slice(0, 5)""")
    assert wide == []
    # The French report cites the French canada.ca page where one is known.
    source = page.locator('#report-programs [data-program="fswp"] a[rel~="external"]').get_attribute("href")
    assert source.startswith("https://www.canada.ca/fr/"), source


def test_the_answer_lists_the_engine_s_best_rounds_and_programs(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, COUPLE)
    ready_answer(page)
    verdicts = engine.rounds(COUPLE, ROUNDS)
    assert not any(v["eligible"] == "yes" for v in verdicts)  # no program settled yet
    maybe = [v for v in verdicts if v["eligible"] == "unknown"]
    items = page.locator("#answer [data-round-type]")
    shown = [(items.nth(i).get_attribute("data-round-type"), items.nth(i).get_attribute("data-eligible"),
              int(items.nth(i).get_attribute("data-margin"))) for i in range(items.count())]
    assert shown == [(v["type"], v["eligible"], v["margin"]) for v in maybe[:len(shown)]] and shown
    assert shown[0][0] == "french"  # the round that fits comes first
    # A closed round is never in the answer.
    assert not page.locator('#answer [data-eligible="no"][data-round-type]').count()
    programs = engine.assess(COUPLE)["programs"]
    words = {True: "yes", False: "no", None: "unknown"}
    for key, program in programs.items():
        expect(page.locator(f'#answer [data-program="{key}"]')).to_have_attribute("data-eligible", words[program["eligible"]])
    expect(page.locator('#answer [data-program="cec"]')).to_have_attribute("data-eligible", "no")
    # The next step names the answers that would settle the French rounds.
    expect(page.locator('#answer [data-step="answer"]')).to_contain_text("French")


def test_a_round_shown_in_the_answer_says_the_condition_no_question_asks(page, site_server):
    """Above the military recruits' cut-off is no hope without a job offer from the Canadian
    Armed Forces: the answer says so beside that round, as engine.rounds' `unasked` has it."""
    person = {"age": 32, "education": "masters",
              "first_language": {"test": "tef_canada", "listening": 520, "reading": 510, "writing": 530, "speaking": 530},
              "second_language": {"test": "ielts_general", "listening": 6, "reading": 6, "writing": 6, "speaking": 6}}
    open_calculator(page, site_server)
    fill_profile(page, person)
    ready_answer(page)
    verdicts = {v["type"]: v for v in engine.rounds(person, ROUNDS)}
    items = page.locator("#answer li[data-round-type]")
    shown = [items.nth(i).get_attribute("data-round-type") for i in range(items.count())]
    unasked = [kind for kind in shown if verdicts[kind]["unasked"]]
    assert unasked, shown  # this person is above the military recruits' cut-off
    for kind in shown:
        item = page.locator(f'#answer li[data-round-type="{kind}"]')
        for code in verdicts[kind]["unasked"]:
            expect(item).to_contain_text(words(f"calculator.verdict.unasked_{code}"))
        expect(item.locator(".unasked")).to_have_count(len(verdicts[kind]["unasked"]))


def test_the_questions_that_would_settle_the_rounds_are_asked_once(page, site_server):
    """Rounds that wait for the same answers share one line of questions under their list; the
    categories word their verdict and do not ask again."""
    open_calculator(page, site_server)
    fill_profile(page, COUPLE)
    ready_answer(page)
    standing = page.locator('#report-details [data-panel="standing"]')
    page.wait_for_selector('#report-details [data-panel="standing"] [data-round-type]')
    asked = standing.locator("a[data-goto]").evaluate_all("(links) => links.map((a) => a.dataset.goto)")
    unknown = [v for v in engine.rounds(COUPLE, ROUNDS) if v["eligible"] == "unknown"]
    assert len({tuple(v["missing"]) for v in unknown}) == 1  # one line, then
    assert asked == unknown[0]["missing"]
    expect(standing.locator(".ask-line")).to_have_count(1)
    expect(page.locator('#report-details [data-panel="categories"] a[data-goto]')).to_have_count(0)
    expect(page.locator('[data-panel="categories"] .round-verdict[data-eligible="unknown"]').first).to_contain_text(
        words("calculator.verdict.asked_above"))


def test_every_missing_answer_link_opens_and_focuses_its_question(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, COUPLE)
    ready_answer(page)
    page.wait_for_selector('#report-details [data-panel="standing"] [data-round-type]')
    fields = page.evaluate("() => [...new Set([...document.querySelectorAll('#result a[data-goto]')].map((a) => a.dataset.goto))]")
    assert {"plans_to_live_in_quebec", "work_history", "eca_issued_on", "settlement_funds"} <= set(fields)
    for field in fields:
        page.evaluate("() => document.querySelectorAll('#calculator-form details[data-more]').forEach((d) => { d.open = false; })")
        page.locator(f'#result a[data-goto="{field}"]').first.click()
        focused = page.evaluate("""() => {
          const el = document.activeElement;
          return { name: el.name || el.id, open: [...document.querySelectorAll('details')].filter((d) => d.contains(el)).every((d) => d.open) };
        }""")
        assert focused["open"], field
        if field == "work_history":
            assert focused["name"] == "add-job" or focused["name"].startswith("work_history."), focused
        else:
            assert focused["name"] == field or focused["name"].startswith(field + "."), (field, focused)


def test_an_expired_result_scores_nothing_and_the_report_shows_the_score_with_a_new_one(page, site_server):
    expired = {**COUPLE, "first_language": {**COUPLE["first_language"], "taken_on": "2024-03-01"}}
    open_calculator(page, site_server)
    fill_profile(page, expired)
    ready_answer(page)
    score = engine.crs_score(expired)
    assert score["total"] < score["total_if_retaken"] == engine.crs_score(COUPLE)["total"]
    expect(page.locator("#crs-total")).to_have_text(str(score["total"]))
    expect(page.locator("#answer-retaken")).to_contain_text(str(score["total_if_retaken"]))
    warning = page.locator('#result-warnings li[data-code="language_result_expired"]')
    expect(warning).to_contain_text("expired on 2 March 2026")
    expect(page.locator('#answer [data-step="retake_test"]')).to_contain_text("expired on 2 March 2026")
    # The field says so too; a new date takes the note away.
    note = page.locator('[data-expired-note="first_language.taken_on"]')
    expect(note).to_have_text("Expired on 2 March 2026: this result no longer counts.")
    page.fill('[name="first_language.taken_on"]', "2026-01-10")
    expect(note).to_have_count(0)


def test_the_printed_page_shows_the_answer_the_rounds_the_categories_and_the_answers_given(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, COUPLE)
    ready_answer(page)
    page.wait_for_selector('#report-details [data-panel="standing"] [data-round-type]')
    page.evaluate("() => document.querySelectorAll('#result .report-part').forEach((d) => { d.open = false; })")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    expect(page.locator("#calculator-form")).to_be_hidden()
    expect(page.locator("#answer")).to_be_visible()
    expect(page.locator("#answer-total")).to_be_visible()
    expect(page.locator('#report-today [data-round-type="french"]').first).to_be_visible()
    expect(page.locator('#report-programs [data-category="french"]')).to_be_visible()
    given = page.locator("#answers-given")
    expect(given).to_be_visible()
    expect(given.locator('dt[data-name="age"] + dd')).to_have_text("32")
    assert given.locator('dt[data-name="spouse.education"]').count() == 1
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.evaluate("() => [...document.querySelectorAll('#result .report-part')].every((d) => !d.open)")


def test_a_share_link_carries_only_the_answers_that_apply(page, site_server, guarded_context):
    open_calculator(page, site_server)
    fill_profile(page, COUPLE)
    shown_score(page)
    # The spouse's answers stay in the form once "no spouse" is chosen, but no longer apply.
    page.check("#f-spouse-no")
    page.wait_for_selector(SETTLED)
    assert page.input_value('[name="spouse.education"]') == "bachelors"
    page.click("#copy-link")
    link = page.input_value("#share-link")
    names = parse_qs(urlsplit(link).fragment)
    assert "age" in names and not [name for name in names if name.startswith("spouse.")]
    other = guarded_context(site_server).new_page()
    other.goto(link)
    other.wait_for_selector(READY)
    other.wait_for_selector(SETTLED)
    expect(other.locator("#answers-refused")).to_be_hidden()
    expect(other.locator("#crs-total")).to_have_text(str(engine.crs_score({**COUPLE, "spouse": None})["total"]))


def test_clearing_the_answers_asks_first_and_can_be_undone(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, COUPLE)
    total = shown_score(page)["total"]
    page.click("#clear-answers")
    expect(page.locator("#clear-confirm")).to_be_visible()
    page.click("#clear-no")
    expect(page.locator("#clear-confirm")).to_be_hidden()
    assert page.input_value('[name="age"]') == "32"
    page.click("#clear-answers")
    page.click("#clear-yes")
    assert page.input_value('[name="age"]') == ""
    expect(page.locator("#crs-total")).to_have_text("–")
    expect(page.locator("#answer")).to_be_hidden()
    page.click("#clear-undo")
    assert page.input_value('[name="age"]') == "32"
    page.wait_for_selector(SETTLED)
    expect(page.locator("#crs-total")).to_have_text(str(total))
    # Undone answers are saved again: a reload keeps them.
    page.reload()
    page.wait_for_selector(READY)
    assert page.input_value('[name="age"]') == "32"
