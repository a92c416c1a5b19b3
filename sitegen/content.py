"""Guide pages: Markdown files with TOML front matter between `+++` lines."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BuildError
from .paths import CONTENT, rel
from .strings import toml_error_line

FENCE = "+++"
# `reviewed`: the day a person last reviewed the page. Each source says when its figures were last
# seen there (`figures_seen`: the date of the copy actually read, or "unknown", never a guess).
REQUIRED = {"title": str, "summary": str, "order": int, "reviewed": dt.date, "sources": list}
UNKNOWN = "unknown"
# Optional: stylesheets and scripts from static/ that the page needs besides the site's (e.g. a
# chart's styles, the document checklist's script).
OPTIONAL = {"styles": list, "scripts": list}


@dataclass
class Source:
    title: str
    url: str
    figures_seen: dt.date | None  # None: the date of the copy read was not recorded


@dataclass
class Page:
    """One guide page as read from disk; `body` is still Markdown."""

    path: Path
    slug: str
    title: str
    summary: str
    order: int
    reviewed: dt.date
    sources: list[Source]
    styles: list[str]
    scripts: list[str]
    body: str
    body_line: int  # line of the file where `body` starts, for error messages
    html: str = ""
    toc: list = field(default_factory=list)
    text: str = ""  # plain text for the search index
    ids: set = field(default_factory=set)  # element ids in `html`, the targets of "page.md#id" links

    @property
    def where(self) -> str:
        return rel(self.path)

    @property
    def route(self) -> str:
        return f"guide/{self.slug}/"


def load_pages(folder: Path = CONTENT) -> list[Page]:
    """Every page, in reading order; duplicate orders are an error (the path must be unambiguous)."""
    pages = sorted((load_page(p) for p in folder.glob("*.md")), key=lambda p: p.order)
    seen: dict[int, Page] = {}
    for page in pages:
        if page.order in seen:
            raise BuildError.at(page.where, 1, f"order {page.order} is also used by {seen[page.order].where}")
        seen[page.order] = page
    return pages


def load_page(path: Path) -> Page:
    where = rel(path)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise BuildError.at(where, 1, f"front matter must start with a '{FENCE}' line")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise BuildError.at(where, 1, f"front matter is not closed by a '{FENCE}' line") from None
    try:
        meta = tomllib.loads("".join(lines[1:end]))
    except tomllib.TOMLDecodeError as exc:
        raise BuildError.at(where, 1 + toml_error_line(str(exc)), f"bad front matter: {exc}") from None
    _check_meta(meta, where, lines[1:end])
    return Page(
        path=path,
        slug=path.stem,
        title=meta["title"],
        summary=meta["summary"],
        order=meta["order"],
        reviewed=meta["reviewed"],
        sources=[Source(s["title"], s["url"], None if s["figures_seen"] == UNKNOWN else s["figures_seen"])
                 for s in meta["sources"]],
        styles=meta.get("styles", []),
        scripts=meta.get("scripts", []),
        body="".join(lines[end + 1:]),
        body_line=end + 2,
    )


def _key_line(key: str, meta_lines: list[str]) -> int:
    """The file line where a front-matter key is set (the fence is line 1)."""
    for i, line in enumerate(meta_lines):
        if line.split("=")[0].strip() == key or line.strip().startswith(f"[[{key}]]"):
            return i + 2
    return 1


def _check_meta(meta: dict, where: str, meta_lines: list[str]) -> None:
    for key, kind in REQUIRED.items():
        if key not in meta:
            raise BuildError.at(where, 1, f"front matter needs '{key}'")
        # bool is an int in Python; an order of `true` is still a mistake.
        if not isinstance(meta[key], kind) or isinstance(meta[key], bool) or (
            kind is dt.date and isinstance(meta[key], dt.datetime)
        ):
            raise BuildError.at(where, _key_line(key, meta_lines),
                                f"front matter '{key}' must be a {kind.__name__}, got {meta[key]!r}")
    for key in OPTIONAL:
        value = meta.get(key, [])
        if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
            raise BuildError.at(where, _key_line(key, meta_lines), f"{key} must list paths under static/")
    unknown = sorted(set(meta) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise BuildError.at(where, _key_line(unknown[0], meta_lines), f"unknown front matter key '{unknown[0]}'")
    if not meta["sources"]:
        raise BuildError.at(where, _key_line("sources", meta_lines), "a page needs at least one source")
    for source in meta["sources"]:
        if not (isinstance(source, dict) and set(source) == {"title", "url", "figures_seen"}
                and all(isinstance(source[k], str) and source[k] for k in ("title", "url"))):
            raise BuildError.at(where, _key_line("sources", meta_lines),
                                f"each source needs exactly a 'title', a 'url' and 'figures_seen', got {source!r}")
        seen = source["figures_seen"]
        if seen != UNKNOWN and not (type(seen) is dt.date and seen <= meta["reviewed"]):
            raise BuildError.at(where, _key_line("sources", meta_lines),
                                f"a source's 'figures_seen' is the date of the copy read (on or before 'reviewed') "
                                f"or {UNKNOWN!r}, got {seen!r}")
        if not source["url"].startswith("https://"):
            raise BuildError.at(where, _key_line("sources", meta_lines),
                                f"source URLs must start with https://, got {source['url']!r}")
