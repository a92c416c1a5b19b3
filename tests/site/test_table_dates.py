"""Every rules table in the guide, in both editions, says its two dates under it: the figures as
published on the date of the copy read (or that no date was recorded) and when a person last
reviewed the table, as people write dates, with the machine date in <time>."""
from __future__ import annotations

import re

import pytest

from tests.site.helpers import guide_slugs, parse

WORDS = {"": ("Figures as published on", "We did not record the date", "Table reviewed on"),
         "fr/": ("Chiffres tels que publiés le", "Nous n’avons pas noté la date", "Tableau relu le")}
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.mark.parametrize("prefix", list(WORDS))
def test_every_table_says_when_its_figures_were_seen_and_reviewed(built_site, prefix):
    seen, unknown, reviewed = WORDS[prefix]
    lines = 0
    for slug in guide_slugs():
        for line in parse(built_site / f"{prefix}guide" / slug / "index.html").iter("p"):
            if line.get("class") != "table-source":
                continue
            lines += 1
            text = "".join(line.itertext())
            assert reviewed in text and (seen in text or unknown in text), (slug, text)
            assert not ISO.search(text), (slug, text)  # dates for people, never ISO
            assert all(ISO.fullmatch(t.get("datetime")) for t in line.iter("time")), slug
    assert lines >= 20
