"""Files every site needs besides its pages: search index, sitemap, `.nojekyll`."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .content import Page

STOP_WORDS = Path(__file__).with_name("stopwords")


def stop_words(lang: str) -> list[str]:
    """The words a search in `lang` leaves out of a query (sitegen/stopwords/<lang>.txt)."""
    lines = (STOP_WORDS / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def write_search_index(out: Path, pages: list[Page], url, lang: str) -> None:
    """An edition's offline search data (static/js/search.js reads it): its language's stop
    words and one entry per guide page."""
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
    data = {"lang": lang, "stop_words": stop_words(lang), "pages": entries}
    (out / "search-index.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                           encoding="utf-8")


def _flatten_toc(tokens: list[dict]):
    for token in tokens:
        yield token
        yield from _flatten_toc(token["children"])


def write_sitemap(out: Path, routes: dict[str, list[str]], editions) -> None:
    """One sitemap.xml for both editions: each page's address, with its twins as hreflang
    alternates. `routes`: {lang: English routes}; addresses are public when the build knows the
    site's address, else site-absolute paths."""
    items = []
    for edition in editions:
        for route in routes[edition.lang]:
            twins = "".join(f'<xhtml:link rel="alternate" hreflang={quoteattr(other.locale)} '
                            f'href={quoteattr(other.full_url(route))}/>'
                            for other in editions if route in routes[other.lang])
            items.append(f"<url><loc>{escape(edition.full_url(route))}</loc>{twins}</url>\n")
    (out / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        + "".join(items) + "</urlset>\n",
        encoding="utf-8",
    )


def write_nojekyll(out: Path) -> None:
    """GitHub Pages must serve files as they are (no Jekyll processing)."""
    (out / ".nojekyll").write_text("", encoding="utf-8")
