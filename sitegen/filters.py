"""Jinja filters for figures, dates and links shown in the guide.

Numbers, money, dates and lists are written by one `Formatter` per edition, in its locale:
separators and list words from CLDR (Babel, the same data as the browser's Intl, which the
page's scripts use: static/js/lib/format.js), the money and date patterns and the month names
from the edition's catalogue (site.money, site.date, edition.date_first, site.months).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import urlsplit

from babel.lists import format_list
from babel.numbers import format_decimal


class Formatter:
    """`cad`, `number`, `long_date`, `month_year`, `or_list` and `megabytes` for one locale and catalogue."""

    def __init__(self, locale: str, strings: dict):
        self.locale = locale.replace("-", "_")
        self.months = strings["site.months"]
        if len(self.months) != 12:
            raise ValueError("site.months must list 12 month names")
        self.date_pattern = strings["site.date"]
        self.month_pattern = strings["site.month_year"]
        self.first_pattern = strings["edition.date_first"]
        self.money_pattern = strings["site.money"]

    def number(self, value) -> str:
        """1200 -> "1,200" / "1 200"; 6.0 -> "6.0" / "6,0" (a band score keeps its decimals as the
        data writes them); a [low, high] range -> "low–high"."""
        if isinstance(value, list):
            low, high = value
            return self.number(low) if low == high else f"{self.number(low)}–{self.number(high)}"
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            return str(value)
        places = max(0, -Decimal(str(value)).as_tuple().exponent)
        return format_decimal(Decimal(str(value)), format="#,##0" + ("." + "0" * places if places else ""),
                              locale=self.locale)

    def cad(self, value) -> str:
        """Canadian dollars in the catalogue's pattern: "15,263 CAD" / "15 263 $ CA"; cents only
        when there are some."""
        if isinstance(value, list):
            low, high = value
            return self.cad(low) if low == high else f"{self.cad(low)}–{self.cad(high)}"
        amount = Decimal(str(value))
        pattern = "#,##0" if amount == amount.to_integral_value() else "#,##0.00"
        return self.money_pattern.format(amount=format_decimal(amount, format=pattern, locale=self.locale))

    def long_date(self, value: dt.date) -> str:
        """"25 November 2026" / "25 novembre 2026", "1er octobre 2023" (edition.date_first)."""
        pattern = self.first_pattern if value.day == 1 else self.date_pattern
        return pattern.format(day=value.day, month=self.months[value.month - 1], year=value.year)

    def month_year(self, value: dt.date) -> str:
        """"July 2026" / "juillet 2026": a date known only to the month (when an update is due)."""
        return self.month_pattern.format(month=self.months[value.month - 1], year=value.year)

    def or_list(self, items) -> str:
        """["0", "1", "2"] -> "0, 1 or 2" / "0, 1 ou 2"."""
        return format_list([str(i) for i in items], style="or", locale=self.locale)

    def megabytes(self, value: int) -> str:
        """Bytes as megabytes with one decimal, rounded up so a download is never understated: "4.3"."""
        tenths = -(-int(value) // 100_000)
        return format_decimal(Decimal(tenths) / 10, format="0.0", locale=self.locale)

    def filters(self) -> dict:
        return {"cad": self.cad, "number": self.number, "long_date": self.long_date, "month_year": self.month_year, "or_list": self.or_list,
                "megabytes": self.megabytes}


# The number formats a rules table may use (shortcodes.rules_table's `format`).
FORMATS = ("cad", "number")


def source_host(url: str) -> str:
    """A source link's visible text: its site, e.g. "canada.ca"."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
