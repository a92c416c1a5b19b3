"""After one visit the whole site works with the network cut: the service worker precached
every file (Pyodide included). At the root and under a GitHub project-page sub-path."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.calculator_page import READY, SETTLED, fill_profile, open_calculator

PROFILE = {
    "age": 29, "education": "masters", "foreign_work_years": 3,
    "first_language": {"test": "ielts_general", "listening": 8, "reading": 7, "writing": 7, "speaking": 7},
}


@pytest.mark.parametrize("server_fixture", ["site_server", "subpath_server"])
def test_calculator_and_guide_work_offline_after_one_visit(request, guarded_context, server_fixture):
    server = request.getfixturevalue(server_fixture)
    context = guarded_context(server)
    page = context.new_page()
    open_calculator(page, server)
    page.wait_for_selector("html[data-offline=ready]")
    fill_profile(page, PROFILE)
    page.wait_for_selector(SETTLED)
    total = page.inner_text("#crs-total")
    # A guide page's address, read while online.
    page.goto(server.url + "guide/")
    guide_page = page.locator("main a[href*='/guide/']").first.get_attribute("href")

    context.set_offline(True)
    context.route("**/*", lambda route: route.abort())

    page.goto(server.url + "calculator/")
    page.wait_for_selector(READY)
    page.wait_for_selector(SETTLED)
    expect(page.locator("#crs-total")).to_have_text(total)
    page.fill('[name="age"]', "30")  # and it still calculates
    page.wait_for_selector(SETTLED)
    expect(page.locator("#crs-total")).not_to_have_text(total)

    page.goto(server.origin + guide_page)
    expect(page.locator("main h1")).to_be_visible()
    page.reload()
    expect(page.locator("main h1")).to_be_visible()


def test_manifest_makes_the_site_installable(page, site_server):
    import json
    from urllib.request import urlopen

    page.goto(site_server.url)
    href = page.get_attribute('link[rel="manifest"]', "href")
    with urlopen(site_server.origin + href) as response:
        manifest = json.load(response)
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        with urlopen(site_server.url + icon["src"]) as response:
            assert response.status == 200 and response.headers["Content-Type"] == icon["type"]
