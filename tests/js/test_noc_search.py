"""The NOC finder's search (static/js/noc-finder.js), run under Node on the files the build ships."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitegen import datasets
from tests.harness.node import run_module

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
# The French edition's index (CNP 2021): French titles, accents optional.
FRENCH_QUERIES = ["cuisinier", "cuisinière", "infirmiere", "developpeur de logiciels", "électricien", "63200",
                  "software engineer", "registered nurse"]


def run(folder: Path, queries: list[str]) -> dict:
    return json.loads(run_module(SEARCH, FINDER, folder, json.dumps(queries), timeout=120))


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    datasets.write(folder)
    return folder


@pytest.fixture(scope="module")
def results(data_folder):
    return run(data_folder / "data", QUERIES)


@pytest.fixture(scope="module")
def french(data_folder):
    return run(data_folder / "fr" / "data", FRENCH_QUERIES)


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


def test_the_french_finder_finds_french_titles(french):
    assert codes(french["cuisinier"]["full"])[0] == "63200"
    assert codes(french["cuisinier"]["first"])[0] == "63200"  # from the first file already
    assert codes(french["cuisinière"]["full"])[0] == "63200"
    assert codes(french["infirmiere"]["full"])[0] == "31301"  # accents optional
    assert codes(french["developpeur de logiciels"]["full"])[0] == "21232"
    assert "72200" in codes(french["électricien"]["full"])[:3]
    assert codes(french["63200"]["full"]) == ["63200"]


def test_the_french_finder_also_finds_english_titles(french):
    """Many people know their job by its English name: the French finder finds it once every
    example title has loaded, and names the English title that matched."""
    assert french["software engineer"]["full"][0] == ["21231", "software engineer"]
    assert french["software engineer"]["first"] == []  # the English titles come with the second file
    assert codes(french["registered nurse"]["full"])[0] == "31301"
