"""Every page of the guide is built, with its navigation, sources and checked date."""
from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
import xml.etree.ElementTree as ET

import pytest

from tests.site.helpers import CONTENT, guide_slugs, parse


def front_matter(slug: str) -> dict:
    text = (CONTENT / f"{slug}.md").read_text(encoding="utf-8")
    return tomllib.loads(text.split("+++")[1])


def test_the_guide_has_a_page_for_each_step():
    assert len(guide_slugs()) >= 12
    orders = [front_matter(s)["order"] for s in guide_slugs()]
    assert sorted(orders) == list(range(1, len(orders) + 1))


@pytest.mark.parametrize("slug", guide_slugs())
def test_guide_page_renders_title_sources_and_checked_date(built_site, slug):
    meta = front_matter(slug)
    doc = parse(built_site / "guide" / slug / "index.html")
    assert doc.find(".//h1").text == meta["title"]
    # The two dates sit at the foot of the page, with one link to what they mean.
    reviewed, in_force = doc.findall(".//footer//p[@class='page-dates']//time")
    assert reviewed.get("datetime") == meta["reviewed"].isoformat()
    assert in_force.get("datetime") == dt.date.today().isoformat()
    explained = doc.find(".//footer//p[@class='page-dates']/a").get("href")
    assert explained == "/guide/glossary/#dates-on-each-page"
    source_links = [a.get("href") for a in doc.findall(".//section[@class='sources']//a")]
    assert source_links == [s["url"] for s in meta["sources"]]
    # Each source says when its figures were seen there, or that the date was not recorded.
    for item, source in zip(doc.findall(".//section[@class='sources']/ul/li"), meta["sources"]):
        seen = item.find(".//time")
        if source["figures_seen"] == "unknown":
            assert seen is None and "not recorded" in "".join(item.itertext())
        else:
            assert seen.get("datetime") == source["figures_seen"].isoformat()
    assert doc.find(".//nav[@class='breadcrumbs']") is not None
    current = doc.findall(".//nav[@class='steps']//a[@aria-current='page']")
    assert [a.text for a in current] == [meta["title"]]


def test_previous_and_next_follow_the_order_of_the_steps(built_site):
    ordered = sorted(guide_slugs(), key=lambda s: front_matter(s)["order"])
    for i, slug in enumerate(ordered):
        doc = parse(built_site / "guide" / slug / "index.html")
        prev = doc.find(".//a[@rel='prev']")
        nxt = doc.find(".//a[@rel='next']")
        assert (prev.get("href") if prev is not None else None) == (f"/guide/{ordered[i - 1]}/" if i else None)
        assert (nxt.get("href") if nxt is not None else None) == (
            f"/guide/{ordered[i + 1]}/" if i + 1 < len(ordered) else None)


def test_home_shows_every_step_in_order(built_site):
    doc = parse(built_site / "index.html")
    steps = [a.get("href") for a in doc.findall(".//ol[@class='path']//a")]
    ordered = sorted(guide_slugs(), key=lambda s: front_matter(s)["order"])
    assert steps == [f"/guide/{slug}/" for slug in ordered]


def test_site_files_exist(built_site):
    for name in ["index.html", "404.html", ".nojekyll", "search/index.html", "guide/index.html",
                 "search-index.json", "sitemap.xml", "manifest.webmanifest", "sw.js"]:
        assert (built_site / name).is_file(), name


def test_sitemap_lists_every_page_and_only_pages_that_exist(built_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.parse(built_site / "sitemap.xml").findall(".//s:loc", ns)]
    for slug in guide_slugs():
        assert f"/guide/{slug}/" in locs
    for loc in locs:
        assert (built_site / loc.lstrip("/") / "index.html").is_file(), loc


def test_search_index_has_every_guide_page_with_its_text(built_site):
    index = json.loads((built_site / "search-index.json").read_text(encoding="utf-8"))
    assert index["lang"] == "en" and {"the", "how", "is", "my"} <= set(index["stop_words"])
    entries = index["pages"]
    by_url = {e["url"]: e for e in entries}
    assert set(by_url) == {f"/guide/{slug}/" for slug in guide_slugs()}
    funds = by_url["/guide/proof-of-funds/"]
    assert funds["title"] == front_matter("proof-of-funds")["title"]
    assert "borrowed money" in funds["text"].lower()
    assert "<" not in funds["text"]


def test_no_page_shows_an_escaped_entity(built_site):
    # A heading's name in "On this page" arrives as HTML from Markdown; escaping it again shows "&rsquo;" as text.
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"&amp;(?:[a-z]+|#\d+);", text), page.relative_to(built_site)
