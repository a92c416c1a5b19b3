"""Guide readers never pay for Python; the calculator keeps its runtime when opened, or when a
guide page's offer is taken; a browser that asks to save data downloads nothing in the
background; the NOC finder keeps its index once opened. Real Chromium, network cut after."""
from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from playwright.sync_api import expect

from tests.browser.calculator_page import READY, choose
from tests.harness.slow_server import serve_slowly

PYTHON = re.compile(r"/(pyodide/|engine-[0-9a-f]+\.zip|python-stdlib-)")
SAVE_DATA = "Object.defineProperty(navigator, 'connection', { value: { saveData: true } });"


def _requests(context, server) -> list[str]:
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url.removeprefix(server.url)))
    return seen


def _cut_network(context) -> None:
    context.set_offline(True)
    context.route("**/*", lambda route: route.abort())


def test_a_guide_page_keeps_the_guide_and_downloads_no_python(guarded_context, site_server):
    context = guarded_context(site_server)
    seen = _requests(context, site_server)
    page = context.new_page()
    page.goto(site_server.url + "guide/eligibility/")
    page.wait_for_selector("html[data-offline=ready]")
    assert not [url for url in seen if PYTHON.search("/" + url)], seen
    assert "guide/proof-of-funds/index.html" in seen  # the rest of the guide, kept for later
    assert not any("noc-examples" in url for url in seen)
    assert not [url for url in seen if url.startswith("fr/")]  # nor the French edition
    expect(page.locator("#offline-offer")).to_be_visible()
    assert re.search(r"\(\d+\.\d MB\)", page.inner_text("#offline-offer-button"))

    _cut_network(context)
    page.goto(site_server.url + "guide/proof-of-funds/")
    expect(page.locator("main h1")).to_be_visible()
    page.goto(site_server.url)
    expect(page.locator("main h1")).to_be_visible()


def test_the_offer_keeps_the_calculator_for_offline_use(guarded_context, site_server):
    context = guarded_context(site_server)
    seen = _requests(context, site_server)
    page = context.new_page()
    page.goto(site_server.url + "guide/")
    page.wait_for_selector("html[data-offline=ready]")
    before = len(seen)
    page.click("#offline-offer-button")
    page.wait_for_selector("#offline-offer[data-state=saved]")
    assert [url for url in seen[before:] if PYTHON.search("/" + url)]
    assert not any("python_stdlib.zip" in url for url in seen)  # the full archive is only a fallback
    expect(page.locator("#offline-offer [role=status]")).to_contain_text("offline")

    _cut_network(context)
    page.goto(site_server.url + "calculator/")
    page.wait_for_selector(READY)
    page.goto(site_server.url + "guide/")
    expect(page.locator("#offline-offer")).to_be_hidden()  # nothing left to offer


def test_saving_data_means_no_background_download(guarded_context, site_server):
    context = guarded_context(site_server)
    context.add_init_script(SAVE_DATA)
    seen = _requests(context, site_server)
    page = context.new_page()
    page.goto(site_server.url + "guide/eligibility/")
    page.wait_for_selector("html[data-offline=save-data]")
    page.wait_for_timeout(500)
    pages = [url for url in seen if url.endswith("index.html") or url.endswith("/")]
    assert pages == ["guide/eligibility/"], seen  # the page itself, nothing precached
    # What the person opens is still kept: this page, read again with the network cut.
    page.reload()
    page.wait_for_selector("html[data-offline=save-data]")
    _cut_network(context)
    page.reload()
    expect(page.locator("main h1")).to_be_visible()


def test_the_noc_finder_keeps_its_index_once_opened(guarded_context, site_server):
    context = guarded_context(site_server)
    seen = _requests(context, site_server)
    page = context.new_page()
    page.goto(site_server.url + "noc/")
    page.wait_for_selector("html[data-offline=ready]")
    assert any("data/noc-examples.json" in url for url in seen)
    _cut_network(context)
    page.reload()
    page.wait_for_selector("[data-ready=all]")


# Bytes per second of the link the download test runs on: slow enough that the page, whose
# scripts load beside Python's files, is there to show the download (about 3 s on a local link).
DOWNLOAD_RATE = 5_000_000


