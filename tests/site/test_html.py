"""The HTML of every page is valid and follows the layout contract (CSP, no inline code)."""
from __future__ import annotations

import pytest

from sitegen.templating import CSP
from tests.site.helpers import html_files, parse


@pytest.fixture(scope="module")
def pages(built_site):
    return {page.relative_to(built_site).as_posix(): parse(page) for page in html_files(built_site)}


def test_every_page_parses_as_strict_html5(built_site):
    # parse() uses html5lib in strict mode: any parse error (bad nesting, stray end tag,
    # missing doctype, duplicate attribute) raises.
    for page in html_files(built_site):
        parse(page)


def test_every_page_has_the_layout_contract(pages):
    for name, doc in pages.items():
        assert doc.get("lang") == ("fr-CA" if name.startswith("fr/") else "en-CA"), name
        csp = doc.find(".//meta[@http-equiv='Content-Security-Policy']")
        assert csp is not None and csp.get("content") == CSP, name
        assert doc.find(".//link[@rel='manifest']") is not None, name
        skip = doc.find(".//a[@class='skip-link']")
        assert skip.get("href") == "#main" and doc.find(".//*[@id='main']").tag == "main", name
        assert len(doc.findall(".//h1")) == 1, name
        assert doc.find(".//header") is not None and doc.find(".//footer") is not None, name


def test_no_inline_script_or_style(pages):
    for name, doc in pages.items():
        for script in doc.iter("script"):
            assert script.get("src") or script.get("type") == "application/json", (name, script.attrib)
        assert not list(doc.iter("style")), name
        assert not [e for e in doc.iter() if e.get("style") is not None], name
        assert not [e for e in doc.iter() for a in e.attrib if a.startswith("on")], name


def test_pages_register_the_service_worker_and_embed_strings(pages):
    import json

    for name, doc in pages.items():
        sources = [s.get("src") for s in doc.iter("script") if s.get("src")]
        assert "/static/js/register-sw.js" in sources, name
        strings = json.loads(doc.find(".//script[@id='i18n']").text)
        assert strings["site.name"], name


def test_dev_build_relaxes_csp_only_for_live_reload_and_skips_the_service_worker(tmp_path):
    from sitegen.build import build_site

    build_site(tmp_path / "dev", dev=True)
    doc = parse(tmp_path / "dev" / "index.html")
    csp = doc.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "'unsafe-inline'" in csp and "object-src 'none'" in csp
    assert "register-sw.js" not in (tmp_path / "dev" / "index.html").read_text(encoding="utf-8")


def test_rules_tables_are_accessible(pages):
    tables = [t for doc in pages.values() for t in doc.findall(".//div[@class='rules-table']/table")]
    assert len(tables) > 20
    for table in tables:
        assert table.find("caption") is not None
        assert all(th.get("scope") in ("col", "row") for th in table.iter("th"))
