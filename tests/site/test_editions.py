"""The French edition is a whole second site: every page in both languages, each linking to its
twin, in its own language, with its own addresses, search index, feed and formats."""
from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitegen.editions import ENGLISH, FRENCH, shared
from tests.site.helpers import CONTENT_ROOT, formatter, html_files, parse

PAIRS_ROUTES = ["", "guide/", "calculator/", "noc/", "search/"]


def guide_ids(lang: str) -> list[str]:
    return sorted(p.stem for p in (CONTENT_ROOT / lang).glob("*.md"))


def routes() -> list[str]:
    return PAIRS_ROUTES + [f"guide/{slug}/" for slug in guide_ids("en")]


def built(site: Path, edition, route: str) -> Path:
    return site / edition.path(route) / "index.html"


def test_every_guide_page_is_written_in_both_languages():
    assert guide_ids("en") == guide_ids("fr") and len(guide_ids("en")) >= 12


@pytest.mark.parametrize("route", routes())
def test_each_page_links_to_its_twin_and_names_both(built_site, route):
    for edition, twin in ((ENGLISH, FRENCH), (FRENCH, ENGLISH)):
        doc = parse(built(built_site, edition, route))
        assert doc.get("lang") == edition.locale
        switch = doc.find(".//a[@class='language-switch']")
        assert switch.get("href") == "/" + twin.path(route) and switch.get("hreflang") == twin.locale
        assert switch.get("lang") == twin.locale
        alternates = {link.get("hreflang"): link.get("href") for link in doc.findall(".//link[@rel='alternate'][@hreflang]")}
        assert alternates == {"en-CA": "/" + ENGLISH.path(route), "fr-CA": "/" + FRENCH.path(route)}


def test_french_addresses_are_french_and_english_ones_unchanged(built_site):
    for path in ("fr/index.html", "fr/guide/index.html", "fr/calculateur/index.html", "fr/noc/index.html",
                 "fr/recherche/index.html", "fr/404.html", "fr/guide/proof-of-funds/index.html",
                 "calculator/index.html", "search/index.html", "noc/index.html", "guide/proof-of-funds/index.html"):
        assert (built_site / path).is_file(), path


def test_a_french_page_links_within_the_french_edition(built_site):
    """Besides the switch and hreflang, a French page's links stay French (or go to shared files)."""
    for path in html_files(built_site / "fr"):
        doc = parse(path)
        for a in doc.iter("a"):
            href = a.get("href") or ""
            if a.get("class") == "language-switch" or not href.startswith("/"):
                continue
            target = href.lstrip("/").split("#")[0]
            assert target.startswith("fr/") or shared(target), (path.relative_to(built_site).as_posix(), href)


def sections(built_site, edition, slug: str) -> list[tuple[str, str]]:
    """The rendered guide page's h2 and h3 headings, as (tag, id), in reading order."""
    prose = parse(built(built_site, edition, f"guide/{slug}/")).find(".//div[@class='prose']")
    return [(e.tag, e.get("id")) for e in prose.iter() if e.tag in ("h2", "h3")]


@pytest.mark.parametrize("slug", guide_ids("en"))
def test_each_section_has_its_twin_in_the_other_edition(built_site, slug):
    """The same h2 and h3 sections, in the same order, under the same anchors: a section written
    in one edition exists in the other, and the switch and #links land on the same part."""
    english, french = sections(built_site, ENGLISH, slug), sections(built_site, FRENCH, slug)
    assert english and all(anchor for _, anchor in english), slug
    assert english == french


def test_the_french_edition_writes_figures_and_dates_in_french(built_site):
    fr = formatter("fr")
    funds = built(built_site, FRENCH, "guide/proof-of-funds/").read_text(encoding="utf-8")
    from engine import rules

    amount = rules.table("funds.settlement", dt.date.today()).lookup(1, "amount")
    assert fr.cad(amount) in funds and formatter("en").cad(amount) not in funds
    assert fr.long_date(dt.date.today()) in funds
    assert re.search(r"\d\u00a0\d{3}", funds)  # thousands with a no-break space
    english = built(built_site, ENGLISH, "guide/proof-of-funds/").read_text(encoding="utf-8")
    assert formatter("en").cad(amount) in english


def test_one_sitemap_lists_both_editions_with_their_alternates(built_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(built_site / "sitemap.xml").findall("s:url", ns)
    by_loc = {u.find("s:loc", ns).text: {a.get("hreflang"): a.get("href") for a in u.findall("x:link", ns)} for u in urls}
    for route in routes():
        en, fr = "/" + ENGLISH.path(route), "/" + FRENCH.path(route)
        assert by_loc[en] == by_loc[fr] == {"en-CA": en, "fr-CA": fr}, route
    for loc in by_loc:
        assert (built_site / loc.lstrip("/") / "index.html").is_file(), loc


def test_the_french_search_index_is_french(built_site):
    index = json.loads((built_site / "fr" / "search-index.json").read_text(encoding="utf-8"))
    assert index["lang"] == "fr" and {"le", "la", "les", "de", "des", "est", "mon"} <= set(index["stop_words"])
    assert all(word == word.lower() and word.isascii() for word in index["stop_words"])  # folded, as searched
    by_url = {page["url"]: page for page in index["pages"]}
    assert set(by_url) == {f"/fr/guide/{slug}/" for slug in guide_ids("fr")}
    assert "Entrée express" in " ".join(page["text"] for page in index["pages"])
    assert (built_site / "fr" / "recherche" / "index.html").read_text(encoding="utf-8").count('data-index="/fr/search-index.json"') == 1


def test_the_french_feed_names_rounds_in_french(built_site):
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.parse(built_site / "fr" / "feeds" / "rounds.atom").getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert root.find(f"{atom}link[@rel='alternate']").get("href").startswith("/fr/guide/")
    from tests.harness.words import catalogue

    french = catalogue("fr")
    entry = root.find(f"{atom}entry")
    kind = entry.find(f"{atom}category").get("label")
    assert kind == french[f"rounds.type.{entry.find(f'{atom}category').get('term')}"]
    assert re.search(r"\d{4}$", entry.find(f"{atom}title").text)  # a French long date ends the title
    home = (built_site / "fr" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" href="/fr/feeds/rounds.atom"' in home


def test_each_edition_keeps_its_own_pages_offline(built_site):
    for edition in (ENGLISH, FRENCH):
        groups = parse(built(built_site, edition, "calculator/")).get("data-offline-groups").split()
        assert groups == ["guide", f"guide-{edition.lang}", "runtime"]
        groups = parse(built(built_site, edition, "noc/")).get("data-offline-groups").split()
        assert groups == ["guide", f"guide-{edition.lang}", f"noc-{edition.lang}"]
    assert (built_site / "fr" / "manifest.webmanifest").is_file()
    manifest = json.loads((built_site / "fr" / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "fr-CA" and manifest["scope"] == "../"


def test_the_root_404_speaks_to_french_readers_too(built_site):
    """The host answers every missing address, /fr/ ones too, with the root's 404."""
    doc = parse(built_site / "404.html")
    french = doc.find(".//p[@lang='fr-CA']")
    assert french is not None and french.find("a").get("href") == "/fr/"
    assert parse(built_site / "fr" / "404.html").find(".//p[@lang='en-CA']") is None
