"""Every source carries its two dates: when its figures were last seen there (the date of the copy
actually read, or "unknown", never a guess) and when a person last reviewed what cites it.

Read from the files themselves, so a table or page that leaves a date out fails here by name,
whatever the loaders accept."""
from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RULES = sorted((ROOT / "engine" / "data").glob("*.toml"))
PAGES = sorted((ROOT / "content").glob("*/*.md"))
TODAY = dt.date.today()


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return tomllib.loads(text.split("+++")[1])


def check_dates(seen, reviewed, where: str) -> None:
    assert type(reviewed) is dt.date and reviewed <= TODAY, f"{where}: reviewed = {reviewed!r}"
    assert seen == "unknown" or (type(seen) is dt.date and seen <= reviewed), f"{where}: figures_seen = {seen!r}"


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.name)
def test_every_rules_table_says_when_its_figures_were_seen_and_reviewed(path):
    tables = tomllib.loads(path.read_text(encoding="utf-8"))
    assert tables
    for key, table in tables.items():
        assert "checked" not in table, f"{path.name} [{key}]: 'checked' said neither which date it meant"
        check_dates(table.get("figures_seen"), table.get("reviewed"), f"{path.name} [{key}]")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_guide_source_says_when_its_figures_were_seen(path):
    meta = front_matter(path)
    assert "last_checked" not in meta
    assert meta["sources"]
    for source in meta["sources"]:
        check_dates(source.get("figures_seen"), meta.get("reviewed"), f"{path.parent.name}/{path.name} {source['url']}")


def test_twin_pages_were_reviewed_on_the_same_day():
    # Both editions always say the same: a review of one is a review of both.
    for english in (ROOT / "content" / "en").glob("*.md"):
        french = ROOT / "content" / "fr" / english.name
        assert front_matter(english)["reviewed"] == front_matter(french)["reviewed"], english.name


def test_no_date_claims_more_than_the_copies_read():
    # The reviews of 2026-12-06 found no official page newer than about 2026-10-03: a figure dated
    # later would need a newer copy, recorded with the table (this test then moves with it).
    newest = max(table["figures_seen"] for path in RULES
                 for table in tomllib.loads(path.read_text(encoding="utf-8")).values()
                 if table["figures_seen"] != "unknown")
    assert newest == dt.date(2026, 10, 3)
