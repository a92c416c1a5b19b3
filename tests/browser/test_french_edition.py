"""The French edition in real Chromium: the calculator at /fr/calculateur/ scores as the engine
does, the language switch keeps the reader's answers and place, the NOC finder and the search
work in French, and no French page shows English sentences."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

import engine
from tests.browser.calculator_page import READY, SETTLED, fill_profile, shown_score
from tests.browser.test_calculator_scores import EXAMPLES, TYPED
from tests.harness.words import catalogue

CALCULATEUR = "fr/calculateur/"
# Words common in English prose and not French words (so "on", "a", "as", "an", "or" are out).
ENGLISH_STOP_WORDS = {
    "the", "and", "of", "to", "is", "are", "you", "your", "with", "for", "this", "that", "from", "be", "will",
    "can", "not", "have", "has", "what", "which", "when", "how", "it", "by", "at", "if", "they", "their", "would",
    "should", "about", "more", "only", "other", "any", "each", "than", "then", "also", "we", "our", "do", "does",
    "been", "was", "were", "there", "these", "those", "into", "after", "before", "must", "may", "in", "who",
}
# The visible text of the page, leaving out what is marked as another language (the switch).
VISIBLE_TEXT = """() => {
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, template, [hidden]")) continue;
    const lang = parent.closest("[lang]")?.lang ?? document.documentElement.lang;
    if (!lang.startsWith("fr") || !parent.checkVisibility()) continue;
    parts.push(node.data);
  }
  return parts.join(" ");
}"""


def french_pages(site: Path) -> list[str]:
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in (site / "fr").rglob("index.html"))
    return pages + ["fr/404.html"]


def english_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", text) if w.lower() in ENGLISH_STOP_WORDS]


def test_no_english_sentence_on_a_french_page(page, site_server, built_site):
    pages = french_pages(built_site)
    assert CALCULATEUR in pages and len(pages) > 25
    found = {}
    for path in pages:
        page.goto(site_server.url + path)
        if path == CALCULATEUR:
            page.wait_for_selector(READY)
            fill_profile(page, TYPED["pte-with-celpip-spouse"])  # the result, its panels and notices shown
            page.wait_for_selector(SETTLED)
        text = page.evaluate(VISIBLE_TEXT)
        words = english_words(text)
        # A few are names (the "Pearson Test of English"); sentences would bring dozens.
        if len(words) > max(3, len(text.split()) // 300):
            found[path] = words[:20]
    assert not found, found


def test_the_french_report_spaces_its_punctuation_as_french_does(page, site_server):
    # The scripts put words together ("Programme : admissible", « question »): French puts a
    # no-break space before : and ; and inside « », and never uses English quotation marks.
    page.goto(site_server.url + CALCULATEUR)
    page.wait_for_selector(READY)
    fill_profile(page, TYPED["pte-with-celpip-spouse"])
    page.wait_for_selector('#result[data-details="ready"]')
    text = page.locator("#result").text_content()
    assert "\u00a0:" in text
    assert re.findall(r"\S[:;](?=\s)|[“”]| [:;]", text) == []


def test_the_check_finds_english(page, site_server):
    """The test above can fail: the English pages are full of these words."""
    page.goto(site_server.url + "guide/proof-of-funds/")
    text = page.evaluate(VISIBLE_TEXT.replace('!lang.startsWith("fr")', "false"))
    assert len(english_words(text)) > 50


def expected_verdicts(profile: dict) -> dict:
    return {key: program["eligible"] for key, program in engine.assess(profile)["programs"].items()}


def shown_verdicts(page) -> dict:
    page.wait_for_selector('#result[data-details="ready"]')
    values = {"yes": True, "no": False, "unknown": None}
    return {node.get_attribute("data-program"): values[node.get_attribute("data-eligible")]
            for node in page.query_selector_all("#report-programs [data-program][data-eligible]")}


@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES[:4]] + ["tef-first-ielts-second-sibling", "tcf-first-spouse-is-pr"])
def test_the_french_calculator_gives_the_engine_s_totals_and_verdicts(page, site_server, name):
    path = next((p for p in EXAMPLES if p.stem == name), None)
    profile = json.loads(path.read_text(encoding="utf-8"))["profile"] if path else TYPED[name]
    page.goto(site_server.url + CALCULATEUR)
    page.wait_for_selector(READY)
    assert page.evaluate("document.documentElement.lang") == "fr-CA"
    fill_profile(page, profile)
    shown = shown_score(page)
    expected = engine.crs_score(profile)
    assert shown["total"] == expected["total"], (name, shown, expected["total"])
    for section, points in expected["sections"].items():
        assert shown["sections"].get(section, 0) == points, (name, section)
    assert shown_verdicts(page) == expected_verdicts(profile), name


def test_a_refused_answer_is_said_in_french_beside_its_field(page, site_server):
    page.goto(site_server.url + CALCULATEUR)
    page.wait_for_selector(READY)
    fill_profile(page, TYPED["ielts-single-foreign-work"])
    page.wait_for_selector(SETTLED)
    page.fill('[name="first_language.reading"]', "12")
    error = page.locator("#f-first_language-reading-error")
    expect(error).to_be_visible()
    text = error.inner_text()
    french = [v for k, v in catalogue("fr").items() if k.startswith(("errors.", "calculator.")) and isinstance(v, str)]
    parts = [re.split(r"\{\w+\}", words)[0].strip() for words in french]
    assert any(part and text.startswith(part) for part in parts), text
    assert not english_words(text), text


def test_the_switch_keeps_the_calculator_s_answers(page, site_server):
    profile = TYPED["tef-first-ielts-second-sibling"]
    page.goto(site_server.url + "calculator/")
    page.wait_for_selector(READY)
    fill_profile(page, profile)
    total = shown_score(page)["total"]
    assert total == engine.crs_score(profile)["total"]
    page.click("a.language-switch")
    page.wait_for_url("**/fr/calculateur/**")
    page.wait_for_selector(READY)
    assert shown_score(page)["total"] == total
    assert page.input_value('[name="age"]') == str(profile["age"])
    assert page.input_value('[name="first_language.test"]') == "tef_canada"
    page.fill('[name="age"]', "33")  # changed in French, kept in English
    expected = engine.crs_score({**profile, "age": 33})["total"]
    expect(page.locator("#crs-total")).to_have_text(str(expected))
    page.click("a.language-switch")
    page.wait_for_url("**/calculator/**")
    page.wait_for_selector(READY)
    assert shown_score(page)["total"] == expected
    assert page.input_value('[name="age"]') == "33"


def test_the_switch_keeps_the_place_on_a_guide_page(page, site_server):
    page.goto(site_server.url + "guide/proof-of-funds/")
    page.evaluate("document.getElementById('what-money-counts').scrollIntoView({block: 'start', behavior: 'instant'})")
    page.wait_for_timeout(1200)  # the reader stays on the section a moment
    page.click("a.language-switch")  # scrolls back up to the switch, as a reader does
    page.wait_for_url("**/fr/guide/proof-of-funds/#what-money-counts")
    heading = page.locator("#what-money-counts")
    expect(heading).to_be_in_viewport()
    assert heading.inner_text() != "What money counts"  # the French heading, same id
    # A search keeps its words.
    page.goto(site_server.url + "search/?q=police+certificate")
    page.wait_for_selector("#search-results li")
    page.click("a.language-switch")
    page.wait_for_url("**/fr/recherche/?q=police+certificate")


def test_the_french_noc_finder_finds_french_titles(page, site_server):
    page.goto(site_server.url + "fr/noc/?q=cuisinier")
    page.wait_for_selector('#noc-finder[data-ready="all"]')
    first = page.locator("#noc-results > li").first
    assert first.get_attribute("id") == "noc-63200"
    assert "Cuisiniers/cuisinières" in first.inner_text()
    page.fill("#noc-q", "infirmiere")
    page.wait_for_selector("#noc-31301")
    attribution = page.locator(".noc-attribution").inner_text()
    assert "Statistique Canada" in attribution
    assert page.locator(".noc-attribution a").get_attribute("href").startswith("https://ouvert.canada.ca/fr/")


def test_the_french_search_finds_the_page_that_answers(page, site_server):
    page.goto(site_server.url + "fr/recherche/?q=combien+de+temps+mon+IPD+est-elle+valide")
    page.wait_for_selector("#search-results li")
    assert page.locator("#search-results li a").first.get_attribute("href") == "/fr/guide/draws-and-invitations/"
    assert page.locator("#search-results mark").first.inner_text().lower() == "ipd"  # the rarest word
    page.fill("#search-q", "evaluation des diplomes")  # without accents
    page.wait_for_selector("#search-results li a[href='/fr/guide/education-assessment/']")


@pytest.mark.parametrize("width", [360, 1280])
def test_french_pages_fit_the_screen(warm_page, site_server, built_site, width):
    page = warm_page(site_server, viewport={"width": width, "height": 800})
    for path in french_pages(built_site):
        page.goto(site_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (path, overflow)


@pytest.mark.parametrize("home, lang", [("", "en"), ("fr/", "fr")])
def test_the_page_writes_figures_as_the_build_does(page, site_server, home, lang):
    """static/js/lib/format.js (Intl, by <html lang>) and the build's formatter agree."""
    from tests.site.helpers import formatter
    import datetime as dt

    fmt = formatter(lang)
    page.goto(site_server.url + home)
    shown = page.evaluate("""async () => {
      const f = await import(new URL("static/js/lib/format.js", document.baseURI.replace(/fr\\/$/, "")).href);
      return [f.number(1200), f.number(226859), f.number(6.5), f.money(15263), f.date("2026-11-25"),
              f.date("2023-10-01"), f.list(["0", "1", "2"], "disjunction")];
    }""")
    assert shown == [fmt.number(1200), fmt.number(226859), fmt.number(6.5), fmt.cad(15263),
                     fmt.long_date(dt.date(2026, 11, 25)), fmt.long_date(dt.date(2023, 10, 1)), fmt.or_list(["0", "1", "2"])]
