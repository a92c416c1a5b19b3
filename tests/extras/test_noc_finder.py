"""The NOC finder: its search (run under Node on the files the build ships) and its page."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sitegen import datasets

ROOT = Path(__file__).resolve().parents[2]
FINDER = ROOT / "static" / "js" / "noc-finder.js"

SEARCH = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [finder, folder, queries] = process.argv.slice(1);  // node -e: no script path
const { prepare, search } = await import(pathToFileURL(finder).href);
const read = (name) => JSON.parse(readFileSync(folder + "/" + name, "utf8"));
const index = read("noc-index.json");
const full = prepare(index, read("noc-examples.json"));
const first = prepare(index);
const out = {};
for (const q of JSON.parse(queries)) {
  out[q] = {
    full: search(full, q).map((h) => [h.group.code, h.matched]),
    first: search(first, q).map((h) => [h.group.code, h.matched]),
  };
}
console.log(JSON.stringify(out));
"""

QUERIES = ["software developer", "Software Developers", "nurse", "21231", "212", "electrician",
           "bedside nurse", "cardiology nurse", "xyzzy", "stunt performer - film"]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (Debian package 'nodejs')")
    folder = tmp_path_factory.mktemp("site")
    datasets.write(folder)
    proc = subprocess.run(
        [node, "--input-type=module", "-e", SEARCH, str(FINDER), str(folder / "data"), json.dumps(QUERIES)],
        capture_output=True, text=True, check=True, timeout=120,
    )
    return json.loads(proc.stdout)


def codes(hits):
    return [code for code, _ in hits]


def test_software_developer_finds_21232_first(results):
    assert codes(results["software developer"]["full"])[0] == "21232"
    assert codes(results["Software Developers"]["full"])[0] == "21232"


def test_nurse_finds_registered_nurses_first(results):
    assert codes(results["nurse"]["full"])[0] == "31301"
    assert "31301" in codes(results["nurse"]["first"])  # already from the titles


def test_a_code_finds_that_unit_group_and_a_prefix_its_family(results):
    assert codes(results["21231"]["full"]) == ["21231"]
    family = codes(results["212"]["full"])
    assert family and all(code.startswith("212") for code in family)
    assert "21231" in family and "21232" in family


def test_electrician_shows_72200_first_and_the_other_electricians(results):
    found = codes(results["electrician"]["full"])
    assert found[0] == "72200"
    assert {"72201", "72202"} <= set(found)


def test_example_titles_not_on_show_are_named_when_they_match(results):
    assert results["bedside nurse"]["full"] == [["31301", "bedside nurse"]]
    assert results["cardiology nurse"]["first"] == []  # only in the full list of examples
    assert codes(results["cardiology nurse"]["full"]) == ["31301"]


def test_no_match_and_no_break_spaces(results):
    assert results["xyzzy"]["full"] == []
    # The source writes this title with a no-break space; the index has a plain one.
    assert codes(results["stunt performer - film"]["full"])[0].startswith("5")


def test_browser_files_split_the_index_without_losing_a_title(tmp_path):
    files = datasets.write(tmp_path)
    assert sorted(files) == ["data/noc-categories.json", "data/noc-examples.json",
                             "data/noc-index.json", "data/rounds.json"]
    index = json.loads((tmp_path / "data/noc-index.json").read_text())["groups"]
    rest = json.loads((tmp_path / "data/noc-examples.json").read_text())["examples"]
    source = json.loads((ROOT / "data/noc2021.json").read_text())["unit_groups"]
    assert len(index) == len(rest) == len(source) == 516
    for (code, title, teer, shown), more, group in zip(index, rest, source):
        assert (code, title, teer) == (group["code"], group["title"], group["teer"])
        assert shown + more == group["examples"]
    # The first file is what the page waits for: keep it small.
    assert (tmp_path / "data/noc-index.json").stat().st_size < 200_000


def test_categories_file_lists_codes_in_force_on_the_build_date(tmp_path):
    import datetime as dt

    data = datasets.noc_categories(dt.date(2026, 11, 25))
    assert data["codes"]["31301"] == ["healthcare"]
    assert "63200" not in data["codes"]  # cooks left the trades list in 2026
    assert data["codes"]["31102"] == ["healthcare", "physicians"]
    assert data["categories"]["physicians"]["in_canada"] is True
    assert "french" not in data["categories"]  # no occupation list
    assert datasets.noc_categories(dt.date(2025, 6, 1))["codes"]["63200"] == ["trades"]


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
