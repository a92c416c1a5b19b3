"""Base-path aware links, so the site works at "/" and under "/<repo>/" on GitHub Pages, in
each edition (sitegen/editions.py: English at the root, French under fr/)."""

from __future__ import annotations

from urllib.parse import urlsplit

from .editions import DEFAULT, Edition


def normalize_base(base_url: str) -> str:
    """"/repo" or "repo/" -> "/repo/"; "" or "/" -> "/"; a full URL keeps only its path."""
    if base_url.startswith(("http://", "https://")):
        base_url = urlsplit(base_url).path
    inner = base_url.strip("/")
    return f"/{inner}/" if inner else "/"


class Urls:
    """`base_url` may be a path ("/repo/") or the public address ("https://me.github.io/repo/")."""

    def __init__(self, base_url: str, edition: Edition = DEFAULT):
        self.base = normalize_base(base_url)
        self.edition = edition
        # The sitemap and hreflang want full addresses; with only a path they are site-absolute paths.
        full = base_url.startswith(("http://", "https://"))
        self.site_url = base_url.rstrip("/") + "/" if full else self.base

    def for_edition(self, edition: Edition) -> "Urls":
        other = Urls(self.base, edition)
        other.site_url = self.site_url
        return other

    def url(self, path: str = "") -> str:
        """Site-absolute link to `path` (an English route or a file, relative to the site root)
        in this edition: url('calculator/') is /fr/calculateur/ in French."""
        return self.base + self.edition.path(path)

    def full_url(self, path: str = "") -> str:
        """The public address of `path` in this edition (site-absolute without --base-url's host)."""
        return self.site_url + self.edition.path(path)

    def asset(self, path: str) -> str:
        """Link to a file copied from `static/` (shared by the editions)."""
        return self.base + "static/" + path.lstrip("/")
