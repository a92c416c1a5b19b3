"""engine.rules: dated tables, selection by day, lookups, and the shape of every data file."""

from datetime import date, timedelta

import pytest

from engine import rules
from tests.harness.words import catalogue

CRS_TABLES = {
    "crs.age", "crs.education", "crs.first_language", "crs.second_language", "crs.canadian_work",
    "crs.spouse_education", "crs.spouse_language", "crs.spouse_canadian_work",
    "crs.education_language", "crs.education_canadian_work", "crs.foreign_work_language",
    "crs.foreign_work_canadian_work", "crs.certificate_language", "crs.provincial_nomination",
    "crs.job_offer", "crs.canadian_education", "crs.french", "crs.sibling", "crs.caps",
}
LANGUAGE_CHARTS = ["language.celpip_general", "language.ielts_general", "language.pte_core",
                   "language.tef_canada", "language.tcf_canada"]


def test_table_ids_list_every_table():
    ids = rules.table_ids()
    assert ids == sorted(ids)
    assert CRS_TABLES <= set(ids)
    assert set(LANGUAGE_CHARTS) | {"language.tests", "language.levels", "language.result_validity", "notices.notices"} <= set(ids)


def test_unknown_table_is_a_clear_error():
    with pytest.raises(rules.UnknownTableError, match="unknown rules table 'crs.nope'"):
        rules.table("crs.nope", date(2026, 1, 1))
    with pytest.raises(LookupError):
        rules.history("nofile.age")


def test_table_attributes_and_lookup():
    t = rules.table("crs.age", date(2026, 11, 25))
    assert t.kind == "bands" and t.columns == ("with_spouse", "without_spouse")
    assert t.source.startswith("https://www.canada.ca/")
    assert (t.figures_seen, t.reviewed) == (date(2026, 9, 30), date(2026, 12, 6))
    assert t.dates() == {"figures_seen": "2026-09-30", "reviewed": "2026-12-06"}
    assert t.lookup(29, "without_spouse") == 110
    assert t.lookup(29, "with_spouse") == 100
    with pytest.raises(LookupError):
        t.lookup(121, "with_spouse")
    with pytest.raises(LookupError):
        t.lookup(29)  # two columns: one must be named
    with pytest.raises(LookupError):
        t.lookup(29, "points")


def test_keyed_lookup_does_not_confuse_booleans_and_numbers():
    t = rules.table("crs.provincial_nomination", date(2026, 1, 1))
    assert t.lookup(True) == 600
    with pytest.raises(LookupError):
        t.lookup(1)


def test_as_of_selects_rows_in_force_with_inclusive_bounds():
    def offer(day):
        return rules.table("crs.job_offer", day).lookup("other")

    assert offer(date(2016, 11, 18)) == 600
    assert offer(date(2016, 11, 19)) == 50
    assert offer(date(2025, 3, 24)) == 50
    assert offer("2025-03-25") == 0
    assert len(rules.history("crs.job_offer").rows) == 7
    assert len(rules.table("crs.job_offer", date(2020, 1, 1)).rows) == 3


def test_no_rows_before_express_entry():
    assert rules.table("crs.age", date(2014, 12, 31)).rows == ()
    with pytest.raises(LookupError):
        rules.table("crs.age", date(2014, 12, 31)).lookup(29, "with_spouse")


def test_french_2020_values_are_confirmed_and_only_their_start_is_noted():
    # Content review B9: the value is on IRCC's CRS page; only the 2020 start date is not
    # confirmed, which the row's note says without marking today's figure "not confirmed".
    row = rules.table("crs.french", date(2020, 10, 27)).row_for(7)
    assert row.values == {"english_below_clb5": 25, "english_clb5": 50}
    assert row.effective_from == date(2020, 10, 27) and row.status is None and row.note == "start_unconfirmed"
    before = rules.table("crs.french", date(2020, 10, 26)).row_for(7)
    assert before.values == {"english_below_clb5": 15, "english_clb5": 30}


def test_column_bands():
    t = rules.table("crs.education_language", date(2026, 1, 1))
    assert [t.column_for(level) for level in (0, 6, 7, 8, 9, 12)] == ["below_clb7"] * 2 + ["clb7"] * 2 + ["clb9"] * 2
    with pytest.raises(LookupError):
        rules.table("crs.age", date(2026, 1, 1)).column_for(3)


