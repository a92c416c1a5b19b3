"""The guide in real Chromium: offline search, navigation under a sub-path, responsive layout."""
from __future__ import annotations

import pytest

from tests.site.helpers import guide_slugs
from tests.site.test_pages import front_matter


def errors_of(page) -> list[str]:
    """Console errors and CSP violations seen by the page from now on."""
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen.append(str(error)))
    return seen


def test_search_finds_pages_and_marks_the_words(page, site_server):
    errors = errors_of(page)
    page.goto(site_server.url + "search/?q=borrowed+money")
    page.wait_for_selector("#search-results li")
    first = page.locator("#search-results li a").first
    assert first.get_attribute("href") == "/guide/proof-of-funds/"
    assert page.locator("#search-results mark").first.inner_text().lower() in ("borrowed", "money")
    assert "match" in page.locator("#search-status").inner_text()
    assert errors == []


def test_search_updates_as_you_type_and_says_when_nothing_matches(page, site_server):
    page.goto(site_server.url + "search/")
    page.wait_for_selector("#search-status:has-text('Type one or more words')")
    page.fill("#search-q", "zzzzqqq")
    page.wait_for_selector("#search-status:has-text('No page matches')")
    assert page.locator("#search-results li").count() == 0
    page.fill("#search-q", "biometrics")
    page.wait_for_selector("#search-results li")
    assert "q=biometrics" in page.url


def test_header_search_box_leads_to_results_under_a_sub_path(subpath_page, subpath_server):
    subpath_page.goto(subpath_server.url)
    subpath_page.fill("#site-search-q", "police certificate")
    subpath_page.press("#site-search-q", "Enter")
    subpath_page.wait_for_selector("#search-results li")
    hrefs = subpath_page.locator("#search-results li a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "/repo-name/guide/pr-application/" in hrefs


def test_following_next_links_walks_the_whole_guide(subpath_page, subpath_server):
    subpath_page.goto(subpath_server.url)
    subpath_page.click(".hero-actions a.button")
    visited = [subpath_page.url]
    while subpath_page.locator("a[rel=next]").count():
        subpath_page.click("a[rel=next]")
        visited.append(subpath_page.url)
    pages = sorted(guide_slugs(), key=lambda s: front_matter(s)["order"])
    assert visited == [subpath_server.url + f"guide/{slug}/" for slug in pages]
    assert subpath_page.locator("h1").inner_text() == front_matter(pages[-1])["title"]


@pytest.mark.parametrize("width", [360, 1280])
def test_guide_pages_fit_the_screen_without_sideways_scrolling(guarded_context, site_server, width):
    page = guarded_context(site_server, viewport={"width": width, "height": 800}).new_page()
    for slug in guide_slugs():
        page.goto(site_server.url + f"guide/{slug}/")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (slug, overflow)
        # A wide table scrolls inside its own box, which never passes the edge of the screen.
        boxes = page.evaluate("""[...document.querySelectorAll('.rules-table, .table-scroll')]
            .map((box) => box.getBoundingClientRect().right)""")
        assert all(right <= width for right in boxes), (slug, boxes)


@pytest.mark.parametrize("path", ["guide/draws-and-invitations/", "fr/guide/draws-and-invitations/"])
def test_the_categories_table_reads_on_a_phone_without_scrolling_sideways(guarded_context, site_server, path):
    # Its conditions are sentences: read in a box scrolled sideways, half of each line is hidden.
    page = guarded_context(site_server, viewport={"width": 320, "height": 740}).new_page()
    page.goto(site_server.url + path)
    box = page.locator(".categories-table")
    assert box.evaluate("(e) => e.scrollWidth - e.clientWidth") <= 0


def test_dark_mode_follows_the_system_setting(guarded_context, site_server):
    colours = {}
    for scheme in ("light", "dark"):
        page = guarded_context(site_server, color_scheme=scheme).new_page()
        page.goto(site_server.url)
        colours[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert colours["light"] == "rgb(255, 255, 255)"
    assert colours["dark"] != colours["light"]


def test_print_hides_navigation(page, site_server):
    page.goto(site_server.url + "guide/proof-of-funds/")
    page.emulate_media(media="print")
    assert not page.locator("nav.steps").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert page.locator("article h1").is_visible()
