"""Programs, funds, fees and deadlines on the page are engine.assess's for the same answers,
including the eligibility questions and a work history typed into the form."""
from __future__ import annotations

import engine
from playwright.sync_api import expect

from tests.browser.calculator_page import add_job, choose, fill, fill_profile, open_calculator, reveal
from tests.harness.words import field_names, long_date, money, pattern, words

PROFILE = {
    "as_of": "2026-11-02", "age": 31, "education": "masters",
    "first_language": {"test": "ielts_general", "listening": 8, "reading": 7, "writing": 7, "speaking": 7,
                       "taken_on": "2025-03-01"},
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "bachelors",
               "language": None, "canadian_work_years": 0},
}
EXTRA = {
    "plans_to_live_in_quebec": False, "eca_issued_on": "2024-05-01", "settlement_funds": 18000,
    "children_accompanying": 1, "ita_received_on": "2026-10-20",
    "work_history": [{"noc": "21232", "country": "abroad", "start": "2019-01-01", "end": "2025-12-31"}],
}


def test_assessment_matches_cpython(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    reveal(page, "plans_to_live_in_quebec")
    choose(page, "plans_to_live_in_quebec", "false")
    fill(page, "eca_issued_on", EXTRA["eca_issued_on"])
    fill(page, "settlement_funds", EXTRA["settlement_funds"])
    fill(page, "children_accompanying", EXTRA["children_accompanying"])
    fill(page, "ita_received_on", EXTRA["ita_received_on"])
    add_job(page)
    job = EXTRA["work_history"][0]
    page.fill('[name="work_history.0.noc"]', job["noc"])
    choose(page, "work_history.0.country", job["country"])
    page.fill('[name="work_history.0.start"]', job["start"])
    page.fill('[name="work_history.0.end"]', job["end"])
    page.wait_for_selector('#result[data-details="ready"]')

    expected = engine.assess({**PROFILE, **EXTRA})
    for key, program in expected["programs"].items():
        shown = page.locator(f'#report-programs [data-program="{key}"]')
        expect(shown).to_have_attribute("data-eligible", {True: "yes", False: "no", None: "unknown"}[program["eligible"]])
        items = shown.locator("li[data-check]")
        assert [items.nth(i).get_attribute("data-check") for i in range(items.count())] == [
            r["check"] for r in program["requirements"]]
        for i, requirement in enumerate(program["requirements"]):
            # The requirement's words, every placeholder filled: no code, field name or brace shown.
            text = items.nth(i).inner_text().split(": ", 1)[1]
            assert pattern(f"assessment.check.{requirement['check']}").match(text), (requirement, text)
            assert "{" not in text and "_" not in text, text
            for name in ("needed_months", "window_years", "needed_clb", "total", "pass_mark"):
                if name in requirement["params"]:
                    assert str(requirement["params"][name]) in text, (name, text)
        for note in program["notes"]:
            expect(shown).to_contain_text(words(f"assessment.note.{note}"))
    funds = expected["funds"]
    assert funds["required"] and funds["shortfall"]  # the case shows a shortfall
    expect(page.locator("#report-money")).to_contain_text(money(funds["required"]))
    expect(page.locator("#report-money")).to_contain_text(money(funds["shortfall"]))
    expect(page.locator("#report-money table.fees")).to_contain_text(money(expected["fees"]["total"]))
    # Every answer in words: no field name, code or placeholder reaches the page.
    shown = page.locator("#result").inner_text()
    assert not [name for name in field_names() if name in shown] and "{" not in shown
    # the invitation of 2026-10-20 brings the medical exam to do before applying (fact sheet §16.1)
    assert "medical_exam_before_applying" in [d["id"] for d in expected["deadlines"]]
    for deadline in expected["deadlines"]:
        task = f"assessment.deadline.task.{deadline['id']}"
        what = words(task) if deadline["id"] == "medical_exam_before_applying" else words(f"assessment.deadline.what.{deadline['field']}")
        text = words("assessment.deadline.until", what=what,
                     until=long_date(deadline["until"]), days_left=words("assessment.days_left", count=deadline["days_left"]))
        expect(page.locator("#report-dates .deadlines")).to_contain_text(text)


def test_a_refused_job_answer_is_shown_at_its_field(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)
    add_job(page)
    page.fill('[name="work_history.0.start"]', "2020-01-01")  # where the job was is missing
    field = page.locator('[name="work_history.0.country"]').first  # its first radio button
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-work_history-0-country-error")).to_be_visible()
    expect(page.locator("#result")).to_have_attribute("data-state", "stale")
    choose(page, "work_history.0.country", "canada")
    choose(page, "work_history.0.teer", "1")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    page.wait_for_selector('#result[data-details="ready"]')
    expect(page.locator("#result")).to_have_attribute("data-state", "ready")


def test_the_spouses_year_of_work_in_canada_is_asked_and_counts_in_the_grid(page, site_server):
    """issue 14 item 12: a year of work in any occupation, asked beside the spouse's other answers."""
    open_calculator(page, site_server)
    fill_profile(page, PROFILE)  # a spouse who comes along, with no skilled years in Canada
    question = page.locator('#f-spouse-worked_in_canada_one_year')  # its radio buttons' group
    reveal(page, "spouse.worked_in_canada_one_year")  # with the programs' questions
    expect(question).to_be_visible()
    expect(question.locator("legend")).to_have_text(words("calculator.field.spouse.worked_in_canada_one_year"))
    adaptability = page.locator('[data-program="fswp"] tr[data-factor="adaptability"]')
    page.wait_for_selector('#result[data-details="ready"]')
    before = engine.assess(PROFILE)["programs"]["fswp"]["grid"]
    expect(adaptability).to_contain_text(str(before["lines"][-1]["points"]))
    choose(page, "spouse.worked_in_canada_one_year", "true")
    worked = {**PROFILE, "spouse": {**PROFILE["spouse"], "worked_in_canada_one_year": True}}
    after = engine.assess(worked)["programs"]["fswp"]["grid"]["lines"][-1]
    assert after["points"] == before["lines"][-1]["points"] + 5
    expect(adaptability).to_contain_text(words("rules.programs.fsw_adaptability.rows.spouse_work"))
    page.check("#f-spouse-no")
    expect(question).to_be_hidden()  # asked only of a spouse who is scored
