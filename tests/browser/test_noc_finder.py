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


def test_a_long_query_is_bounded_and_never_widens_the_page(guarded_context, site_server):
    # issue 22: a 5,000-character query once made the page 53,729 px wide at 390 px.
    page = guarded_context(site_server, viewport={"width": 390, "height": 800}).new_page()
    long = "x" * 5000
    page.goto(site_server.url + "noc/?q=" + long)
    page.wait_for_selector('#noc-finder[data-ready="all"]')
    assert len(page.input_value("#noc-q")) == int(page.get_attribute("#noc-q", "maxlength"))
    page.fill("#noc-q", "")
    page.type("#noc-q", "y" * 120, delay=0)  # typed: the field stops at its bound
    assert len(page.input_value("#noc-q")) == 100
    page.fill("#noc-q", long)  # pasted past the bound by a script: the search still bounds it
    page.wait_for_selector("#noc-status:has-text('xxx')")
    assert "x" * 101 not in page.inner_text("#noc-status")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
