"""Jinja filters for figures, dates and links shown in the guide."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import urlsplit


def cad(value) -> str:
    """Canadian dollars: 15263 -> "$15,263"; cents are shown only when there are some."""
    if isinstance(value, list):
        low, high = value
        return cad(low) if low == high else f"{cad(low)}–{cad(high)}"
    amount = Decimal(str(value))
    if amount == amount.to_integral_value():
        return f"${int(amount):,}"
    return f"${amount:,.2f}"


def number(value) -> str:
    """A figure with thousands separators: 1200 -> "1,200"; a [low, high] range -> "low–high"."""
    if isinstance(value, list):
        low, high = value
        return number(low) if low == high else f"{number(low)}–{number(high)}"
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def megabytes(value: int) -> str:
    """Bytes as megabytes with one decimal, rounded up so a download is never understated: "4.3"."""
    tenths = -(-int(value) // 100_000)
    return f"{tenths // 10}.{tenths % 10}"


def source_host(url: str) -> str:
    """A source link's visible text: its site, e.g. "canada.ca"."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def long_date_filter(months: list[str], pattern: str = "{day} {month} {year}"):
    """`25 November 2026`, with the locale's month names and pattern (site.months, site.date),
    as the page's scripts write dates (static/js/lib/format.js)."""
    if len(months) != 12:
        raise ValueError("site.months must list 12 month names")

    def long_date(value: dt.date) -> str:
        return pattern.format(day=value.day, month=months[value.month - 1], year=value.year)

    return long_date


def or_list_filter(word: str):
    """["0", "1", "2"] -> "0, 1 or 2", with the locale's word for "or"."""

    def or_list(items) -> str:
        items = [str(i) for i in items]
        return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"

    return or_list


FORMATS = {"cad": cad, "number": number}
