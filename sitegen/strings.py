"""User-facing strings from `locales/<lang>/` (one catalogue per edition), addressed as
"<file stem>.<key>": a file in a subfolder adds the folder, e.g. locales/en/rules/crs.toml holds
"rules.crs.<key>"."""

from __future__ import annotations

import tomllib
from pathlib import Path

from .errors import BuildError
from .paths import LOCALES, rel


def toml_error_line(message: str) -> int:
    """The line number in a tomllib error message."""
    # tomllib ends its messages with "(at line N, column M)".
    marker = "at line "
    if marker in message:
        return int(message.split(marker)[1].split(",")[0].rstrip(")"))
    return 1


def load_strings(folder: Path = LOCALES / "en") -> dict[str, str]:
    """Every string of one catalogue, flattened to dotted keys; a bad file stops the build at its line."""
    if not folder.is_dir():
        raise BuildError.at(rel(folder), 1, "no catalogue: each edition needs its locales/<lang>/ folder")
    strings: dict[str, str] = {}
    for path in sorted(folder.rglob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise BuildError.at(rel(path), toml_error_line(str(exc)), f"invalid TOML: {exc}") from None
        _flatten(".".join(path.relative_to(folder).with_suffix("").parts), data, strings)
    return strings


def _flatten(prefix: str, data: dict, out: dict[str, str]) -> None:
    for key, value in data.items():
        if isinstance(value, dict):
            _flatten(f"{prefix}.{key}", value, out)
        else:
            out[f"{prefix}.{key}"] = value


class Strings:
    """The `t(key)` helper: a missing key is an error, never an empty string."""

    def __init__(self, strings: dict[str, str], lang: str = "en"):
        self.strings, self.lang = strings, lang

    def __call__(self, key: str) -> str:
        try:
            return self.strings[key]
        except KeyError:
            raise KeyError(f"missing string {key!r} (add it to {catalogue_file(key, self.lang)})") from None

    def has(self, key: str) -> bool:
        """Whether `key` has words (for optional ones, such as a question's hint)."""
        return key in self.strings

    def rule(self, table_id: str, part: str, key=None) -> str:
        """The words of a rules table: its "title", a "columns" heading, a "rows" label or a
        "notes" text, by key (rules.<table id>.<part>.<key>)."""
        return self(f"rules.{table_id}.{part}" + ("" if key is None else f".{key}"))


def catalogue_file(key: str, lang: str = "en") -> str:
    """The locale file that holds `key` ("rules.crs.age.title" -> locales/en/rules/crs.toml)."""
    parts = key.split(".")
    folder = "rules/" + parts[1] if parts[0] == "rules" and len(parts) > 1 else parts[0]
    return f"locales/{lang}/{folder}.toml"
