"""Every internal link and asset of the built site resolves, at the root and under a sub-path.

The resolver here is the test's own (html5lib + the file system), independent of the build's
link check, so a bug in one is caught by the other.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitegen.linkcheck import broken_links
from tests.site.helpers import html_files, parse

ATTRIBUTES = ("href", "src", "action")


def references(doc):
    for element in doc.iter():
        for attribute in ATTRIBUTES:
            value = element.get(attribute)
            if value is not None:
                yield element.tag, attribute, value


def resolve(site: Path, base: str, page: Path, ref: str) -> tuple[Path, str] | None:
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    if path.startswith("/"):
        assert path.startswith(base), f"{page}: {ref!r} is outside the base path {base!r}"
        target = site / path[len(base):]
    else:
        target = page.parent / path
    if path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def check_site(site: Path, base: str) -> list[str]:
    problems = []
    ids: dict[Path, set[str]] = {}
    for page in html_files(site):
        doc = parse(page)
        ids[page.resolve()] = {e.get("id") for e in doc.iter() if e.get("id")}
    for page in html_files(site):
        for tag, attribute, ref in references(parse(page)):
            found = resolve(site, base, page, ref)
            if found is None:
                continue
            target, fragment = found
            if not target.is_file():
                problems.append(f"{page.relative_to(site)}: <{tag} {attribute}={ref!r}> has no file")
            elif fragment and target.suffix == ".html" and fragment not in ids[target.resolve()]:
                problems.append(f"{page.relative_to(site)}: <{tag} {attribute}={ref!r}> has no such id")
    return problems


@pytest.mark.parametrize("fixture, base", [("built_site", "/"), ("subpath_site", "/repo-name/")])
def test_every_internal_link_and_asset_resolves(request, fixture, base):
    site = request.getfixturevalue(fixture)
    assert len(html_files(site)) >= 15
    assert check_site(site, base) == []


def test_sub_path_build_prefixes_every_site_absolute_link(subpath_site):
    for page in html_files(subpath_site):
        for _, _, ref in references(parse(page)):
            if ref.startswith("/"):
                assert ref.startswith("/repo-name/"), (page, ref)


def test_no_page_loads_anything_from_another_origin(built_site):
    for page in html_files(built_site):
        for tag, attribute, ref in references(parse(page)):
            if tag != "a" and attribute != "action":  # links people follow may leave; loads may not
                assert not urlsplit(ref).netloc, (page, tag, ref)


def test_the_build_link_check_reports_a_missing_file_and_a_missing_anchor(tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><p id="here">x</p>'
        '<a href="/gone/">a</a>\n<a href="#here">b</a>\n<a href="/#nowhere">c</a>'
        '<a href="https://www.canada.ca/">d</a>', encoding="utf-8")
    problems = broken_links(tmp_path, "/")
    assert len(problems) == 2
    assert problems[0].startswith("index.html:1: broken link '/gone/'")
    assert "nowhere" in problems[1]