def _boundaries(t):
    days = {date(2015, 1, 1), date(2026, 11, 25)}
    for row in t.rows:
        days |= {row.effective_from, row.effective_from - timedelta(days=1)}
        if row.effective_to:
            days |= {row.effective_to, row.effective_to + timedelta(days=1)}
    return sorted(days)


@pytest.mark.parametrize("table_id", rules.table_ids())
def test_every_table_is_well_formed(table_id):
    full = rules.history(table_id)
    assert full.kind in rules.KINDS
    assert full.source.startswith("https://")
    for row in full.rows:
        assert row.source.startswith("https://")
        assert row.status is None or (isinstance(row.status, str) and row.status)
        assert set(row.values) == set(full.columns)
        if table_id.split(".")[0] in ("crs", "language", "notices"):  # the CRS engine's own files
            assert row.effective_from >= date(2015, 1, 1)


# Occupation lists are named by the NOC 2021 dataset (data/noc2021.json), not the catalogue.
OCCUPATION_LISTS = {t for t in rules.table_ids() if t.startswith("categories.") and t != "categories.selection"}


@pytest.mark.parametrize("table_id", rules.table_ids())
def test_every_table_has_its_words_in_the_catalogue(table_id):
    words, full = catalogue(), rules.history(table_id)
    keys = [f"rules.{table_id}.title"]
    if table_id not in OCCUPATION_LISTS:
        keys += [f"rules.{table_id}.columns.{c}" for c in full.columns]
        keys += [f"rules.{table_id}.rows.{r.id}" for r in full.rows]
    keys += [f"rules.{table_id}.notes.{r.note}" for r in full.rows if r.note]
    missing = [k for k in keys if not isinstance(words.get(k), str) or not words[k]]
    assert not missing, missing


@pytest.mark.parametrize("table_id", [t for t in rules.table_ids() if t.startswith("crs.") and rules.history(t).kind == "bands"])
def test_crs_bands_leave_no_gap(table_id):
    for day in _boundaries(rules.history(table_id)):
        spans = sorted((r.min, r.max) for r in rules.table(table_id, day).rows)
        if day < date(2015, 1, 1):
            assert spans == []
            continue
        assert spans[0][0] == 0
        assert all(b[0] == a[1] + 1 for a, b in zip(spans, spans[1:])), (table_id, day)


@pytest.mark.parametrize("table_id", LANGUAGE_CHARTS)
def test_language_charts_have_contiguous_ranges(table_id):
    full = rules.history(table_id)
    step = full.attrs["step"]
    for day in _boundaries(full):
        t = rules.table(table_id, day)
        if not t.rows:
            continue
        for ability in t.columns:
            spans = sorted(r.values[ability] for r in t.rows)
            for (low_a, high_a), (low_b, _) in zip(spans, spans[1:]):
                assert low_b == high_a + step, (table_id, day, ability)
            keys = [r.key for r in sorted(t.rows, key=lambda r: r.values[ability][0])]
            assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_a_date_string_or_date_gives_the_same_table():
    assert rules.table("crs.sibling", "2017-06-06") is rules.table("crs.sibling", date(2017, 6, 6))


def test_a_value_of_the_wrong_type_matches_no_row():
    with pytest.raises(LookupError):
        rules.table("crs.age", date(2026, 1, 1)).lookup("29", "with_spouse")
    with pytest.raises(LookupError):
        rules.table("crs.education", date(2026, 1, 1)).lookup(3, "with_spouse")


def test_in_force_since_gives_the_start_of_the_period():
    ids = ("crs.job_offer", "crs.sibling")
    assert rules.in_force_since(ids, date(2020, 1, 1)) == date(2017, 6, 6)
    assert rules.in_force_since(ids, date(2025, 3, 24)) == date(2017, 6, 6)
    assert rules.in_force_since(ids, date(2025, 3, 25)) == date(2025, 3, 25)
    assert rules.in_force_since(ids, date(2016, 11, 19)) == date(2016, 11, 19)
    assert rules.in_force_since(ids, date(2014, 1, 1)) == date.min


