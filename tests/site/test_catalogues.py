"""The two catalogues (locales/en/, locales/fr/) hold the same keys, each with the same
placeholders: a page in either language can word everything the other can."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen.editions import EDITIONS

LOCALES = Path(__file__).resolve().parents[2] / "locales"
PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}  # CLDR categories
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def files(lang: str) -> set[str]:
    return {p.relative_to(LOCALES / lang).as_posix() for p in (LOCALES / lang).rglob("*.toml")}


def entries(lang: str) -> dict[str, object]:
    """key -> value; a plural table (CLDR categories) is one entry: its forms' words joined, since
    each language has its own categories ("many" in French)."""
    import tomllib

    out: dict[str, object] = {}

    def walk(prefix: str, data: dict) -> None:
        for key, value in data.items():
            name = f"{prefix}.{key}"
            if isinstance(value, dict) and value and set(value) <= PLURAL_FORMS and "other" in value:
                out[name] = tuple(value.values())
            elif isinstance(value, dict):
                walk(name, value)
            else:
                out[name] = value

    folder = LOCALES / lang
    for path in sorted(folder.rglob("*.toml")):
        walk(".".join(path.relative_to(folder).with_suffix("").parts), tomllib.loads(path.read_text(encoding="utf-8")))
    return out


def placeholders(value) -> set[str]:
    texts = value if isinstance(value, (list, tuple)) else [value]
    return {name for text in texts if isinstance(text, str) for name in PLACEHOLDER.findall(text)}


LANGS = [edition.lang for edition in EDITIONS]
OTHERS = LANGS[1:]


@pytest.mark.parametrize("lang", OTHERS)
def test_each_catalogue_has_the_same_files(lang):
    assert files(lang) == files("en"), f"locales/{lang}/ and locales/en/ hold different files"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_key_is_in_both_catalogues(lang):
    english, other = entries("en"), entries(lang)
    only_en = sorted(english.keys() - other.keys())
    only_other = sorted(other.keys() - english.keys())
    assert not only_en, f"in locales/en/ but not locales/{lang}/: {only_en[:20]}"
    assert not only_other, f"in locales/{lang}/ but not locales/en/: {only_other[:20]}"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_key_has_the_same_placeholders_and_shape(lang):
    english, other = entries("en"), entries(lang)
    differ = []
    for key in sorted(english.keys() & other.keys()):
        a, b = english[key], other[key]
        if type(a) is not type(b) and not (isinstance(a, tuple) and isinstance(b, tuple)):
            differ.append(f"{key}: {type(a).__name__} in English, {type(b).__name__} in {lang}")
        elif isinstance(a, list) and len(a) != len(b):
            differ.append(f"{key}: {len(a)} items in English, {len(b)} in {lang}")
        elif placeholders(a) != placeholders(b):
            differ.append(f"{key}: {sorted(placeholders(a))} in English, {sorted(placeholders(b))} in {lang}")
    assert not differ, "\n".join(differ[:30])


@pytest.mark.parametrize("lang", LANGS)
def test_plural_tables_have_the_other_form(lang):
    for key, value in entries(lang).items():
        if isinstance(value, tuple):
            assert all(isinstance(v, str) and v for v in value), key


def test_the_comparison_finds_a_missing_key_and_a_changed_placeholder(tmp_path, monkeypatch):
    """The test itself can fail: a key dropped or a placeholder renamed is seen."""
    import shutil

    for lang in ("en", "fr"):
        shutil.copytree(LOCALES / "en", tmp_path / lang)
    site = tmp_path / "fr" / "site.toml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text.replace('name = "', 'renamed = "', 1).replace("{count}", "{number}", 1), encoding="utf-8")
    import sys

    monkeypatch.setattr(sys.modules[__name__], "LOCALES", tmp_path)
    with pytest.raises(AssertionError, match=r"site\.name"):
        test_every_key_is_in_both_catalogues("fr")
    with pytest.raises(AssertionError, match=r"\['count'\] in English, \['number'\] in fr"):
        test_every_key_has_the_same_placeholders_and_shape("fr")
