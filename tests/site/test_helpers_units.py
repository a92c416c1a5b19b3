"""Small helpers of the build: base paths and editions' addresses, money and dates, strings."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from sitegen.build import build_site
from sitegen.editions import ENGLISH, FRENCH
from sitegen.strings import Strings
from sitegen.urls import Urls, normalize_base
from tests.site.helpers import formatter

EN, FR = formatter("en"), formatter("fr")
NBSP = "\u00a0"  # CLDR's group separator and the space before "$" in Canadian French


@pytest.mark.parametrize("given, base", [("/", "/"), ("", "/"), ("repo", "/repo/"), ("/repo", "/repo/"),
                                         ("/a/b/", "/a/b/"), ("https://me.github.io/repo", "/repo/")])
def test_base_path_is_normalized(given, base):
    assert normalize_base(given) == base


def test_urls_and_assets_respect_the_base_path():
    urls = Urls("/repo-name/")
    assert urls.url("") == "/repo-name/"
    assert urls.url("/guide/x/") == "/repo-name/guide/x/"
    assert urls.asset("css/site.css") == "/repo-name/static/css/site.css"


def test_the_french_edition_has_its_own_addresses_and_shares_the_runtime():
    urls = Urls("/repo-name/", FRENCH)
    assert urls.url("") == "/repo-name/fr/"
    assert urls.url("guide/overview/") == "/repo-name/fr/guide/overview/"
    assert urls.url("calculator/") == "/repo-name/fr/calculateur/"
    assert urls.url("search/") == "/repo-name/fr/recherche/"
    assert urls.url("search-index.json") == "/repo-name/fr/search-index.json"
    assert urls.url("data/noc-index.json") == "/repo-name/fr/data/noc-index.json"
    assert urls.url("data/rounds.json") == "/repo-name/data/rounds.json"  # one copy for both
    assert urls.url("pyodide/pyodide.mjs") == "/repo-name/pyodide/pyodide.mjs"
    assert urls.asset("css/site.css") == "/repo-name/static/css/site.css"
    assert Urls("/", ENGLISH).url("calculator/") == "/calculator/"
    for route in ("", "guide/", "calculator/", "search/", "noc/", "404.html"):
        assert FRENCH.route_of(FRENCH.path(route)) == route


def test_a_full_base_url_gives_full_addresses_in_the_sitemap(tmp_path):
    build_site(tmp_path / "site", base_url="https://me.github.io/repo-name/")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ET.parse(tmp_path / "site" / "sitemap.xml")
    locs = [e.text for e in sitemap.findall(".//s:loc", ns)]
    assert locs[0] == "https://me.github.io/repo-name/"
    assert "https://me.github.io/repo-name/guide/overview/" in locs
    assert "https://me.github.io/repo-name/fr/calculateur/" in locs
    assert 'href="/repo-name/guide/"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    home = (tmp_path / "site" / "fr" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="en-CA" href="https://me.github.io/repo-name/">' in home


@pytest.mark.parametrize("value, english, french", [
    (15263, f"15,263{NBSP}CAD", f"15{NBSP}263{NBSP}${NBSP}CA"), (4112, f"4,112{NBSP}CAD", f"4{NBSP}112{NBSP}${NBSP}CA"),
    (85.5, f"85.50{NBSP}CAD", f"85,50{NBSP}${NBSP}CA"), ([150, 450], f"150{NBSP}CAD–450{NBSP}CAD", f"150{NBSP}${NBSP}CA–450{NBSP}${NBSP}CA")])
def test_money_in_each_locale(value, english, french):
    assert EN.cad(value) == english
    assert FR.cad(value).replace(" ", NBSP) == french  # the catalogue's pattern may use either space


def test_numbers_and_lists_in_each_locale():
    assert EN.number(1200) == "1,200" and FR.number(1200) == f"1{NBSP}200"
    assert EN.number([6.0, 7.0]) == "6.0–7.0" and FR.number([6.0, 7.5]) == "6,0–7,5"
    assert EN.number([9, 9]) == "9"
    assert EN.or_list(["0", "1", "2", "3"]) == "0, 1, 2 or 3"
    assert FR.or_list(["0", "1", "2"]) == "0, 1 ou 2"
    assert EN.or_list(["5"]) == "5"
    assert EN.megabytes(4_212_345) == "4.3" and FR.megabytes(4_212_345) == "4,3"


def test_long_dates_in_each_locale():
    assert EN.long_date(dt.date(2026, 11, 25)) == "25 November 2026"
    assert EN.long_date(dt.date(2023, 10, 1)) == "1 October 2023"
    assert FR.long_date(dt.date(2026, 11, 25)) == "25 novembre 2026"
    assert FR.long_date(dt.date(2023, 10, 1)) == "1er octobre 2023"


def test_missing_string_is_an_error_naming_the_file_to_edit():
    t = Strings({"site.name": "x"})
    assert t("site.name") == "x"
    with pytest.raises(KeyError, match=r"locales/en/site.toml"):
        t("site.nope")
    with pytest.raises(KeyError, match=r"locales/fr/rules/crs.toml"):
        Strings({}, "fr")("rules.crs.age.title")
