"""Base-path aware links, so the site works at "/" and under "/<repo>/" on GitHub Pages."""

from __future__ import annotations

from urllib.parse import urlsplit


def normalize_base(base_url: str) -> str:
    """"/repo" or "repo/" -> "/repo/"; "" or "/" -> "/"; a full URL keeps only its path."""
    if base_url.startswith(("http://", "https://")):
        base_url = urlsplit(base_url).path
    inner = base_url.strip("/")
    return f"/{inner}/" if inner else "/"


class Urls:
    """`base_url` may be a path ("/repo/") or the public address ("https://me.github.io/repo/")."""

    def __init__(self, base_url: str):
        self.base = normalize_base(base_url)
        # The sitemap wants full addresses; with only a path it lists site-absolute paths.
        full = base_url.startswith(("http://", "https://"))
        self.site_url = base_url.rstrip("/") + "/" if full else self.base

    def url(self, path: str = "") -> str:
        """Site-absolute link to `path` (relative to the site root)."""
        return self.base + path.lstrip("/")

    def asset(self, path: str) -> str:
        """Link to a file copied from `static/`."""
        return self.url("static/" + path.lstrip("/"))
