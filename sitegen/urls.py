"""Base-path aware links, so the site works at "/" and under "/<repo>/" on GitHub Pages."""

from __future__ import annotations


def normalize_base(base_url: str) -> str:
    """"/repo" or "repo/" -> "/repo/"; "" or "/" -> "/"."""
    inner = base_url.strip("/")
    return f"/{inner}/" if inner else "/"


class Urls:
    def __init__(self, base_url: str):
        self.base = normalize_base(base_url)

    def url(self, path: str = "") -> str:
        """Site-absolute link to `path` (relative to the site root)."""
        return self.base + path.lstrip("/")

    def asset(self, path: str) -> str:
        """Link to a file copied from `static/`."""
        return self.url("static/" + path.lstrip("/"))
