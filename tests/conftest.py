"""Fixtures shared by every test: a built and served site, and a guarded real Chromium; and the
markers of each test folder (registered in pyproject.toml).

Engine tests also run inside Pyodide with `--confcutdir` below this folder, so this file may
import browser tooling freely: Pyodide never loads it.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.harness import browser as chromium
from tests.harness.server import serve

SUBPATH = "/repo-name/"
TESTS = Path(__file__).resolve().parent
# The folder a test lives in says what it needs: the quick loop leaves these out. A test
# elsewhere that opens Chromium (through the `browser` fixture) is a browser test too.
FOLDER_MARKERS = {"browser": ("browser", "slow"), "pyodide": ("pyodide", "slow")}


def pytest_collection_modifyitems(items):
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0]
        names = FOLDER_MARKERS.get(folder, ())
        if "browser" in getattr(item, "fixturenames", ()):
            names = FOLDER_MARKERS["browser"]
        for name in names:
            item.add_marker(name)


@contextmanager
def _locked(path: Path):
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _build(tmp_path_factory, base_url: str, name: str):
    """Built once per test run: with parallel workers (pytest-xdist) the first one to need it
    builds it in the folder they share, the others wait and read the same files."""
    from sitegen.build import build_site

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    out = shared / f"site-{name}" / "site"
    with _locked(shared / f"site-{name}.lock"):
        done = out.parent / "built"
        if not done.exists():
            build_site(out, base_url=base_url)
            done.touch()
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site built for the root of its host ("/")."""
    return _build(tmp_path_factory, "/", "root")


@pytest.fixture(scope="session")
def site_server(built_site):
    server = serve(built_site, "/")
    yield server
    server.close()


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory):
    """The site built for a GitHub project page, served under /repo-name/."""
    return _build(tmp_path_factory, SUBPATH, "subpath")


@pytest.fixture(scope="session")
def subpath_server(subpath_site):
    server = serve(subpath_site, SUBPATH)
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = chromium.launch(playwright)
        yield instance
        instance.close()


def _guarded(browser, server, options):
    """A new browser context whose requests outside `server.origin` are aborted and recorded."""
    context = browser.new_context(**options)
    guard = chromium.ForeignRequestGuard(server.origin)
    guard.attach(context)
    return context, guard


@pytest.fixture
def guarded_context(browser):
    """Factory: a fresh browser context that aborts and fails on requests to other origins.

    `guarded_context(server, **context_options)` returns the context; the test fails at teardown
    if any page in it asked for anything outside `server.origin`.
    """
    opened = []

    def make(server, **options):
        context, guard = _guarded(browser, server, options)
        opened.append((context, guard))
        return context

    yield make
    foreign = [url for _, guard in opened for url in guard.foreign]
    for context, _ in opened:
        context.close()
    if foreign:
        pytest.fail(f"requests left the site's origin: {foreign}")


@pytest.fixture(scope="module")
def _warm_contexts(browser):
    """A test file's guarded contexts, one per server and set of context options: after a
    context's first visit the service worker, the cached files and Python's memory snapshot are
    there, so its later pages start warm (a cold start costs a test about three seconds of a
    processor)."""
    contexts = {}

    def get(server, options):
        key = (server.origin, repr(sorted(options.items())))
        if key not in contexts:
            contexts[key] = _guarded(browser, server, options)
        return contexts[key]

    yield get
    for context, _ in contexts.values():
        context.close()


@pytest.fixture
def warm_page(_warm_contexts):
    """Factory: `warm_page(server, viewport=None, color_scheme=None, **context_options)` gives a
    new page in the test file's warm context for those options, with none of what earlier tests
    left in the site's storage (answers, ticks). The viewport and colour scheme are the page's
    own, so pages that differ only in them share a context. The test fails if a page asked for
    anything outside the server's origin.

    Tests of a first visit, of start-up, or that intercept the site's own files (the service
    worker of an earlier visit would serve them first) take a fresh context instead."""
    opened = []

    def make(server, viewport=None, color_scheme=None, **options):
        context, guard = _warm_contexts(server, options)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Storage.clearDataForOrigin",
                 {"origin": server.origin, "storageTypes": "local_storage,indexeddb,cookies"})
        cdp.detach()
        if viewport:
            page.set_viewport_size(viewport)
        if color_scheme:
            page.emulate_media(color_scheme=color_scheme)
        opened.append((page, guard, len(guard.foreign)))
        return page

    yield make
    foreign = []
    for page, guard, before in opened:
        page.close()
        foreign += guard.foreign[before:]
    if foreign:
        pytest.fail(f"requests left the site's origin: {sorted(set(foreign))}")


@pytest.fixture
def page(warm_page, site_server):
    """A page for the site served at the root, in the test file's warm context (`warm_page`)."""
    return warm_page(site_server)


@pytest.fixture
def fresh_page(guarded_context, site_server):
    """A page in a new guarded context (a first visit) for the site served at the root."""
    return guarded_context(site_server).new_page()


@pytest.fixture
def subpath_page(guarded_context, subpath_server):
    """A page in a guarded context for the site served under /repo-name/."""
    return guarded_context(subpath_server).new_page()
