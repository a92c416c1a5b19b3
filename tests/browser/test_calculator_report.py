"""The report and what a person does with it: scenarios saved, compared and swapped (the same
totals as engine.crs_score), work entered once (the years follow from the jobs), the dates as a
calendar file that parses back, and a print of the report without the form on one or two pages."""
from __future__ import annotations

import datetime as dt

import icalendar
from playwright.sync_api import expect

import engine
from tests.browser.calculator_page import ABILITIES, SETTLED, add_job, choose, fill, fill_profile, open_calculator, shown_score

AS_OF = "2026-11-02"
COUPLE = {
    "as_of": AS_OF, "age": 34, "education": "bachelors", "foreign_work_years": 2, "canadian_work_years": 1,
    "first_language": {"test": "ielts_general", "listening": 7, "reading": 6.5, "writing": 6, "speaking": 6.5},
    "second_language": {"test": "tef_canada", "listening": 400, "reading": 400, "writing": 400, "speaking": 400},
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "masters",
               "language": {"test": "celpip_general", "listening": 10, "reading": 9, "writing": 9, "speaking": 10},
               "canadian_work_years": 3},
}


def swapped(profile: dict) -> dict:
    """The couple with the other partner as principal applicant, as the page swaps them: the
    answers both are asked exchanged, the ones only the principal applicant is asked kept."""
    spouse = profile["spouse"]
    return {
        **profile,
        "education": spouse["education"], "first_language": spouse["language"],
        "canadian_work_years": spouse["canadian_work_years"],
        "spouse": {**spouse, "education": profile["education"], "language": profile["first_language"],
                   "canadian_work_years": profile["canadian_work_years"]},
    }


def test_scenarios_are_saved_compared_and_reopened(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, COUPLE)
    first = shown_score(page)["total"]
    assert first == engine.crs_score(COUPLE)["total"]
    page.fill("#scenario-name", "As we are")
    page.click("#scenario-save")
    older = {**COUPLE, "age": 40, "provincial_nomination": True}
    page.fill('[name="age"]', "40")
    page.set_checked('[name="provincial_nomination"]', True)
    second = shown_score(page)["total"]
    assert second == engine.crs_score(older)["total"]
    page.fill("#scenario-name", "With a nomination")
    page.click("#scenario-save")
    expect(page.locator("#scenario-list li")).to_have_count(2)

    table = page.locator("#scenario-compare table")
    expect(table).to_be_visible()
    expect(table.locator('[data-line="total"] td')).to_have_text([str(first), str(second)])
    a = {line["factor"]: line["points"] for line in engine.crs_score(COUPLE)["lines"]}
    b = {line["factor"]: line["points"] for line in engine.crs_score(older)["lines"]}
    differing = {factor for factor in a if a[factor] != b[factor]}
    shown = table.locator("tbody tr:not([data-line=total])")
    assert {shown.nth(i).get_attribute("data-line") for i in range(shown.count())} == differing
    for factor in differing:
        expect(table.locator(f'[data-line="{factor}"] td')).to_have_text([str(a[factor]), str(b[factor])])

    # Reopened after a reload: the first one's answers and total come back.
    page.reload()
    page.click('#scenario-list li[data-scenario="As we are"] [data-open]')
    expect(page.locator('[name="age"]')).to_have_value("34")
    assert shown_score(page)["total"] == first


def test_the_principal_applicant_swap_gives_both_totals(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, COUPLE)
    before = shown_score(page)["total"]
    after = engine.crs_score(swapped(COUPLE))["total"]
    assert before == engine.crs_score(COUPLE)["total"] and before != after
    page.click("#swap-principal")
    assert shown_score(page)["total"] == after
    expect(page.locator("#swap-result")).to_contain_text(f"Before the swap: {before} points")
    expect(page.locator("#swap-result")).to_contain_text(f"{after} points")
    expect(page.locator('[name="spouse.education"]')).to_have_value("bachelors")
    expect(page.locator('[name="first_language.test"]')).to_have_value("celpip_general")
    # Swapping back gives the first total again.
    page.click("#swap-principal")
    assert shown_score(page)["total"] == before