@pytest.fixture
def moderate_link(built_site):
    server, _ = serve_slowly(built_site, DOWNLOAD_RATE)
    yield server
    server.close()


def test_python_download_shows_megabytes_done_of_total(guarded_context, moderate_link):
    site_server = moderate_link
    context = guarded_context(site_server)
    # Every wording the boot status takes, kept on <html> (read without script evaluation).
    context.add_init_script("""
      new MutationObserver(() => {
        const label = document.getElementById("engine-stage");
        const seen = document.documentElement.dataset.seenLabels ?? "";
        if (label && !seen.endsWith(label.textContent)) document.documentElement.dataset.seenLabels = seen + "\\n" + label.textContent;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    """)
    page = context.new_page()
    page.goto(site_server.url + "calculator/")
    page.fill('[name="age"]', "31")  # the form works while Python downloads
    page.wait_for_selector(READY)
    assert page.input_value('[name="age"]') == "31"
    config = json.loads(page.get_attribute("script[data-runtime]", "data-runtime"))
    total = sum(raw for raw, _ in config["downloads"].values())  # this server does not compress
    shown = re.findall(r"Downloading Python: (\d+\.\d) of (\d+\.\d) MB", page.get_attribute("html", "data-seen-labels"))
    assert shown, page.get_attribute("html", "data-seen-labels")
    assert all(abs(float(of) - total / 1e6) <= 0.051 for _, of in shown)
    assert float(shown[-1][0]) == float(shown[-1][1])
    assert page.get_attribute("html", "data-stdlib") == "cut"


def test_a_missing_module_switches_to_the_full_standard_library(guarded_context, site_server, built_site):
    cut = next(built_site.glob("python-stdlib-*.zip"))
    source, buffer = zipfile.ZipFile(cut), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as broken:
        for info in source.infolist():
            if info.filename != "fractions.pyc":  # the engine imports it
                broken.writestr(info, source.read(info))
    context = guarded_context(site_server)
    context.route("**/python-stdlib-*.zip", lambda route: route.fulfill(body=buffer.getvalue(), content_type="application/zip"))
    page = context.new_page()
    page.goto(site_server.url + "calculator/")
    # Python starts twice here (the cut archive, then the full one): slow on a busy machine.
    page.wait_for_selector("html[data-engine=ready], html[data-engine=error]", timeout=120_000)
    assert page.get_attribute("html", "data-engine") == "ready"
    assert page.get_attribute("html", "data-stdlib") == "full"
    page.fill('[name="age"]', "30")
    choose(page, "education", "masters")
    choose(page, "first_language.test", "clb")
    for ability in ("listening", "reading", "writing", "speaking"):
        page.fill(f'[name="first_language.{ability}"]', "9")
    page.wait_for_selector('#result[data-state="ready"]:not([aria-busy])')
    assert page.inner_text("#crs-total").strip().isdigit()


def test_a_french_reader_keeps_the_french_guide_only(guarded_context, site_server):
    context = guarded_context(site_server)
    seen = _requests(context, site_server)
    page = context.new_page()
    page.goto(site_server.url + "fr/guide/eligibility/")
    page.wait_for_selector("html[data-offline=ready]")
    assert "fr/guide/proof-of-funds/index.html" in seen and "fr/search-index.json" in seen
    english = [url for url in seen if url.endswith(".html") and not url.startswith("fr/")]
    assert english == [], english  # no English page downloaded for a French reader
    assert not [url for url in seen if PYTHON.search("/" + url)]
    expect(page.locator("#offline-offer")).to_be_visible()  # the calculator's offer, in French
    assert re.search(r"\(\d+,\d\s+Mo\)", page.inner_text("#offline-offer-button"))  # a decimal comma

    _cut_network(context)
    page.goto(site_server.url + "fr/guide/proof-of-funds/")
    expect(page.locator("main h1")).to_be_visible()
    page.goto(site_server.url + "fr/recherche/?q=certificat+de+police")
    expect(page.locator("#search-results li").first).to_be_visible()
    page.goto(site_server.url + "fr/guide/no-such-page/")  # the French "page not found", offline
    expect(page.locator("html")).to_have_attribute("lang", "fr-CA")
    expect(page.locator("main h1")).to_be_visible()
