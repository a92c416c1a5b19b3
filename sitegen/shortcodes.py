"""Jinja helpers that put the engine's rule data into the guide, so guide and calculator agree.

In Markdown: `{{ rules_table("crs.age") }}` renders a whole table with its source, its two dates
date; `{{ rule("funds.settlement", 1, "amount") | cad }}` renders one figure;
`{{ superseded("superseded.fees", "rprf") }}` gives a row that is no longer in force (for naming an
old figure); `{{ block(budget("single")) }}` renders a worked budget from the fees data.
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


def _matches(row, key) -> bool:
    try:
        return row.matches(key)
    except TypeError:  # a band compared with a non-number
        return False


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
                                rules_since=self.rules_since, rules_replaced=self.rules_replaced,
                                superseded=self.superseded,
                                superseded_rows=self.superseded_rows,
                                budget=self.budget, rules_as_of=self.as_of)

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

    def rules_replaced(self, table_id: str) -> bool:
        """Whether the table in force replaced an earlier version (a test's chart that changed:
        a result is read on the chart of the day it was taken)."""
        since = self.rules_since(table_id)
        return any(row.effective_to is not None and row.effective_to < since
                   for row in _rules().history(table_id).rows)

    def superseded(self, table_id: str, key):
        """The newest row for `key` whose period ended before the guide's date: an old figure.

        Fails when no such row exists, so a page can never call a figure in force "old".
        """
        if table_id not in _rules().table_ids():
            raise ShortcodeError(f"unknown rules table {table_id!r}")
        ended = [row for row in _rules().history(table_id).rows
                 if row.effective_to is not None and row.effective_to < self.as_of and _matches(row, key)]
        if not ended:
            raise ShortcodeError(f"table {table_id!r} has no row for {key!r} that ended before {self.as_of}")
        return max(ended, key=lambda row: row.effective_to)

    def superseded_rows(self, table_id: str) -> list:
        """Every row of the table whose period ended before the guide's date, in data order."""
        if table_id not in _rules().table_ids():
            raise ShortcodeError(f"unknown rules table {table_id!r}")
        rows = [row for row in _rules().history(table_id).rows
                if row.effective_to is not None and row.effective_to < self.as_of]
        if not rows:
            raise ShortcodeError(f"table {table_id!r} has no row that ended before {self.as_of}")
        return rows

    def budget(self, example: str) -> Markup:
        """A worked budget: the government fees of engine.fees for the example's family, plus the
        third-party estimates of fees.estimates times the counts in application.budget_examples."""
        from engine.fees import assess_fees

        row = self.rule_row("application.budget_examples", example)
        counts = row.values
        fees = assess_fees(spouse_applies=counts["adults"] > 1, children=counts["children"], as_of=self.as_of)
        if not fees["complete"]:
            raise ShortcodeError(f"budget {example!r}: no fee on file on {self.as_of} for {fees['missing']}")
        # Each line is labelled with its fee row's own words (the engine's labels are for the
        # calculator); biometrics is the per-person row, capped for the family by the engine.
        government = self.rules("fees.government")
        words = self.env.globals["t"].rule
        lines = [{"label": words("fees.government", "rows", "biometrics_person" if line["id"] == "biometrics" else line["id"]),
                  "count": line["count"], "subtotal": line["subtotal"], "status": line.get("status")}
                 for line in fees["lines"]]
        estimates = []
        for item in self.rules("fees.estimates").rows:
            count = counts.get(item.key, 0)
            if count:
                low, high = item.values["low"], item.values["high"]
                estimates.append({"label": words("fees.estimates", "rows", item.id), "count": count, "low": low * count, "high": high * count,
                                  "status": item.status})
        low = sum(e["low"] for e in estimates)
        high = sum(e["high"] for e in estimates)
        html = self.env.get_template("partials/budget_table.html").render(
            example=example, title=words("application.budget_examples", "rows", row.id), lines=lines, total=fees["total"], estimates=estimates,
            estimates_low=low, estimates_high=high,
            total_low=fees["total"] + low, total_high=fees["total"] + high,
            sources=list(dict.fromkeys([government.source, self.rules("fees.estimates").source])),
            table=government,
            as_of=self.as_of,
        )
        return Markup(html)

    def _formatter(self, format: str):
        """Cell text: yes/no for true/false, a word from the locale for a text value
        (e.g. "english" -> site.value.english), else the chosen number format."""
        t = self.env.globals["t"]
        plain = self.env.filters.get(format) if format in FORMATS else None

        def cell(value) -> str:
            if isinstance(value, bool) or format == "yes_no":
                return t("site.yes") if value else t("site.no")
            if isinstance(value, str):
                return t(f"site.value.{value}")
            return plain(value)

        return cell

    def rules_table(self, table_id: str, columns: list[str] | None = None, *, format: str = "number",
                    row_heading: str | None = None, labels: list[str] | None = None,
                    exclude: list | None = None, link_rows: bool = False) -> Markup:
        """An accessible HTML table of the rows in force, with its source link and its dates.

        `format`: "number", "cad" or "yes_no" (for 1/0 flags); `labels` replaces the column
        headings of the data when the page words them better; `exclude` leaves out the rows with
        these keys (named on the table, so a reader of the HTML knows); `link_rows` makes each
        row's label a link to the row's own source (e.g. each province's page).
        """
        table = _table(table_id, self.as_of)
        exclude = list(exclude or [])
        unknown = [key for key in exclude if not any(row.key == key for row in table.rows)]
        if unknown:
            raise ShortcodeError(f"table {table_id!r} has no row {unknown[0]!r} to exclude on {self.as_of}")
        if format not in (*FORMATS, "yes_no"):
            raise ShortcodeError(f"unknown format {format!r} (use one of {sorted(FORMATS)} or 'yes_no')")
        chosen = [_column(table, c) for c in columns] if columns else list(table.columns)
        if labels is not None and len(labels) != len(chosen):
            raise ShortcodeError(f"labels needs one heading per column {chosen}")
        words = self.env.globals["t"].rule
        labels = dict(zip(chosen, labels)) if labels else {c: words(table_id, "columns", c) for c in chosen}
        rows = [row for row in table.rows if row.key not in exclude]
        # Linked rows carry their own sources; the source line then names only the table's.
        sources = [table.source] + ([] if link_rows else [r.source for r in rows if getattr(r, "source", None)])
        html = self.env.get_template("partials/rules_table.html").render(
            table_id=table_id,
            table=table,
            rows=rows,
            excluded=exclude,
            link_rows=link_rows,
            title=words(table_id, "title"),
            row_heading=row_heading or words(table_id, "title"),
            columns=[(c, labels[c]) for c in chosen],
            fmt=self._formatter(format),
            sources=list(dict.fromkeys(sources)),
            update_due=_update_due(table),
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
            table=table, categories=categories, sources=sources, update_due=None, as_of=self.as_of)
        return self.block(Markup(html))

    def block(self, html: Markup) -> Markup:
        """Any block of HTML (a table, a chart) placed in Markdown untouched, on its own line."""
        token = f"%%block-{len(self.blocks)}%%"
        self.blocks[token] = str(html)
        return Markup(token)


def _update_due(table):
    """When IRCC's next update of a table it revises on a cycle (`review_after_months`, e.g.
    proof of funds once a year) is due: that long after the newest rows in force began."""
    months = table.attrs.get("review_after_months")
    if months is None or not table.rows:
        return None
    from engine.deadlines import add_months

    return add_months(max(row.effective_from for row in table.rows), months)
