"""The NOC finder page in real Chromium: it searches offline, shows the licence, works under a sub-path."""
from __future__ import annotations


def test_finder_page_searches_offline_and_shows_the_attribution(page, site_server):
    page.goto(site_server.url + "noc/?q=software+developer")
    page.wait_for_selector('#noc-finder[data-ready="all"]')
    first = page.locator("#noc-results > li").first
    assert first.get_attribute("id") == "noc-21232"
    assert "TEER 1" in first.inner_text()
    page.fill("#noc-q", "nurse")
    page.wait_for_selector("#noc-31301")
    assert "Healthcare" in page.locator("#noc-31301").inner_text()
    page.fill("#noc-q", "electrician")
    page.wait_for_selector("#noc-72200")
    page.fill("#noc-q", "21231")
    page.wait_for_selector("#noc-21231")
    assert page.locator("#noc-results > li").count() == 1
    attribution = page.locator(".noc-attribution").inner_text()
    assert "Statistics Canada" in attribution and "Open Government Licence" in attribution


def test_finder_page_works_under_a_sub_path(subpath_page, subpath_server):
    subpath_page.goto(subpath_server.url + "noc/?q=72200")
    subpath_page.wait_for_selector("#noc-72200")
