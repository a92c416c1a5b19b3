"""The assessment's rules files: every row dated and sourced, statuses where the fact sheet
could not confirm a figure."""

from datetime import date

import pytest

from engine import rules
from tests.harness.words import words

STEMS = ("programs", "funds", "fees", "deadlines")
TABLES = [tid for tid in rules.table_ids() if tid.split(".")[0] in STEMS]


def test_the_assessment_tables_are_all_there():
    assert {tid.split(".")[0] for tid in TABLES} == set(STEMS)
    assert len(TABLES) >= 20


@pytest.mark.parametrize("table_id", TABLES)
def test_every_row_is_dated_and_sourced(table_id):
    table = rules.history(table_id)
    assert table.reviewed == date(2026, 12, 6)
    for row in table.rows:
        assert row.source.startswith("https://"), row
        assert row.effective_from >= date(2013, 5, 4), row
        assert row.status in (None, "unconfirmed", "secondary"), row


@pytest.mark.parametrize("table_id, keys", [
    ("programs.fstp_trades", set()),  # IRCC's own NOC 2021 wording (fact sheet §16 item 4)
    ("fees.estimates", None),
    ("deadlines.periods", set()),  # biometrics' 30 days confirmed on canada.ca (§16 item 3)
])
def test_unconfirmed_rows_are_flagged(table_id, keys):
    rows = rules.history(table_id).rows
    flagged = {row.key for row in rows if row.status == "unconfirmed"}
    assert flagged == (keys if keys is not None else {row.key for row in rows})


def test_2026_fees_read_in_copies_are_secondary_not_unconfirmed():
    # Every copy agrees (a transcription of IRCC's fees.json, a fee-list copy): the value is known,
    # only the reading was indirect (currency review of 2026-12-06, §3 item 8).
    rows = [r for r in rules.history("fees.government").rows if r.effective_from == date(2026, 4, 30)]
    assert {r.status for r in rows} == {"secondary"}
    assert all("copies" in words(f"rules.fees.government.notes.{r.note}") for r in rows)
