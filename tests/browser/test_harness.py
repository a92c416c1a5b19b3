"""The test harness itself: the served site and the guarded Chromium."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from tests.harness import browser as chromium
from tests.harness.server import serve


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_home_page_loads_in_chromium_without_foreign_requests(page, site_server):
    response = page.goto(site_server.url)
    assert response.status == 200
    assert page.title().strip()
    assert page.locator("main").count() == 1


def test_home_page_loads_under_a_sub_path(subpath_page, subpath_server):
    response = subpath_page.goto(subpath_server.url)
    assert response.status == 200
    assert subpath_server.url.endswith("/repo-name/")


def test_sub_path_server_hides_everything_outside_the_sub_path(subpath_server):
    assert _status(subpath_server.url) == 200
    assert _status(subpath_server.origin + "/index.html") == 404


def test_guard_blocks_and_reports_a_foreign_request(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><img src="http://foreign.invalid/pixel.png" alt="">'
    )
    server = serve(tmp_path)
    context = browser.new_context()
    guard = chromium.ForeignRequestGuard(server.origin)
    guard.attach(context)
    try:
        context.new_page().goto(server.url, wait_until="load")
    finally:
        context.close()
        server.close()
    assert guard.foreign == ["http://foreign.invalid/pixel.png"]


def test_warm_pages_share_the_visit_but_not_the_answers(warm_page, site_server):
    """A test file's pages share one context (the service worker of the first visit serves the
    next), and each starts with none of the answers an earlier page left in storage."""
    first = warm_page(site_server)
    first.goto(site_server.url + "calculator/")
    first.wait_for_selector("html[data-engine=ready]")
    first.evaluate("navigator.serviceWorker.ready")
    first.evaluate("localStorage.setItem('left-behind', '1')")
    second = warm_page(site_server, viewport={"width": 390, "height": 844})
    assert second.context == first.context
    second.goto(site_server.url + "calculator/")
    assert second.evaluate("navigator.serviceWorker.controller !== null")
    assert second.evaluate("localStorage.getItem('left-behind')") is None
    assert second.evaluate("innerWidth") == 390
