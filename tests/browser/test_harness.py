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
