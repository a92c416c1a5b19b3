"""A new deploy reaches a returning visitor: two builds served one after the other at the same
address. The service worker finds the new version, downloads only the files that changed (no
Pyodide file again), the page says a newer version is ready, and "Reload" (or the next click on
a link) shows it; the calculator still works offline afterwards."""
from __future__ import annotations

import json
import os
import re
import shutil
import time

import pytest
from playwright.sync_api import expect

from sitegen.build import Builder
from sitegen.paths import CONTENT
from tests.browser.calculator_page import READY
from tests.harness.server import serve

EDIT = "You can enter the Express Entry pool only if"
EDITED = "Edited for the second build: you can enter the Express Entry pool only if"


def _files(site) -> dict:
    body = re.search(r"const FILES = \{\n(.*?)\n\};", (site / "sw.js").read_text(), re.S).group(1)
    return json.loads("{" + body + "}")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("updates")
    Builder().build(root / "first")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    page = content / "en" / "eligibility.md"
    text = page.read_text(encoding="utf-8")
    assert EDIT in text
    page.write_text(text.replace(EDIT, EDITED, 1), encoding="utf-8")
    Builder(content=content).build(root / "second")
    # Deployed later: this test server answers "not modified" by file time, and both builds may
    # fall within one second. (Files linked to the sources, the same in both, are left alone.)
    later = time.time() + 60
    for path in (root / "second").rglob("*"):
        if path.is_file() and path.stat().st_nlink == 1:
            os.utime(path, (later, later))
    live = root / "live"
    live.symlink_to(root / "first", target_is_directory=True)
    server = serve(live, "/")
    yield root, server
    server.close()


def _deploy(root, name) -> None:
    # The server reads the folder through this link on every request: swapping it is a deploy.
    link = root / "live.next"
    link.symlink_to(root / name, target_is_directory=True)
    os.replace(link, root / "live")


def test_a_returning_visitor_gets_the_new_version_and_only_what_changed(guarded_context, two_builds):
    root, server = two_builds
    first, second = _files(root / "first"), _files(root / "second")
    changed = {path for path in second if first.get(path, [None])[0] != second[path][0]}
    assert "guide/eligibility/index.html" in changed
    assert not {path for path in changed if path.startswith("pyodide/")}

    context = guarded_context(server)
    seen: list[str] = []  # every request
    by_worker: list[str] = []  # those the service worker made itself: its downloads
    context.on("request", lambda request: seen.append(request.url.removeprefix(server.url)))
    context.on("request", lambda request: request.service_worker and by_worker.append(request.url.removeprefix(server.url)))
    page = context.new_page()
    page.goto(server.url + "calculator/")
    page.wait_for_selector(READY)
    page.wait_for_selector("html[data-offline=ready]")  # guide and Python kept
    page.goto(server.url + "guide/eligibility/")
    expect(page.locator("main")).not_to_contain_text("Edited for the second build")

    _deploy(root, "second")
    seen.clear()
    by_worker.clear()
    page.goto(server.url + "guide/")  # a visit makes the browser look for a new worker
    page.wait_for_selector("html[data-update=ready]")
    expect(page.locator("#update-banner")).to_be_visible()
    expect(page.locator("#update-banner")).to_contain_text("A newer version of this guide is ready.")
    fetched = set(by_worker)
    assert fetched <= changed, sorted(fetched - changed)
    assert "guide/eligibility/index.html" in fetched
    assert not [url for url in seen if url.startswith("pyodide/")], seen

    with page.expect_navigation():  # "Reload" activates the new version, then reloads
        page.click("#update-banner button")
    expect(page.locator("#update-banner")).to_be_hidden()
    page.goto(server.url + "guide/eligibility/")
    expect(page.locator("main")).to_contain_text("Edited for the second build")
    expect(page.locator("#update-banner")).to_be_hidden()

    context.set_offline(True)
    context.route("**/*", lambda route: route.abort())
    page.goto(server.url + "calculator/")
    page.wait_for_selector(READY)
    _deploy(root, "first")


def test_the_next_click_on_a_link_takes_the_new_version(guarded_context, two_builds):
    root, server = two_builds
    context = guarded_context(server)
    page = context.new_page()
    page.goto(server.url + "guide/")
    page.wait_for_selector("html[data-offline=ready]")
    _deploy(root, "second")
    try:
        page.reload()
        page.wait_for_selector("html[data-update=ready]")
        page.click("main a[href$='/guide/eligibility/']")
        page.wait_for_url("**/guide/eligibility/")
        expect(page.locator("main")).to_contain_text("Edited for the second build")
    finally:
        _deploy(root, "first")


# Builds before revisions kept every file in one cache per version, under its plain URL.
OLD_CACHE = """async (paths) => {
  const old = await caches.open("ee-guide:/:0123456789abcdef");
  for (const path of paths) await old.put(new URL(path, location.origin + "/").href, await fetch("/" + path));
  await caches.delete("ee-guide:/:files");
}"""


def test_a_visitor_of_an_older_build_keeps_its_python_files(guarded_context, two_builds):
    """The caches of builds before revisions are reused where the bytes are the same."""
    root, server = two_builds
    runtime = sorted(path for path, entry in _files(root / "first").items() if entry[1] == "runtime")
    context = guarded_context(server)
    by_worker: list[str] = []
    context.on("request", lambda request: request.service_worker and by_worker.append(request.url.removeprefix(server.url)))
    page = context.new_page()
    page.goto(server.url + "guide/")
    page.wait_for_selector("html[data-offline=ready]")
    page.evaluate(OLD_CACHE, runtime)
    _deploy(root, "second")
    try:
        by_worker.clear()
        page.reload()
        page.wait_for_selector("html[data-update=ready]")
        assert not [url for url in by_worker if url.startswith("pyodide/")], by_worker
        with page.expect_navigation():
            page.click("#update-banner button")
        context.set_offline(True)
        context.route("**/*", lambda route: route.abort())
        page.goto(server.url + "calculator/")
        page.wait_for_selector(READY)
    finally:
        _deploy(root, "first")
