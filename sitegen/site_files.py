"""Files every site needs besides its pages: search index, sitemap, `.nojekyll`."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from .content import Page


def write_search_index(out: Path, pages: list[Page], url) -> None:
    """The offline search's data: one entry per guide page (static/js/search.js reads it)."""
    entries = [
        {
            "url": url(page.route),
            "title": page.title,
            "summary": page.summary,
            "headings": [h["name"] for h in _flatten_toc(page.toc)],
            "text": page.text,
        }
        for page in pages
    ]
    (out / "search-index.json").write_text(json.dumps(entries, ensure_ascii=False, separators=(",", ":")),
                                           encoding="utf-8")


def _flatten_toc(tokens: list[dict]):
    for token in tokens:
        yield token
        yield from _flatten_toc(token["children"])


def write_sitemap(out: Path, routes: list[str], site_url: str) -> None:
    """sitemap.xml; `site_url` is the public address when known, else the base path."""
    items = "".join(f"<url><loc>{escape(site_url + route)}</loc></url>\n" for route in routes)
    (out / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + items + "</urlset>\n",
        encoding="utf-8",
    )


def write_nojekyll(out: Path) -> None:
    """GitHub Pages must serve files as they are (no Jekyll processing)."""
    (out / ".nojekyll").write_text("", encoding="utf-8")
