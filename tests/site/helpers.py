"""Shared helpers of the site tests: the guide's sources, and reading a built site's HTML."""
from __future__ import annotations

import shutil
from pathlib import Path

import html5lib

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content" / "en"  # the English edition (the French one: content/fr/)
CONTENT_ROOT = ROOT / "content"
TEMPLATES = ROOT / "templates"


def guide_slugs() -> list[str]:
    return sorted(p.stem for p in CONTENT.glob("*.md"))


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(path: Path):
    """Strict HTML5 parsing (raises on any parse error), as an ElementTree without namespaces."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_bytes())


def copy_inputs(tmp_path: Path) -> tuple[Path, Path]:
    """Writable copies of content/ (both editions) and templates/, to build deliberately broken inputs."""
    content, templates = tmp_path / "content", tmp_path / "templates"
    shutil.copytree(CONTENT_ROOT, content)
    shutil.copytree(TEMPLATES, templates)
    return content, templates


def formatter(lang: str = "en"):
    """The build's formatter of an edition (numbers, money, dates in its locale)."""
    from sitegen.editions import EDITIONS
    from sitegen.filters import Formatter
    from sitegen.strings import load_strings

    edition = next(e for e in EDITIONS if e.lang == lang)
    return Formatter(edition.locale, load_strings(edition.locales))
