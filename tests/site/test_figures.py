"""The guide's figures are the engine's: every rules table on a page matches engine.rules."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from engine import rules
from sitegen.strings import load_strings
from tests.site.helpers import CONTENT, formatter, guide_slugs, parse

STRINGS = load_strings()
FMT = formatter("en")
SHORTCODE_TABLE = re.compile(r'rules_table\("([\w.]+)"')


def shown(value) -> tuple:
    """The texts a cell may show for a value (the page picks numbers or dollars)."""
    yes_no = (STRINGS["site.yes"],) if value else (STRINGS["site.no"],)
    if isinstance(value, bool):
        return yes_no
    if isinstance(value, str):
        return (STRINGS[f"site.value.{value}"],)
    flags = yes_no if value in (0, 1) else ()  # 1/0 flag columns may be shown as yes/no
    return FMT.number(value), FMT.cad(value), *flags


def rendered_tables(built_site):
    for slug in guide_slugs():
        doc = parse(built_site / "guide" / slug / "index.html")
        for div in doc.findall(".//div[@class='rules-table']"):
            yield slug, div


def test_every_rules_table_on_a_page_shows_the_engine_rows_in_force(built_site):
    checked = 0
    for slug, div in rendered_tables(built_site):
        table_id = div.get("id").removeprefix("table-").replace("-", ".", 1)
        as_of = dt.date.fromisoformat(div.findall(".//p[@class='table-source']/time")[-1].get("datetime"))
        table = rules.table(table_id, as_of)
        columns = [th.get("data-column") for th in div.findall(".//thead/tr/th")][1:]
        assert set(columns) <= set(table.columns), (slug, table_id, columns)
        body = div.findall(".//tbody/tr")
        # A page may leave rows out, but only rows it names on the table (data-excluded).
        excluded = (div.get("data-excluded") or "").split()
        rows = [row for row in table.rows if str(row.key) not in excluded]
        assert len(excluded) == len(table.rows) - len(rows), (slug, table_id, excluded)
        assert len(body) == len(rows), (slug, table_id)
        for tr, row in zip(body, rows):
            label = STRINGS[f"rules.{table_id}.rows.{row.id}"]
            assert "".join(tr.find("th").itertext()).startswith(label), (slug, table_id)
            cells = ["".join(td.itertext()) for td in tr.findall("td")]
            for cell, column in zip(cells, columns):
                assert cell in shown(row.values[column]), (slug, table_id, cell)
        assert "".join(div.find(".//caption").itertext()) == STRINGS[f"rules.{table_id}.title"]
        assert div.find(".//p[@class='table-source']/a").get("href") == table.source
        checked += 1
    assert checked >= 30


def test_every_table_shortcode_in_the_guide_names_a_known_table():
    known = set(rules.table_ids())
    for path in CONTENT.glob("*.md"):
        for table_id in SHORTCODE_TABLE.findall(path.read_text(encoding="utf-8")):
            assert table_id in known, (path.name, table_id)


def test_rows_read_only_in_copies_are_marked(built_site):
    # The 2026 fees: every copy agrees, so "non-government source", not "not confirmed".
    doc = parse(built_site / "guide" / "paying-fees" / "index.html")
    marks = doc.findall(".//div[@id='table-fees-government']//span[@class='status status-secondary']")
    secondary = [r for r in rules.table("fees.government", dt.date.today()).rows if r.status == "secondary"]
    assert secondary and len(marks) == len(secondary)
    assert not doc.findall(".//div[@id='table-fees-government']//span[@class='status status-unconfirmed']")


@pytest.mark.parametrize("key, column", [("ita_response", "days"), ("eca", "years")])
def test_a_figure_in_the_prose_comes_from_the_data(tmp_path, key, column):
    """Changing a value in the data changes the guide's text: the prose holds no copy of it."""
    from sitegen.build import build_site

    value = rules.table("deadlines.periods", dt.date.today()).lookup(key, column)
    build_site(tmp_path / "site")
    text = (tmp_path / "site" / "guide" / "pr-application" / "index.html").read_text(encoding="utf-8") + \
        (tmp_path / "site" / "guide" / "education-assessment" / "index.html").read_text(encoding="utf-8")
    assert f"{value} {column}" in text


# A number followed by a unit of the rules, or a dollar amount, typed in the prose.
TYPED_FIGURE = re.compile(r"\$\s?\d|\b\d[\d,.]*[\s-]*(?:points?|days?|weeks?|months?|years?|hours?|%)\b", re.IGNORECASE)
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def test_no_figure_is_typed_into_the_guide():
    """Amounts, points and periods come from engine/data through shortcodes, never typed in."""
    for path in CONTENT.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        for line in JINJA.sub("", text).splitlines():
            assert not TYPED_FIGURE.search(line), f"{path.name}: {line.strip()}"


def test_the_categories_table_shows_every_condition_the_data_holds(built_site):
    doc = parse(built_site / "guide" / "draws-and-invitations" / "index.html")
    div = doc.find(".//div[@id='table-categories-selection']")
    as_of = dt.date.fromisoformat(div.findall(".//p[@class='table-source']/time")[-1].get("datetime"))
    shown = {tr.get("data-category"): "".join(tr.find("td").itertext()) for tr in div.findall(".//tbody/tr")}
    rows = rules.table("categories.selection", as_of).rows
    assert list(shown) == [row.key for row in rows]
    for row in rows:
        need, cell = row.values, shown[row.key]
        expected = []
        if need["occupations"] and need["experience_months"]:  # as engine.categories reads it
            key = "categories.occupation_continuous" if need["continuous"] else "categories.occupation"
            expected.append(STRINGS[key].format(months=need["experience_months"], within=need["within_months"]))
        if need["canadian_experience"]:
            expected.append(STRINGS["categories.occupation_in_canada"])
        if need["french_nclc"]:
            expected.append(STRINGS["categories.french_rule"].format(required=need["french_nclc"]))
        if need["caf_job_offer"]:
            expected.append(STRINGS["categories.caf_job_offer"])
        assert expected and all(text in cell for text in expected), (row.key, cell)
    assert "Canadian Armed Forces" in shown["military"]  # fact sheet §16.6


def test_no_rules_row_label_types_a_figure_of_its_row():
    # A row's figures are in its cells; a label that repeats one ("valid for 5 years") goes stale
    # when the data changes. Numbers that name the row (its key or band) or a TEER are words.
    repeated = []
    for table_id in rules.table_ids():
        for row in rules.history(table_id).rows:
            label = STRINGS.get(f"rules.{table_id}.rows.{row.id}", "")
            named = set(re.findall(r"\d+(?:\.\d+)?", row.id))
            typed = set(re.findall(r"(?<!TEER )(?<![\d,] )\b\d+(?:\.\d+)?\b", label)) - named
            figures = {str(v) for v in row.values.values() if isinstance(v, (int, float)) and not isinstance(v, bool)}
            if typed & figures:
                repeated.append((table_id, row.id, sorted(typed & figures)))
    assert repeated == []
