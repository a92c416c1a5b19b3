"""The guide page "Routes for French speakers", read from the built site in both editions: each
route has its section, its figures from engine/data/french_routes.toml, how often it changes
and its dates; Francophone Mobility is said to be a work permit; the page is in the path."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from engine import rules
from tests.site.helpers import parse

SLUG = "french-speakers"
SECTIONS = ["overview", "ontario", "community-pilot", "francophone-mobility", "quebec", "calculator"]
EDITIONS = {
    "en": ("guide", "work permit, not permanent residence", "How often it changes", "Page reviewed on"),
    "fr": ("fr/guide", "permis de travail, pas la résidence permanente", "Fréquence des changements", "Page relue le"),
}


def text_of(element) -> str:
    return re.sub(r"[ \t\r\n]+", " ", "".join(element.itertext())).strip()


def page(built_site, lang):
    return parse(built_site / EDITIONS[lang][0] / SLUG / "index.html")


@pytest.mark.parametrize("lang", EDITIONS)
def test_each_route_has_its_section_in_both_editions(built_site, lang):
    doc = page(built_site, lang)
    ids = [h.get("id") for h in doc.findall(".//div[@class='prose']/h2")]
    assert ids == SECTIONS


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_figures_come_from_the_data_with_how_often_they_change(built_site, lang):
    _, work_permit, changes, _ = EDITIONS[lang]
    text = text_of(page(built_site, lang).find(".//div[@class='prose']"))
    routes = {r.key: r.values for r in rules.table("french_routes.routes", dt.date.today()).rows}
    assert f"NCLC {routes['ontario_french_skilled_worker']['french_nclc']} " in text
    assert f"CLB {routes['ontario_french_skilled_worker']['english_clb']} " in text
    assert f"NCLC {routes['francophone_community_pilot']['french_nclc']} " in text
    assert work_permit in text
    assert text.count(changes) == 4  # one per route
    for word in ("Arrima", "CSQ", "PSTQ"):
        assert word in text


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_table_and_the_page_carry_their_dates(built_site, lang):
    doc = page(built_site, lang)
    source = doc.find(".//p[@class='table-source']")
    times = [t.get("datetime") for t in source.findall(".//time")]
    assert rules.history("french_routes.routes").reviewed.isoformat() in times
    footer = text_of(doc.find(".//footer//p[@class='page-dates']"))
    assert EDITIONS[lang][3] in footer


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_page_is_in_the_path_beside_the_rounds(built_site, lang):
    doc = page(built_site, lang)
    previous = doc.find(".//nav[@class='pager']/a[@rel='prev']").get("href")
    assert previous.endswith("/draws-and-invitations/")
    steps = [a.get("href") for a in doc.findall(".//nav[@class='steps']//a")]
    assert any(href.endswith(f"/{SLUG}/") for href in steps)
