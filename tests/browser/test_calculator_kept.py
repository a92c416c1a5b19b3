"""What the calculator keeps in this browser, when keeping fails or two tabs share it (issue 22):
storage full before typing is said at once and the calculator keeps working; two pages of one
context never undo each other's answers, scenarios or deletions; a damaged stored scenario is
dropped and named, the others kept; names that look alike are one name."""
from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.browser.calculator_page import ANSWERS, READY, fill_profile, open_calculator, shown_score
from tests.harness.words import words

SCENARIOS = "ee-guide:calculator:scenarios"
PROFILE = {
    "age": 29, "education": "masters", "foreign_work_years": 3,
    "first_language": {"test": "ielts_general", "listening": 8, "reading": 7, "writing": 7, "speaking": 7},
}
# Fill this origin's localStorage to the last character: big pieces, then smaller ones.
FILL_STORAGE = """() => {
  let n = 0;
  for (let size = 1 << 20; size >= 1; size >>= 2) {
    const piece = "x".repeat(size);
    try { for (;;) localStorage.setItem("filler-" + n++, piece); } catch {}
  }
  return n;
}"""


def stored(page, key):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('{key}'))")


def scenario_names(page) -> list:
    items = page.locator("#scenario-list li")
    return [items.nth(i).get_attribute("data-scenario") for i in range(items.count())]


def save_scenario(page, name: str) -> None:
    page.fill("#scenario-name", name)
    page.click("#scenario-save")


def test_storage_full_before_typing_is_said_at_once_and_the_calculator_works(page, site_server):
    open_calculator(page, site_server)
    page.evaluate(FILL_STORAGE)
    fill_profile(page, PROFILE)
    total = shown_score(page)["total"]  # it still calculates
    expect(page.locator("#answers-notice-text")).to_have_text(words("calculator.answers.not_kept"))
    expect(page.locator("#answers-kept")).to_have_text(words("calculator.answers.not_kept"))
    save_scenario(page, "Plan A")
    # Listed for this visit, but never said to be saved.
    expect(page.locator("#scenario-status")).to_have_text(words("calculator.scenarios.not_kept", name="Plan A"))
    assert scenario_names(page) == ["Plan A"]
    assert stored(page, SCENARIOS) is None
    assert page.inner_text("#crs-total") == str(total)


def test_two_tabs_never_undo_each_others_answers_or_scenarios(warm_page, site_server):
    first, second = warm_page(site_server), warm_page(site_server)  # two tabs of one browser
    open_calculator(first, site_server)
    open_calculator(second, site_server)
    fill_profile(first, PROFILE)
    shown_score(first)
    # The second tab takes the first one's answers, then its own edit keeps both.
    expect(second.locator('[name="age"]')).to_have_value("29")
    second.fill('[name="foreign_work_years"]', "5")
    shown_score(second)
    expect(first.locator('[name="foreign_work_years"]')).to_have_value("5")
    first.fill('[name="age"]', "31")
    shown_score(first)
    expect(second.locator('[name="age"]')).to_have_value("31")
    assert stored(second, ANSWERS)["age"] == "31" and stored(second, ANSWERS)["foreign_work_years"] == "5"

    # A scenario saved in each tab: both kept, in both lists.
    save_scenario(first, "First tab")
    save_scenario(second, "Second tab")
    expect(first.locator("#scenario-list li")).to_have_count(2)
    assert [s["name"] for s in stored(first, SCENARIOS)] == ["First tab", "Second tab"]
    # Deleted in one tab, it does not come back when the other saves.
    first.click('#scenario-list li[data-scenario="First tab"] [data-delete]')
    save_scenario(second, "Third")
    assert [s["name"] for s in stored(first, SCENARIOS)] == ["Second tab", "Third"]
    expect(first.locator("#scenario-list li")).to_have_count(2)
    for page in (first, second):
        page.reload()
        page.wait_for_selector(READY)
        assert scenario_names(page) == ["Second tab", "Third"]
        expect(page.locator('[name="age"]')).to_have_value("31")
        expect(page.locator('[name="foreign_work_years"]')).to_have_value("5")


def test_a_damaged_scenario_is_dropped_and_named_and_the_others_kept(guarded_context, site_server):
    context = guarded_context(site_server)
    page = context.new_page()
    good = {"name": "Good", "saved": "2026-11-01", "answers": {"age": "30"},
            "score": {"total": 300, "as_of": "2026-11-01", "lines": [{"factor": "age", "section": "core", "table": "crs.age", "points": 100}]}}
    damaged = [
        {**good, "name": "Lines not a list", "score": {"total": 300, "lines": "x"}},
        {**good, "name": "No answers", "answers": None},
        {**good, "name": "A number", "answers": {"age": 30}},
        "not a scenario",
    ]
    context.add_init_script(f"""if (!sessionStorage.getItem("seeded")) {{
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem("{SCENARIOS}", {json.dumps(json.dumps([good, *damaged]))});
    }}""")
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    shown_score(page)  # the calculator works
    status = page.locator("#scenario-status")
    for name in ("Lines not a list", "No answers", "A number"):
        expect(status).to_contain_text(name)
    assert scenario_names(page) == ["Good"]
    assert [s["name"] for s in stored(page, SCENARIOS)] == ["Good"]
    page.click('#scenario-list li[data-scenario="Good"] [data-open]')
    expect(page.locator('[name="age"]')).to_have_value("30")


def test_names_that_look_alike_are_one_scenario(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    shown_score(page)
    save_scenario(page, "Caf\u00e9")
    save_scenario(page, "Cafe\u0301")  # the same letters, decomposed
    save_scenario(page, "Ca\u200bf\u00e9\u200d")  # with invisible characters
    assert scenario_names(page) == ["Caf\u00e9"]
    expect(page.locator("#scenario-status")).to_have_text(words("calculator.scenarios.replaced", name="Caf\u00e9"))
