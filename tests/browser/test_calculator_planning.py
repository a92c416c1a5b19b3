"""The planning views of the report, in both editions on a 390 px phone: the score over time
(each point the engine's, with its date and total), the family's documents (one item per
document and person, ticks kept in this browser), the job letters (the occupation's duties
loaded for the job's NOC code), money in the person's currency (an impossible rate refused at
its field, answers kept), no page wider than the screen, no serious axe violation, and the
calendar file with the new dates parsed back."""
from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from playwright.sync_api import expect

import engine
from tests.browser.calculator_page import ANSWERS, SETTLED, add_job, choose, fill, fill_profile, reveal
from tests.browser.test_accessibility import violations

AS_OF = "2026-12-06"
COUPLE = {
    "as_of": AS_OF, "age": 31, "education": "masters",
    "first_language": {"test": "ielts_general", "listening": 8, "reading": 7, "writing": 7, "speaking": 7, "taken_on": "2025-05-10"},
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "bachelors",
               "language": {"test": "celpip_general", "listening": 8, "reading": 8, "writing": 8, "speaking": 8}},
}
EXTRA = {"date_of_birth": "1995-03-14", "currency": "INR", "currency_rate": "61.5", "settlement_funds": "30000"}
JOBS = [{"noc": "21232", "country": "abroad", "start": "2019-01-01", "end": "2022-06-30"},
        {"noc": "21231", "country": "abroad", "start": "2022-08-01"}]
STAYS = [{"person": "principal", "country": "IN", "start": "2013-06-01", "end": "2022-07-15"},
         {"person": "principal", "country": "AE", "start": "2022-07-20"},
         {"person": "spouse", "country": "AE", "start": "2023-01-10"}]
ROUTES = {"en": "calculator/", "fr": "fr/calculateur/"}


def the_profile() -> dict:
    extra = {k: (float(v) if k in ("currency_rate", "settlement_funds") else v) for k, v in EXTRA.items()}
    return {**COUPLE, **extra, "work_history": [{**job, "hours_per_week": 30} for job in JOBS], "countries_lived": STAYS}


def fill_planning(page) -> None:
    fill_profile(page, COUPLE)
    for name, value in EXTRA.items():
        fill(page, name, value)
    for index, job in enumerate(JOBS):
        add_job(page)
        page.fill(f'[name="work_history.{index}.noc"]', job["noc"])
        choose(page, f"work_history.{index}.country", job["country"])
        page.fill(f'[name="work_history.{index}.start"]', job["start"])
        if "end" in job:
            page.fill(f'[name="work_history.{index}.end"]', job["end"])
    reveal(page, "add-stay")
    for index, stay in enumerate(STAYS):
        page.click("#add-stay")
        choose(page, f"countries_lived.{index}.person", stay["person"])
        choose(page, f"countries_lived.{index}.country", stay["country"])
        page.fill(f'[name="countries_lived.{index}.start"]', stay["start"])
        if "end" in stay:
            page.fill(f'[name="countries_lived.{index}.end"]', stay["end"])
    page.wait_for_selector(SETTLED)
    page.wait_for_selector('#result[data-details="ready"]')


@pytest.fixture(scope="module")
def kept_answers() -> dict:
    """Per edition, the answers the page kept after the planning profile was typed in."""
    return {}


