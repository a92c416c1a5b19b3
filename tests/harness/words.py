"""The English catalogue (locales/en/), read as the page reads it: tests check that a code the
engine gives has its words, and compare what the page shows with them. Plain tomllib, so it
also works inside Pyodide."""
from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

LOCALES = Path(__file__).resolve().parents[2] / "locales"


@functools.cache
def catalogue(lang: str = "en") -> dict:
    """Every key of locales/<lang>/ (subfolders add their name: rules/crs.toml -> "rules.crs.")."""
    folder = LOCALES / lang
    out: dict = {}
    for path in sorted(folder.rglob("*.toml")):
        prefix = ".".join(path.relative_to(folder).with_suffix("").parts)
        _flatten(prefix, tomllib.loads(path.read_text(encoding="utf-8")), out)
    return out


def _flatten(prefix: str, data: dict, out: dict) -> None:
    for key, value in data.items():
        if isinstance(value, dict):
            _flatten(f"{prefix}.{key}", value, out)
        else:
            out[f"{prefix}.{key}"] = value


def words(key: str, **values) -> str:
    """The words of `key` with its {placeholders} filled; a plural table by `count` (English)."""
    table = catalogue()
    text = table.get(key)
    if text is None and "count" in values:
        text = table.get(f"{key}.{'one' if values['count'] == 1 else 'other'}")
    if text is None:
        raise KeyError(f"no words for {key!r} in locales/en/")
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), text)


def placeholders(key: str) -> set:
    """The names between braces in the words of `key` (of each plural form)."""
    table = catalogue()
    texts = [v for k, v in table.items() if k == key or k.startswith(key + ".")]
    return {name for text in texts if isinstance(text, str) for name in re.findall(r"\{(\w+)\}", text)}


def assert_worded(error) -> None:
    """A ProfileError the page can word: its code has words, every placeholder a value."""
    key = f"errors.{error.code}"
    assert key in catalogue(), f"{error.field}: no words for {key} in locales/en/errors.toml"
    missing = placeholders(key) - set(error.params)
    assert not missing, f"{key} needs {missing}, the error gives {error.params}"


# Placeholders of a program check that the page fills itself (names, the form's questions).
PAGE_VALUES = {"program", "program_name", "question", "questions", "weakest"}


def assert_check_worded(item) -> None:
    """A program requirement or reason the page can word: its check code has words and each
    placeholder a value (the page adds PAGE_VALUES; `questions` comes from `unanswered`)."""
    key = f"assessment.check.{item['check']}"
    assert key in catalogue(), f"no words for {key}"
    given = set(item["params"]) | PAGE_VALUES
    missing = placeholders(key) - given
    assert not missing, f"{key} needs {missing}, the check gives {item['params']}"


def pattern(key: str) -> re.Pattern:
    """A regular expression matching the words of `key` with any values in its placeholders."""
    parts = re.split(r"\{\w+\}", catalogue()[key])
    return re.compile("(.+?)".join(re.escape(part) for part in parts) + "$")


def long_date(iso: str) -> str:
    """A date as the site writes it (site.date with site.months): "2026-11-25" -> "25 November 2026"."""
    year, month, day = (int(x) for x in iso.split("-"))
    return words("site.date", day=day, month=catalogue()["site.months"][month - 1], year=year)


def money(amount) -> str:
    """An amount as the site writes it: 15263 -> "15,263 CAD"."""
    return words("site.money", amount=f"{amount:,}")


def field_names() -> set:
    """The names of the profile's fields that a person could not read (they have an underscore)."""
    from engine import fields

    return {part for f in fields.FIELDS for part in f.path.split(".") if "_" in part}
