"""The service worker keeps only whole files (issue 22): a response cut short (its
Content-Length matching the cut body), or a Wi-Fi login page answering for every address, is
never stored; once the network recovers the site is kept whole and works offline. A copy an
earlier worker kept without checking is dropped and fetched again on the next visit."""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.calculator_page import READY, SETTLED, fill_profile
from tests.harness.fault_server import PORTAL_PAGE, serve_with_faults

PROFILE = {
    "age": 29, "education": "masters", "foreign_work_years": 3,
    "first_language": {"test": "ielts_general", "listening": 8, "reading": 7, "writing": 7, "speaking": 7},
}
GUIDE_PAGE = "guide/eligibility/index.html"

# Every file the cache holds: [address, bytes, first 16 hex digits of its SHA-256].
CACHED = """async () => {
  const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const found = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const body = await (await cache.match(request)).arrayBuffer();
      found.push([request.url, body.byteLength, hex(await crypto.subtle.digest("SHA-256", body)).slice(0, 16)]);
    }
  }
  return found;
}"""


def _files(site) -> dict:
    body = re.search(r"const FILES = \{\n(.*?)\n\};", (site / "sw.js").read_text(), re.S).group(1)
    return json.loads("{" + body + "}")


def _cached(page, server, files) -> dict:
    """{path: (bytes, revision)} of what the service worker keeps; every copy must be the build's."""
    kept = {}
    for url, size, digest in page.evaluate(CACHED):
        path = url.removeprefix(server.url).split("?v=")[0]
        kept[path] = (size, digest)
        assert (size, digest) == (files[path][2], files[path][0]), f"{path} kept with other bytes"
    return kept


@pytest.fixture
def faulty(built_site):
    server, faults = serve_with_faults(built_site)
    yield server, faults
    server.close()


def _go_offline(context):
    context.set_offline(True)
    context.route("**/*", lambda route: route.abort())


def test_cut_responses_are_never_kept_and_the_calculator_works_offline_after(guarded_context, built_site, faulty):
    server, faults = faulty
    files = _files(built_site)
    engine_zip = next(p for p in files if p.startswith("engine-"))
    stylesheet = next(p for p in files if p.startswith("static/css/") and p.endswith(".css"))
    first = ["static/js/calculator/form.js", stylesheet, GUIDE_PAGE]
    runtime = [engine_zip, "pyodide/pyodide.asm.mjs", "pyodide/pyodide.asm.wasm"]
    context = guarded_context(server)
    page = context.new_page()
    # The first visit, to the guide: its files come cut short twice (the page's request and the
    # service worker's first try).
    faults.cut = {path: 2 for path in first}
    page.goto(server.url + "guide/")
    page.wait_for_selector("html[data-offline=ready]")
    # Then the calculator: Python's files come cut once, through the service worker.
    faults.cut.update({path: 1 for path in runtime})
    page.goto(server.url + "calculator/")
    page.wait_for_selector("html[data-offline=ready]", timeout=120_000)
    assert sorted(faults.cut_served) == sorted(["/" + p for p in first] * 2 + ["/" + p for p in runtime])
    kept = _cached(page, server, files)
    assert set(first + runtime) <= set(kept)

    faults.clear()
    _go_offline(context)
    page.goto(server.url + "calculator/")
    page.wait_for_selector(READY)
    fill_profile(page, PROFILE)
    page.wait_for_selector(SETTLED)
    expect(page.locator("#crs-total")).not_to_have_text("")
    page.goto(server.url + "guide/eligibility/")
    expect(page.locator("footer")).to_be_visible()  # the whole page, not its first half


def test_a_wifi_login_page_is_never_kept_in_place_of_the_guide(guarded_context, built_site, faulty):
    server, faults = faulty
    files = _files(built_site)
    context = guarded_context(server)
    page = context.new_page()
    # The portal lets the first page through, then answers everything else with its login page.
    faults.portal_lets_through = ("/", "/sw.js", "/static/js/register-sw.js")
    faults.portal = True
    page.goto(server.url)
    page.wait_for_selector("html[data-offline=unavailable]")
    kept = _cached(page, server, files)  # nothing but the build's bytes
    assert GUIDE_PAGE not in kept

    faults.clear()  # signed in: the network answers again
    page.reload()
    page.wait_for_selector("html[data-offline=ready]")
    assert GUIDE_PAGE in _cached(page, server, files)
    _go_offline(context)
    page.goto(server.url + "guide/eligibility/")
    expect(page.locator("main h1")).to_be_visible()
    assert PORTAL_PAGE.decode() not in page.content()


# What a worker that kept files without checking them may have left: the first half of a page.
DAMAGE = """async (path) => {
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (!request.url.includes(path + "?v=")) continue;
      const text = await (await cache.match(request)).text();
      await cache.put(request, new Response(text.slice(0, text.length / 2), { headers: { "Content-Type": "text/html" } }));
      return true;
    }
  }
  return false;
}"""


def test_a_bad_copy_kept_by_an_earlier_version_is_replaced_on_the_next_visit(guarded_context, built_site, faulty):
    server, faults = faulty
    files = _files(built_site)
    context = guarded_context(server)
    page = context.new_page()
    page.goto(server.url)
    page.wait_for_selector("html[data-offline=ready]")
    assert page.evaluate(DAMAGE, GUIDE_PAGE)
    with pytest.raises(AssertionError):
        _cached(page, server, files)

    faults.sw_suffix = b"\n// the next version\n"  # a new deploy of the worker
    page.reload()
    page.wait_for_selector("html[data-update=ready]")
    page.click("#update-banner button")
    page.wait_for_selector("html[data-offline=ready]")
    assert GUIDE_PAGE in _cached(page, server, files)
    _go_offline(context)
    page.goto(server.url + "guide/eligibility/")
    expect(page.locator("footer")).to_be_visible()
