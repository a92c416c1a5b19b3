"""Every word the page shows comes from the catalogue: each key the templates and scripts name
literally exists in locales/en/, and the scripts hold no sentence of their own."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sitegen.strings import load_strings
from tests.harness.words import field_names

ROOT = Path(__file__).resolve().parents[2]
STRINGS = load_strings()
SCRIPTS = sorted((ROOT / "static" / "js").rglob("*.js"))
TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))
# t("file.key"), rule("table", "part", "key") with literal arguments.
LITERAL_T = re.compile(r"""\bt\(\s*["']([\w.-]+)["']""")
# Text scripts compare with, not show: Pyodide's own log line that the worker listens for.
NOT_SHOWN = {"wasm instantiation failed!"}
LITERAL_RULE = re.compile(r"""\brule\(\s*["']([\w.]+)["']\s*,\s*["'](\w+)["']\s*,\s*["']([\w.-]+)["']""")


def uncommented(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return re.sub(r"\{#.*?#\}", "", text, flags=re.S)
    return re.sub(r"(?<!:)//[^\n]*|/\*.*?\*/", "", text, flags=re.S)


def known(key: str) -> bool:
    return key in STRINGS or any(k.startswith(key + ".") for k in STRINGS)


@pytest.mark.parametrize("path", SCRIPTS + TEMPLATES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_literal_key_has_its_words(path):
    text = uncommented(path)
    keys = LITERAL_T.findall(text) + [f"rules.{t}.{part}.{key}" for t, part, key in LITERAL_RULE.findall(text)]
    # A key ending in "." or "_" is the start of one built from a value (t("calculator.section." + x)).
    missing = [key for key in keys if not key.endswith((".", "_")) and not known(key)]
    assert missing == []


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_scripts_hold_no_sentence(path):
    # A string literal of three words or more is words that belong in the catalogue; an
    # Error's message and a console line are for developers (the page shows the catalogue's words).
    code = re.sub(r"""(?:Error|logError|console\.\w+)\((["'`]).*?\1""", "", uncommented(path))
    # Escapes inside a literal (\n, \") belong to it: a literal ends at its own closing quote.
    literals = re.findall(r'"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`', code)
    sentences = [text for pair in literals for text in pair
                 if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}", text) and "${" not in text
                 and text not in NOT_SHOWN]
    assert sentences == []


def test_no_page_shows_a_field_name(built_site):
    names = field_names()
    for page in sorted(built_site.rglob("*.html")):
        if "pyodide" in page.parts:
            continue
        markup = re.sub(r"<(script|template)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
        shown = sorted(n for n in names if re.search(rf"\b{re.escape(n)}\b", text))
        assert shown == [], (page.relative_to(built_site).as_posix(), shown)
