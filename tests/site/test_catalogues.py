"""The French catalogue mirrors the English one: the same files, every key, the same placeholders.

A plural is a table of CLDR categories chosen by Intl.PluralRules, so a language gives its own
categories (French: one, many, other) where English gives one and other."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen.strings import load_strings

ROOT = Path(__file__).resolve().parents[2]
EN, FR = ROOT / "locales" / "en", ROOT / "locales" / "fr"
CLDR = {"zero", "one", "two", "few", "many", "other"}
FRENCH_PLURALS = {"one", "many", "other"}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def plural_tables(strings: dict) -> set[str]:
    """The keys whose entries are CLDR categories only, "other" among them."""
    children: dict[str, set[str]] = {}
    for key in strings:
        parent, _, last = key.rpartition(".")
        children.setdefault(parent, set()).add(last)
    return {parent for parent, names in children.items() if "other" in names and len(names) > 1 and names <= CLDR}


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


@pytest.fixture(scope="module")
def en():
    return load_strings(EN)


@pytest.fixture(scope="module")
def fr():
    return load_strings(FR)


def test_same_files():
    names = lambda folder: sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.toml"))  # noqa: E731
    assert names(FR) == names(EN)


def test_every_english_key_has_its_french(en, fr):
    plurals = plural_tables(en)
    missing = [key for key in en if key not in fr and key.rpartition(".")[0] not in plurals]
    missing += [f"{table}.{name}" for table in sorted(plurals) for name in ("one", "other") if f"{table}.{name}" not in fr]
    assert missing == []


def test_no_french_key_without_its_english(en, fr):
    plurals = plural_tables(en)
    extra = [key for key in fr if key not in en
             and not (key.rpartition(".")[0] in plurals and key.rpartition(".")[2] in FRENCH_PLURALS)]
    assert extra == []


def test_plurals_use_french_categories(en, fr):
    wrong = [key for key in fr if key.rpartition(".")[0] in plural_tables(en) and key.rpartition(".")[2] not in FRENCH_PLURALS]
    assert wrong == []


def test_same_placeholders(en, fr):
    plurals = plural_tables(en)
    differ = []
    for key, words in fr.items():
        table, _, name = key.rpartition(".")
        english = en.get(key, en.get(f"{table}.other")) if table in plurals else en.get(key)
        if isinstance(words, str) and isinstance(english, str) and placeholders(words) != placeholders(english):
            differ.append((key, sorted(placeholders(english)), sorted(placeholders(words))))
    assert differ == []


def test_braces_are_placeholders_only(fr):
    # The build fills strings with str.format: a stray brace would break it.
    stray = [key for key, words in fr.items()
             if isinstance(words, str) and PLACEHOLDER.sub("", words).count("{") + PLACEHOLDER.sub("", words).count("}")]
    assert stray == []


def test_same_kinds_of_values(en, fr):
    # site.months is a list of twelve names; every other entry is a sentence, never empty.
    kinds = [key for key in en if key in fr and type(en[key]) is not type(fr[key])]
    assert kinds == []
    assert len(fr["site.months"]) == 12 and all(fr["site.months"])
    assert [key for key, words in fr.items() if isinstance(words, str) and not words.strip()] == []


def test_figures_typed_in_words_are_the_same(en, fr):
    # A figure written into a label (a date, an age, "$990") is a fact: French says the same one.
    figures = lambda text: sorted(re.findall(r"\d+", PLACEHOLDER.sub("", text)))  # noqa: E731
    differ = [key for key, words in en.items()
              if isinstance(words, str) and isinstance(fr.get(key), str) and figures(words) != figures(fr[key])]
    assert differ == []


def test_french_punctuation_keeps_its_space_on_the_line(fr):
    # French puts a space before : ; ? ! and inside « »; a plain one lets the sign wrap alone
    # onto the next line on a narrow screen, so the catalogue uses a no-break space there.
    loose = re.compile(r" [:;?!»]|« ")
    assert [key for key, words in fr.items() if isinstance(words, str) and loose.search(words)] == []