@pytest.fixture
def phone(warm_page, site_server, kept_answers):
    """The calculator on a 390 px phone with the planning profile: typed into the form the first
    time in each edition, then given as the answers this browser kept (the state is the same)."""
    def open_phone(lang: str, **options):
        page = warm_page(site_server, viewport={"width": 390, "height": 844}, **options)
        if lang in kept_answers:
            page.goto(site_server.url + "guide/")  # the same origin, to write this browser's storage
            page.evaluate("([key, value]) => localStorage.setItem(key, value)", [ANSWERS, kept_answers[lang]])
        page.goto(site_server.url + ROUTES[lang])
        page.wait_for_selector("html[data-engine=ready]")
        if lang in kept_answers:
            page.wait_for_selector(SETTLED)
            page.wait_for_selector('#result[data-details="ready"]')
        else:
            fill_planning(page)
            kept_answers[lang] = page.evaluate("(key) => localStorage.getItem(key)", ANSWERS)
        return page
    return open_phone


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_planning_views_show_the_engines_answers_on_a_phone(phone, lang):
    page = phone(lang)
    expected = engine.timeline(engine.experience.with_work_years(the_profile())[0])
    points = page.locator("#timeline [data-date]")
    expect(points).to_have_count(len(expected["points"]))
    shown = [(p.get_attribute("data-date"), int(p.get_attribute("data-total"))) for p in points.all()]
    assert shown == [(p["date"], p["total"]) for p in expected["points"]]
    assert shown[0] == (AS_OF, int(page.inner_text("#crs-total")))
    birthday = next(p for p in expected["points"] if any(c["code"] == "birthday" for c in p["changes"]))
    decision = page.locator(f'#timeline [data-date="{birthday["date"]}"] .decision')
    expect(decision).to_contain_text(str(-birthday["delta"]))
    expect(page.locator("#timeline svg[role=img] path.score")).to_have_count(1)

    documents = engine.documents(engine.experience.with_work_years(the_profile())[0])["items"]
    expect(page.locator("#documents [data-document]")).to_have_count(len(documents))
    for item in documents:
        selector = f'#documents [data-document="{item["document"]}"][data-person="{item["person"]}"]'
        if item["job"] is not None:
            selector += f'[data-job="{item["job"]}"]'
        assert page.locator(selector).count() >= 1, selector
    letters = page.locator('#documents [data-document="employer_letter"]')
    expect(letters).to_have_count(2)
    police = page.locator('#documents [data-document="police_certificate"]')
    assert sorted((p.get_attribute("data-person"), p.get_attribute("data-country")) for p in police.all()) == [
        ("principal", "AE"), ("principal", "IN"), ("spouse", "AE")]
    expect(page.locator('#documents [data-country="IN"] a[href$="/how/india.html"]')).to_have_count(1)

    expect(page.locator('#letters [data-noc="21232"] .duties li').first).to_be_visible()
    money = page.locator('#money-local [data-line="funds_required"]')
    expect(money).to_contain_text("INR")
    expect(page.locator("#money-local .average")).to_contain_text("6")

    overflow = page.evaluate("document.documentElement.scrollWidth - 390")
    assert overflow <= 0, overflow


def test_ticks_are_kept_in_this_browser(phone):
    page = phone("en")
    first = page.locator("#documents [data-document] input[type=checkbox]").first
    first.check()
    expect(page.locator("#documents .checklist-progress")).to_contain_text("1 of")
    page.reload()
    page.wait_for_selector('#result[data-details="ready"]')
    expect(page.locator("#documents [data-document] input[type=checkbox]").first).to_be_checked()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_rate_of_zero_is_refused_at_its_field_and_nothing_is_lost(phone, lang):
    page = phone(lang)
    fill(page, "currency_rate", "0")
    error = page.locator("#f-currency_rate-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("1")  # the words of errors.rate, with its bound
    expect(page.locator('[name="currency"]')).to_have_value("INR")
    expect(page.locator('[name="date_of_birth"]')).to_have_value(EXTRA["date_of_birth"])
    fill(page, "currency_rate", "61.5")
    expect(error).to_be_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_planning_views_have_no_serious_axe_violation(phone, lang, scheme):
    page = phone(lang, bypass_csp=True, color_scheme=scheme)
    page.wait_for_selector("#timeline svg")
    assert not violations(page)


def test_the_calendar_file_holds_the_new_dates(phone):
    page = phone("en")
    page.wait_for_selector("#timeline svg")
    with page.expect_download() as info:
        page.click("#calendar-download")
    calendar = icalendar.Calendar.from_ical(open(info.value.path(), "rb").read())
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    profile = engine.experience.with_work_years(the_profile())[0]
    decisions = [p for p in engine.timeline(profile)["points"][1:] if p["decision"]]
    assert decisions
    for point in decisions:
        event = events[f"timeline-{point['date']}"]
        assert event.decoded("DTSTART") == dt.date.fromisoformat(point["date"])
    expiring = [i for i in engine.documents(profile)["items"] if i["valid_until"] and i["flag"] != "expired"]
    assert expiring
    for item in expiring:
        assert any(uid.startswith(f"document-{item['document']}-{item['person']}") and
                   e.decoded("DTSTART") == dt.date.fromisoformat(item["valid_until"]) for uid, e in events.items())