# --- the loader refuses what breaks the format ---------------------------------------------

GOOD_ROW = 'rows = [ { key = "a", points = 1, effective_from = 2020-01-01 } ]'


DATES = "figures_seen = 2026-09-30\nreviewed = 2026-12-06"


def load(rows: str, head: str = 'kind = "keyed"\ncolumns = ["points"]', dates: str = DATES) -> dict:
    return rules.load_text("test", f'[t]\n{head}\nsource = "https://example.org/"\n{dates}\n{rows}\n')


def test_the_loader_reads_named_columns_and_defaults():
    table = load(GOOD_ROW)["t"]
    assert table.rows[0].values == {"points": 1}
    table = load('rows = [ { key = "a", effective_from = 2020-01-01 } ]',
                 'kind = "keyed"\ncolumns = ["points", "flag"]\ndefaults = { points = 0, flag = false }')["t"]
    assert table.rows[0].values == {"points": 0, "flag": False}


@pytest.mark.parametrize(("rows", "error"), [
    # two rows of one key in force on the same day
    ('rows = [ { key = "a", points = 1, effective_from = 2020-01-01 },\n'
     '         { key = "a", points = 2, effective_from = 2021-01-01 } ]', "in force on the same days"),
    ('rows = [ { key = "a", points = 1, effective_from = 2020-01-01, effective_to = 2021-01-01 },\n'
     '         { key = "a", points = 2, effective_from = 2021-01-01 } ]', "in force on the same days"),
    ('rows = [ { key = "a", values = [1], effective_from = 2020-01-01 } ]', "name each column"),
    ('rows = [ { key = "a", points = 1, bonus = 2, effective_from = 2020-01-01 } ]', "unknown fields"),
    ('rows = [ { key = "a", effective_from = 2020-01-01 } ]', "needs"),
    ('rows = [ { key = "a", points = 1, effective_from = 2020-01-01 },\n'
     '         { key = "b", points = true, effective_from = 2020-01-01 } ]', "mixes"),
    ('rows = [ { key = "a", points = 1, label = "A", effective_from = 2020-01-01 } ]', "word"),
])
def test_the_loader_refuses_a_broken_table(rows, error):
    with pytest.raises(rules.RulesDataError, match=error):
        load(rows)


@pytest.mark.parametrize(("dates", "error"), [
    ("figures_seen = 2026-09-30", "needs `reviewed`"),
    ("reviewed = 2026-12-06", "needs `figures_seen`"),
    ('figures_seen = "2026-09-30"\nreviewed = 2026-12-06', "needs `figures_seen`"),
    ("figures_seen = 2026-12-07\nreviewed = 2026-12-06", "on or before `reviewed`"),
])
def test_every_table_says_when_its_figures_were_seen_and_reviewed(dates, error):
    with pytest.raises(rules.RulesDataError, match=error):
        load(GOOD_ROW, dates=dates)
    unknown = load(GOOD_ROW, dates='figures_seen = "unknown"\nreviewed = 2026-12-06')["t"]
    assert unknown.figures_seen is None and unknown.dates() == {"figures_seen": None, "reviewed": "2026-12-06"}


def test_the_loader_refuses_overlapping_bands_in_force_together():
    head = 'kind = "bands"\ncolumns = ["points"]'
    with pytest.raises(rules.RulesDataError, match="in force on the same days"):
        load('rows = [ { min = 0, max = 5, points = 1, effective_from = 2020-01-01 },\n'
             '         { min = 5, max = 9, points = 2, effective_from = 2020-01-01 } ]', head)
    # The same band in two periods that follow each other is one rule changing on a date.
    table = load('rows = [ { min = 0, max = 5, points = 1, effective_from = 2020-01-01, effective_to = 2020-12-31 },\n'
                 '         { min = 0, max = 5, points = 2, effective_from = 2021-01-01 } ]', head)["t"]
    assert [r.values["points"] for r in table.rows] == [1, 2]


def test_words_stay_in_the_catalogue():
    with pytest.raises(rules.RulesDataError, match="'title' is a word"):
        load(GOOD_ROW, 'kind = "keyed"\ncolumns = ["points"]\ntitle = "T"')
