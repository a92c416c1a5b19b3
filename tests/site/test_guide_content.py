"""What the guide tells an applicant: the pages an application needs, the order of the steps,
old figures named as old, worked budgets equal to the fees data, glossary words linked."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from engine import rules
from engine.fees import assess_fees
from sitegen.strings import load_strings
from tests.site.helpers import formatter, guide_slugs, parse
from tests.site.test_pages import front_matter

NEW_PAGES = ["documents", "provincial-nominations", "paying-fees", "common-mistakes", "after-you-submit",
             "first-years", "representatives-and-fraud", "glossary", "old-figures"]
TODAY = dt.date.today()
STRINGS = load_strings()
cad = formatter("en").cad


def text_of(element) -> str:
    # Runs of spaces and line breaks become one space; a no-break space is kept, as it is shown.
    return re.sub(r"[ \t\r\n]+", " ", "".join(element.itertext())).strip()


def prose(built_site, slug: str):
    return parse(built_site / "guide" / slug / "index.html").find(".//div[@class='prose']")


def order(slug: str) -> int:
    return front_matter(slug)["order"]


@pytest.mark.parametrize("slug", NEW_PAGES)
def test_each_new_page_exists_with_sources_and_a_checked_date(built_site, slug):
    meta = front_matter(slug)
    assert meta["sources"] and all(s["url"].startswith("https://") for s in meta["sources"])
    assert dt.date(2026, 12, 2) <= meta["reviewed"] <= TODAY
    assert (built_site / "guide" / slug / "index.html").is_file()


def test_the_medical_exam_comes_inside_the_time_to_apply_before_submitting(built_site):
    # The rule in force: the exam is done before the application is submitted.
    assert rules.table("application.medical_exam", TODAY).lookup("express_entry", "before_submitting") == 1
    # The steps: invitation, then medical exam, then (fees and) submitting, then what follows.
    assert order("draws-and-invitations") < order("medical-exam") < order("paying-fees") < order("pr-application")
    assert order("pr-application") < order("after-you-submit") < order("after-approval")
    days = rules.table("deadlines.periods", TODAY).lookup("ita_response", "days")
    medical = text_of(prose(built_site, "medical-exam"))
    assert f"You now have {days} days" in medical and "before the " + str(days) + " days end" in medical
    assert "before submitting the application" in medical
    # The overview's numbered steps send the reader to the exam before the application.
    steps = prose(built_site, "overview").findall(".//ol/li")
    invited = next(li for li in steps if "If you are invited" in text_of(li))
    links = [a.get("href") for a in invited.iter("a")]
    assert links.index("/guide/medical-exam/") < links.index("/guide/pr-application/")
    # The application page puts the exam first in its order of work.
    work = prose(built_site, "pr-application").findall(".//ol/li")
    assert "/guide/medical-exam/" in [a.get("href") for a in work[0].iter("a")]


def test_an_expired_invitation_is_not_a_declined_one(built_site):
    text = text_of(prose(built_site, "draws-and-invitations"))
    assert "Your profile goes back into the pool" in text
    assert "the invitation expires and your profile leaves the pool" in text


def test_biometrics_are_for_every_application_within_the_days_of_the_letter(built_site):
    text = text_of(prose(built_site, "pr-application"))
    ages = rules.table("application.biometrics", TODAY)
    days = rules.table("deadlines.periods", TODAY).lookup("biometrics", "days")
    assert f"aged {ages.lookup('from_age')} to {ages.lookup('to_age')}" in text
    assert f"within {days} days of the letter" in text and "even if you gave biometrics" in text
    assert "not confirmed" not in text


def test_the_trade_groups_and_language_tests_carry_no_wrong_caveat(built_site):
    eligibility = parse(built_site / "guide" / "eligibility" / "index.html")
    trades = eligibility.find(".//div[@id='table-programs-fstp_trades']")
    assert trades is not None and trades.find(".//span[@class='status status-unconfirmed']") is None
    tests = parse(built_site / "guide" / "language-tests" / "index.html").find(".//div[@id='table-language-tests']")
    shown = [text_of(th) for th in tests.findall(".//tbody/tr/th")]
    entered = {STRINGS[f"rules.language.tests.rows.{row.id}"] for row in rules.table("language.tests", TODAY).rows if row.key in ("clb", "nclc")}
    assert shown and not entered & set(shown)


def test_status_marks_are_one_short_form_linked_to_their_meaning(built_site):
    seen = 0
    for slug in guide_slugs():
        for mark in parse(built_site / "guide" / slug / "index.html").iter("span"):
            kind = (mark.get("class") or "").split()
            if "status" not in kind or "status-estimate" in kind:
                continue
            link = mark.find("a")
            assert link is not None and link.get("href") == "/guide/glossary/#marks-on-figures", slug
            assert text_of(link) in ("not confirmed", "non-government source"), (slug, text_of(link))
            seen += 1
    assert seen > 10


def test_every_glossary_word_is_linked_from_another_page(built_site):
    glossary = parse(built_site / "guide" / "glossary" / "index.html")
    words = {h.get("id") for h in glossary.iter("h3") if h.get("id")}
    assert len(words) >= 25
    linked = set()
    for slug in guide_slugs():
        if slug == "glossary":
            continue
        for a in parse(built_site / "guide" / slug / "index.html").iter("a"):
            href = a.get("href") or ""
            if href.startswith("/guide/glossary/#"):
                linked.add(href.split("#")[1])
    # Every glossary word is used somewhere, and every link lands on a word or a section.
    ids = {e.get("id") for e in glossary.iter() if e.get("id")}
    assert linked <= ids
    assert words - linked == set(), sorted(words - linked)


def test_old_figures_are_out_of_date_and_shown_beside_the_current_one(built_site):
    text = text_of(prose(built_site, "old-figures"))
    superseded = [tid for tid in rules.table_ids() if tid.startswith("superseded.")]
    assert len(superseded) >= 3  # the old 90 days to answer an invitation are in deadlines.periods
    for table_id in superseded:
        table = rules.history(table_id)
        assert rules.table(table_id, TODAY).rows == (), table_id  # nothing in it is in force
        for row in table.rows:
            assert row.effective_to < TODAY and row.source.startswith("https://"), (table_id, row)
    old_funds = rules.history("superseded.funds").rows[0].values["amount"]
    assert cad(old_funds) in text and cad(rules.table("funds.settlement", TODAY).lookup(1, "amount")) in text
    assert old_funds != rules.table("funds.settlement", TODAY).lookup(1, "amount")
    for key in ("processing_principal", "rprf"):
        old = rules.history("superseded.fees").row_for(key).values["amount"]
        now = rules.table("fees.government", TODAY).lookup(key, "amount")
        assert old != now and cad(old) in text and cad(now) in text
    old_days = max((row for row in rules.history("deadlines.periods").rows
                    if row.key == "ita_response" and row.effective_to and row.effective_to < TODAY),
                   key=lambda row: row.effective_to).values["days"]
    now_days = rules.table("deadlines.periods", TODAY).lookup("ita_response", "days")
    assert old_days != now_days and f"{old_days} days" in text and f"{now_days} days" in text
    assert "skill type 0, A or B" in text


def test_worked_budgets_add_the_fees_data_and_the_estimates(built_site):
    doc = parse(built_site / "guide" / "paying-fees" / "index.html")
    estimates = rules.table("fees.estimates", TODAY)
    for example in rules.table("application.budget_examples", TODAY).rows:
        counts = example.values
        fees = assess_fees(spouse_applies=counts["adults"] > 1, children=counts["children"], as_of=TODAY)
        low = sum(r.values["low"] * counts.get(r.key, 0) for r in estimates.rows)
        high = sum(r.values["high"] * counts.get(r.key, 0) for r in estimates.rows)
        table = doc.find(f".//div[@id='budget-{example.key}']")
        totals = {td.get("data-total"): text_of(td) for td in table.iter("td") if td.get("data-total")}
        assert totals == {"government": cad(fees["total"]), "estimates": cad([low, high]),
                          "all": cad([fees["total"] + low, fees["total"] + high])}, example.key
    single = doc.find(".//div[@id='budget-single']")
    # The estimates are marked as such, row by row.
    assert len([s for s in single.iter("span") if s.get("class") == "status status-estimate"]) >= 3


def test_every_province_row_links_to_its_own_page(built_site):
    table = parse(built_site / "guide" / "provincial-nominations" / "index.html").find(
        ".//div[@id='table-provinces-nominations']")
    links = {text_of(a): a.get("href") for a in table.findall(".//tbody//th/a")}
    rows = rules.table("provinces.nominations", TODAY).rows
    with_page = {STRINGS[f"rules.provinces.nominations.rows.{row.id}"]: row.source for row in rows if row.source != rules.history("provinces.nominations").source}
    assert links == with_page and len(links) >= 12
    participating = [row for row in rows if row.values["express_entry_streams"] == 1]
    assert len(participating) == 11
    points = rules.table("crs.provincial_nomination", TODAY).lookup(True)
    assert f"{points} points" in text_of(prose(built_site, "provincial-nominations"))


def test_markdown_tables_scroll_in_a_named_box(built_site):
    boxes = 0
    for slug in guide_slugs():
        doc = parse(built_site / "guide" / slug / "index.html")
        ids = {e.get("id") for e in doc.iter() if e.get("id")}
        for box in doc.iter("div"):
            kind = (box.get("class") or "").split()
            if "table-scroll" in kind or "rules-table" in kind:
                assert box.get("tabindex") == "0" and box.get("role") == "region", slug
                assert box.get("aria-labelledby") in ids, slug
                boxes += 1
    assert boxes > 30


def test_no_page_puts_a_table_outside_a_scrolling_box(built_site):
    for slug in guide_slugs():
        doc = parse(built_site / "guide" / slug / "index.html")
        parents = {child: parent for parent in doc.iter() for child in parent}
        for table in doc.iter("table"):
            box = (parents[table].get("class") or "").split()
            assert parents[table].tag == "div" and {"table-scroll", "rules-table"} & set(box), slug
