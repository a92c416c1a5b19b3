"""The guide's search (static/js/search.js), run under Node on each edition's search index:
pages match when some of the words do, best match first, accents and stop words aside."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.harness.node import run_module

ROOT = Path(__file__).resolve().parents[2]
SEARCH_JS = ROOT / "static" / "js" / "search.js"

RUN = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [script, index, queries] = process.argv.slice(1);
const { prepare, rank, queryTerms } = await import(pathToFileURL(script).href);
const prepared = prepare(JSON.parse(readFileSync(index, "utf8")));
const out = {};
for (const q of JSON.parse(queries)) {
  const terms = queryTerms(q, prepared.stopWords);
  out[q] = { terms, hits: rank(prepared, terms).map((h) => [h.page.entry.url, h.matched.length]) };
}
console.log(JSON.stringify(out));
"""

ENGLISH = ["how long is my ITA valid", "borrowed money", "police certificate", "the", "zzzzqqq",
           "invitation", "how long is my ITA valid zzzzqqq"]
FRENCH = ["combien de temps mon IPD est-elle valide", "certificat de police", "preuve de fonds",
          "evaluation des diplomes", "équivalence", "le"]


def search(site: Path, index: str, queries: list[str]) -> dict:
    return json.loads(run_module(RUN, SEARCH_JS, site / index, json.dumps(queries), timeout=120))


@pytest.fixture(scope="module")
def english(built_site):
    return search(built_site, "search-index.json", ENGLISH)


@pytest.fixture(scope="module")
def french(built_site):
    return search(built_site, "fr/search-index.json", FRENCH)


def urls(result) -> list[str]:
    return [url for url, _ in result["hits"]]


def test_a_question_finds_the_page_that_answers_it_first(english, french):
    assert english["how long is my ITA valid"]["terms"] == ["long", "ita", "valid"]  # stop words left out
    assert urls(english["how long is my ITA valid"])[0] == "/guide/draws-and-invitations/"
    assert french["combien de temps mon IPD est-elle valide"]["terms"] == ["temps", "ipd", "valide"]
    assert urls(french["combien de temps mon IPD est-elle valide"])[0] == "/fr/guide/draws-and-invitations/"


def test_pages_matching_more_words_come_first(english):
    hits = english["how long is my ITA valid"]["hits"]
    counts = [matched for _, matched in hits]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3 and counts[-1] < 3
    # A word no page holds does not stop the others from finding pages.
    assert urls(english["how long is my ITA valid zzzzqqq"])[0] == "/guide/draws-and-invitations/"


def test_known_answers_in_each_language(english, french):
    assert urls(english["borrowed money"])[0] == "/guide/proof-of-funds/"
    assert "/guide/documents/" in urls(english["police certificate"])[:3]
    assert "/fr/guide/documents/" in urls(french["certificat de police"])[:3]
    assert urls(french["preuve de fonds"])[0] == "/fr/guide/proof-of-funds/"
    assert urls(french["evaluation des diplomes"])[0] == "/fr/guide/education-assessment/"  # accents optional


def test_a_word_finds_longer_words_it_starts(english):
    assert "/guide/draws-and-invitations/" in urls(english["invitation"])


def test_stop_words_alone_still_search_and_nonsense_finds_nothing(english, french):
    assert english["the"]["terms"] == ["the"] and english["the"]["hits"]
    assert french["le"]["terms"] == ["le"]
    assert english["zzzzqqq"]["hits"] == []
