"""axe-core (npm, injected by the test) finds no serious or critical violation on any page
of the site, in both editions, nor on the calculator (English and French) with its spouse
questions open and an error shown."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.calculator_page import READY, SETTLED, fill_profile

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


def site_pages(root: Path) -> list[str]:
    """Every page of a built site, both editions, as a path under its root ("" for the home page)."""
    pages = [p.parent.relative_to(root).as_posix() + "/" for p in root.rglob("index.html")]
    return sorted(page.removeprefix("./") for page in pages) + sorted(p.relative_to(root).as_posix() for p in root.rglob("404.html"))


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in found
        if v["impact"] in SERIOUS
    ]


@pytest.fixture
def axe_page(guarded_context, site_server):
    # The page's CSP would refuse the injected axe script; only this test bypasses it.
    return guarded_context(site_server, bypass_csp=True).new_page()


def test_every_page_has_no_serious_violation(axe_page, site_server, built_site):
    pages = site_pages(built_site)
    assert {"calculator/", "", "fr/calculateur/", "fr/", "fr/404.html"} <= set(pages)
    problems = {}
    for path in pages:
        axe_page.goto(site_server.url + path)
        if path in ("calculator/", "fr/calculateur/"):
            axe_page.wait_for_selector(READY)
        found = violations(axe_page)
        if found:
            problems[path] = found
    assert not problems, problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("route", ["calculator/", "fr/calculateur/"])
def test_calculator_in_use_has_no_serious_violation(warm_page, site_server, scheme, route):
    page = warm_page(site_server, bypass_csp=True, color_scheme=scheme)
    page.goto(site_server.url + route)
    page.wait_for_selector(READY)
    fill_profile(page, {
        "age": 30, "education": "bachelors",
        "first_language": {"test": "tcf_canada", "listening": 500, "reading": 500, "writing": 12, "speaking": 12},
        "second_language": {"test": "ielts_general", "listening": 7, "reading": 7, "writing": 7, "speaking": 7},
        "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "masters",
                   "language": {"test": "clb", "listening": 7, "reading": 7, "writing": 7, "speaking": 7}},
    })
    page.wait_for_selector(SETTLED)
    page.click("#copy-link")
    assert violations(page) == []
    page.fill('[name="second_language.reading"]', "12")  # an error beside its field
    page.wait_for_selector('#result[data-state="stale"]')
    assert violations(page) == []


def test_calculator_under_a_sub_path_has_no_serious_violation(guarded_context, subpath_server):
    page = guarded_context(subpath_server, bypass_csp=True).new_page()
    page.goto(subpath_server.url + "calculator/")
    page.wait_for_selector(READY)
    assert violations(page) == []
