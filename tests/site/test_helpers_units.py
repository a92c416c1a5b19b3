"""Small helpers of the build: base paths, money and dates, strings."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from sitegen.build import build_site
from sitegen.filters import cad, long_date_filter, number, or_list_filter
from sitegen.strings import Strings
from sitegen.urls import Urls, normalize_base


@pytest.mark.parametrize("given, base", [("/", "/"), ("", "/"), ("repo", "/repo/"), ("/repo", "/repo/"),
                                         ("/a/b/", "/a/b/"), ("https://me.github.io/repo", "/repo/")])
def test_base_path_is_normalized(given, base):
    assert normalize_base(given) == base


def test_urls_and_assets_respect_the_base_path():
    urls = Urls("/repo-name/")
    assert urls.url("") == "/repo-name/"
    assert urls.url("/guide/x/") == "/repo-name/guide/x/"
    assert urls.asset("css/site.css") == "/repo-name/static/css/site.css"


def test_a_full_base_url_gives_full_addresses_in_the_sitemap(tmp_path):
    build_site(tmp_path / "site", base_url="https://me.github.io/repo-name/")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.parse(tmp_path / "site" / "sitemap.xml").findall(".//s:loc", ns)]
    assert locs[0] == "https://me.github.io/repo-name/"
    assert "https://me.github.io/repo-name/guide/overview/" in locs
    assert 'href="/repo-name/guide/"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("value, text", [(15263, "$15,263"), (4112, "$4,112"), (85.5, "$85.50"), ([150, 450], "$150–$450")])
def test_cad(value, text):
    assert cad(value) == text


def test_number_and_lists():
    assert number(1200) == "1,200"
    assert number([6.0, 7.0]) == "6.0–7.0"
    assert number([9, 9]) == "9"
    assert or_list_filter("or")(["0", "1", "2", "3"]) == "0, 1, 2 or 3"
    assert or_list_filter("or")(["5"]) == "5"


def test_long_date_uses_the_locale_month_names():
    months = [f"M{i}" for i in range(1, 13)]
    assert long_date_filter(months)(dt.date(2025, 3, 25)) == "25 M3 2025"


def test_missing_string_is_an_error_naming_the_file_to_edit():
    t = Strings({"site.name": "x"})
    assert t("site.name") == "x"
    with pytest.raises(KeyError, match=r"locales/en/site.toml"):
        t("site.nope")