def test_with_a_job_list_the_years_of_work_follow_from_it(page, site_server):
    profile = {**COUPLE, "spouse": None, "foreign_work_years": 3}
    open_calculator(page, site_server)
    fill_profile(page, profile)
    shown_score(page)
    add_job(page)
    page.fill('[name="work_history.0.noc"]', "21232")
    choose(page, "work_history.0.country", "abroad")
    page.fill('[name="work_history.0.start"]', "2020-01-01")
    page.fill('[name="work_history.0.end"]', "2025-06-30")
    jobs = [{"noc": "21232", "country": "abroad", "start": "2020-01-01", "end": "2025-06-30"}]
    counted = engine.crs_score({**profile, "canadian_work_years": 0, "foreign_work_years": 5})["total"]
    expect(page.locator('[name="foreign_work_years"]')).to_have_value("5")
    expect(page.locator('[name="canadian_work_years"]')).to_have_value("0")
    assert page.locator('[name="foreign_work_years"]').get_attribute("readonly") is not None
    note = page.locator("#work-from-jobs")
    expect(note).to_contain_text("Counted from your jobs")
    expect(note).to_contain_text("You typed 3 years")  # no silent disagreement
    assert shown_score(page)["total"] == counted
    # One engine, one answer: the same profile with its jobs (and the typed 3 years they
    # contradict) gives the page's total at every entry point.
    assert engine.crs_score({**profile, "work_history": jobs})["total"] == counted
    assert engine.assess({**profile, "work_history": jobs})["crs"]["total"] == counted
    # Without the jobs, the typed years are the quick way again.
    page.click("[data-remove-job]")
    expect(page.locator('[name="foreign_work_years"]')).to_have_value("3")
    expect(note).to_be_hidden()
    assert shown_score(page)["total"] == engine.crs_score(profile)["total"]


def test_the_dates_download_as_a_calendar_that_parses_back(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, {**COUPLE, "first_language": {**COUPLE["first_language"], "taken_on": "2025-09-01"}})
    fill(page, "ita_received_on", "2026-10-20")
    fill(page, "eca_issued_on", "2024-05-01")
    page.wait_for_selector('#result[data-details="ready"]')
    expected = [d for d in engine.assess({**COUPLE, "ita_received_on": "2026-10-20", "eca_issued_on": "2024-05-01",
                                          "first_language": {**COUPLE["first_language"], "taken_on": "2025-09-01"}})["deadlines"]
                if d["until"] and not d["expired"]]
    assert len(expected) >= 3
    with page.expect_download() as info:
        page.click("#calendar-download")
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())
    # The deadlines' events (the planning views add their own, test_calculator_planning.py).
    events = [e for e in calendar.walk("VEVENT") if not str(e["UID"]).startswith(("timeline-", "document-"))]
    assert sorted(e.decoded("DTSTART") for e in events) == sorted(dt.date.fromisoformat(d["until"]) for d in expected)
    for event in events:
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") < dt.timedelta(0)
        assert str(event["SUMMARY"]).startswith("Last day")
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_printing_gives_the_report_not_the_form_on_four_pages_at_most(page, site_server):
    # The answer, the breakdown, the rounds, the steps, programs and categories, money, dates, the
    # planning views and the answers given (tests/browser/test_calculator_answer.py checks what is
    # printed).
    open_calculator(page, site_server)
    fill_profile(page, COUPLE)
    fill(page, "ita_received_on", "2026-10-20")
    page.wait_for_selector('#result[data-details="ready"]')
    page.wait_for_selector('[data-panel="standing"] .pool')
    page.emulate_media(media="print")
    expect(page.locator("#calculator-form")).to_be_hidden()
    expect(page.locator("#crs-total")).to_be_visible()
    for part in ("report-score", "report-next", "report-programs", "report-money", "report-dates"):
        expect(page.locator(f"#{part}")).to_be_visible()
    pdf = page.pdf(format="A4")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 1 <= pages <= 4, pages
    page.emulate_media(media="screen")
    expect(page.locator("#calculator-form")).to_be_visible()


def test_the_report_reads_in_order_with_no_field_name(page, site_server):
    open_calculator(page, site_server)
    fill_profile(page, {**COUPLE, "first_language": {"test": "clb", **dict.fromkeys(ABILITIES, 9)}})
    page.wait_for_selector('#result[data-details="ready"]')
    order = page.evaluate("() => [...document.querySelectorAll('#result .report-part')].map((s) => s.id)")
    assert order == ["report-score", "report-today", "report-next", "report-programs", "report-french", "report-money",
                     "report-dates", "report-timeline", "report-documents", "report-letters", "report-money-local"]
    from tests.harness.words import field_names

    text = page.inner_text("#result")
    assert not [name for name in field_names() if f" {name} " in f" {text} "]
    expect(page.locator("#score-state")).to_have_text("Up to date")
    page.wait_for_selector(SETTLED)
    # Rounds of a category the person does not meet are listed apart, never "at or above".
    page.wait_for_selector('[data-panel="standing"] .pool')
    french = page.locator('[data-group="no"] [data-round-type="french"]')
    expect(french).to_have_count(1)
    assert "above" not in french.inner_text() and french.get_attribute("data-eligible") == "no"
