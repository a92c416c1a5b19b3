"""No string of the catalogues a person reads holds an internal file name (`rules.toml`,
`rounds.json`, `engine.py`) or an ISO date (`2026-11-03`): a reader gets dates in words, in
their language, and never the project's file names (content review of 2026-12-06, §3 and S14)."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "locales").rglob("*.toml"))
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
FILE_NAME = re.compile(r"\b[\w./-]+\.(?:toml|json|py|md|js|mjs|html|css|csv|txt|ya?ml)\b")
# A string that is only a web address is a link's target, not words on the page.
ADDRESS = re.compile(r"https://\S+")


def strings(node, path=""):
    """Every string of a parsed catalogue with its key (comments are not read: they are for us)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, f"{path}[{i}]")
    elif isinstance(node, str):
        yield path, node


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT / "locales")))
def test_no_file_name_or_iso_date_in_what_a_person_reads(path):
    found = [(key, match.group(0)) for key, text in strings(tomllib.loads(path.read_text(encoding="utf-8")))
             if not ADDRESS.fullmatch(text)
             for match in (*ISO_DATE.finditer(text), *FILE_NAME.finditer(text))]
    assert found == []


@pytest.mark.parametrize("text", ["Seen on 2026-11-03.", "See docs/sources-check.md", "from rounds.json", "engine/rules.py"])
def test_the_check_finds_what_it_looks_for(text):
    assert ISO_DATE.search(text) or FILE_NAME.search(text)


@pytest.mark.parametrize("text", ["3 November 2026", "canada.ca", "ircc.canada.ca", "1,590 CAD", "version 1.0"])
def test_the_check_leaves_plain_words_alone(text):
    assert not (ISO_DATE.search(text) or FILE_NAME.search(text))
