"""Every internal link and asset of the built site resolves, at the root and under a sub-path.

The resolver here is the test's own (html5lib + the file system), independent of the build's
link check, so a bug in one is caught by the other.
"""
from __future__ import annotations

import re
import tomllib
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


# --- Links to other sites: only the hosts listed in sitegen/external-hosts.toml -------------

HOSTS = tomllib.loads((Path(__file__).resolve().parents[2] / "sitegen" / "external-hosts.toml").read_text(encoding="utf-8"))


def listed(host: str, hosts: list[str]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def test_every_link_to_another_site_goes_to_a_listed_host(built_site):
    outside, in_sources = 0, 0
    for page in html_files(built_site):
        doc = parse(page)
        source_lines = {a for p in doc.iter("p") if "table-source" in (p.get("class") or "").split()
                        for a in p.iter("a")}
        for a in doc.iter("a"):
            host = urlsplit(a.get("href") or "").hostname
            if not host:
                continue
            if a in source_lines:
                in_sources += 1
                assert listed(host, HOSTS["official"] + HOSTS["secondary"]), (page, host)
            else:
                outside += 1
                assert listed(host, HOSTS["official"]), (page, host)
    assert outside > 50 and in_sources > 30


def test_the_allowed_hosts_are_government_or_named_as_secondary():
    # Official: federal (canada.ca, gc.ca) or one of the provinces' and territories' own sites.
    assert {"canada.ca", "gc.ca"} <= set(HOSTS["official"])
    assert not set(HOSTS["official"]) & set(HOSTS["secondary"])
    # Each province's page in the rules data is on an official host.
    from engine import rules

    for row in rules.history("provinces.nominations").rows:
        assert listed(urlsplit(row.source).hostname, HOSTS["official"]), row.label


@pytest.mark.parametrize("link, expected", [
    ("https://example.com/guide", "'example.com', a host not listed"),
    ("https://www.canadavisa.com/news.html", "non-government site 'www.canadavisa.com' outside a rules table"),
])
def test_the_build_refuses_a_link_to_a_host_not_allowed_in_the_text(tmp_path, link, expected):
    from sitegen.build import Builder
    from sitegen.errors import BuildError
    from tests.site.helpers import copy_inputs

    content, templates = copy_inputs(tmp_path)
    page = content / "en" / "overview.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nSee [this page]({link}).\n", encoding="utf-8")
    with pytest.raises(BuildError, match=re.escape(expected)) as caught:
        Builder(content=content, templates=templates).build(tmp_path / "out")
    assert "guide/overview/index.html:" in str(caught.value)
