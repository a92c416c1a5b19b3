"""Jinja helpers that put the engine's rule data into the guide, so guide and calculator agree.

In Markdown: `{{ rules_table("crs.age") }}` renders a whole table with its source and checked
date; `{{ rule("funds.settlement", 1, "amount") | cad }}` renders one figure.
"""

from __future__ import annotations

import datetime as dt
import importlib

import jinja2
from markupsafe import Markup

from .filters import FORMATS


class ShortcodeError(Exception):
    """A shortcode that cannot resolve (unknown table, row or column); the build reports its line."""


def _rules():
    # Imported when used, so `serve` can drop the engine from sys.modules and see edited data.
    return importlib.import_module("engine.rules")


def _table(table_id: str, as_of: dt.date):
    rules = _rules()
    if table_id not in rules.table_ids():
        raise ShortcodeError(f"unknown rules table {table_id!r}")
    return rules.table(table_id, as_of)


def _column(table, column: str | None) -> str:
    try:
        return table.column_name(column)
    except LookupError as exc:
        raise ShortcodeError(str(exc)) from None


class Shortcodes:
    """The helpers, bound to the date whose rules the guide shows and to the page templates."""

    def __init__(self, env: jinja2.Environment, as_of: dt.date):
        self.env = env
        self.as_of = as_of
        # Rendered tables wait here behind a token: Markdown then never parses their HTML
        # (half its time), and rendering.render_page swaps them back in.
        self.blocks: dict[str, str] = {}

    def install(self) -> None:
        self.env.globals.update(rules_table=self.rules_table, categories_table=self.categories_table,
                                block=self.block, rule=self.rule, rule_row=self.rule_row,
                                rules=self.rules, column_min=self.column_min,
                                rules_since=self.rules_since,
                                rules_as_of=self.as_of)

    def rule(self, table_id: str, key, column: str | None = None):
        """One value: the row matching `key` (a band value or a row key) in `column`."""
        table = _table(table_id, self.as_of)
        column = _column(table, column)
        try:
            return table.lookup(key, column)
        except LookupError:
            raise ShortcodeError(f"table {table_id!r} has no row for {key!r} on {self.as_of}") from None

    def rule_row(self, table_id: str, key, column: str | None = None):
        """The whole row (id, values, effective dates, status, note key) matching `key`."""
        table = _table(table_id, self.as_of)
        try:
            return table.row_for(key, column)
        except LookupError:
            raise ShortcodeError(f"table {table_id!r} has no row for {key!r} on {self.as_of}") from None

    def rules(self, table_id: str):
        """The table in force (for prose that lists its rows, e.g. the skilled TEER categories)."""
        return _table(table_id, self.as_of)

    def column_min(self, table_id: str, column: str):
        """Where a column's band starts, e.g. the CLB level of the "clb9" column (9)."""
        table = _table(table_id, self.as_of)
        column = _column(table, column)
        if table.column_min is None:
            raise ShortcodeError(f"table {table_id!r} has no column_min")
        return table.column_min[table.columns.index(column)]

    def rules_since(self, table_id: str) -> dt.date:
        """The day the newest row of the table in force took effect (when the rule last changed)."""
        table = _table(table_id, self.as_of)
        return max(row.effective_from for row in table.rows)

    def _formatter(self, format: str):
        """Cell text: yes/no for true/false, a word from the locale for a text value
        (e.g. "english" -> site.value.english), else the chosen number format."""
        t = self.env.globals["t"]
        plain = FORMATS.get(format)

        def cell(value) -> str:
            if isinstance(value, bool) or format == "yes_no":
                return t("site.yes") if value else t("site.no")
            if isinstance(value, str):
                return t(f"site.value.{value}")
            return plain(value)

        return cell

    def rules_table(self, table_id: str, columns: list[str] | None = None, *, format: str = "number",
                    row_heading: str | None = None, labels: list[str] | None = None) -> Markup:
        """An accessible HTML table of the rows in force, with its source link and checked date.

        `format`: "number", "cad" or "yes_no" (for 1/0 flags); `labels` replaces the column
        headings of the data when the page words them better.
        """
        table = _table(table_id, self.as_of)
        if format not in (*FORMATS, "yes_no"):
            raise ShortcodeError(f"unknown format {format!r} (use one of {sorted(FORMATS)} or 'yes_no')")
        chosen = [_column(table, c) for c in columns] if columns else list(table.columns)
        if labels is not None and len(labels) != len(chosen):
            raise ShortcodeError(f"labels needs one heading per column {chosen}")
        words = self.env.globals["t"].rule
        labels = dict(zip(chosen, labels)) if labels else {c: words(table_id, "columns", c) for c in chosen}
        sources = [table.source] + [r.source for r in table.rows if getattr(r, "source", None)]
        html = self.env.get_template("partials/rules_table.html").render(
            table_id=table_id,
            table=table,
            title=words(table_id, "title"),
            row_heading=row_heading or words(table_id, "title"),
            columns=[(c, labels[c]) for c in chosen],
            fmt=self._formatter(format),
            sources=list(dict.fromkeys(sources)),
            as_of=self.as_of,
        )
        return self.block(Markup(html))

    def categories_table(self) -> Markup:
        """The categories of category-based selection in force, each with every condition its
        row of categories.selection holds, in words (the same words as the calculator's)."""
        table = _table("categories.selection", self.as_of)
        t = self.env.globals["t"]
        categories = []
        for row in table.rows:
            need = row.values
            conditions = []
            if need["occupations"] and need["experience_months"]:
                key = "categories.occupation_continuous" if need["continuous"] else "categories.occupation"
                conditions.append(t(key).format(months=need["experience_months"], within=need["within_months"]))
                if need["canadian_experience"]:
                    conditions.append(t("categories.occupation_in_canada"))
            if need["french_nclc"]:
                conditions.append(t("categories.french_rule").format(required=need["french_nclc"]))
            if need["caf_job_offer"]:
                conditions.append(t("categories.caf_job_offer"))
            categories.append((row, conditions))
        sources = list(dict.fromkeys([table.source] + [r.source for r in table.rows]))
        html = self.env.get_template("partials/categories_table.html").render(
            table=table, categories=categories, sources=sources, as_of=self.as_of)
        return self.block(Markup(html))

    def block(self, html: Markup) -> Markup:
        """Any block of HTML (a table, a chart) placed in Markdown untouched, on its own line."""
        token = f"%%block-{len(self.blocks)}%%"
        self.blocks[token] = str(html)
        return Markup(token)
