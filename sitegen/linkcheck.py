"""Every internal link and asset reference in the built site must resolve to a file (and anchor),
and every link to another site must go to a host listed in sitegen/external-hosts.toml."""

from __future__ import annotations

import functools
import posixpath
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import BuildError

# Attributes that point at another file.
REFERENCES = {"href", "src", "action", "poster", "data-src"}
HOSTS_FILE = Path(__file__).with_name("external-hosts.toml")
SOURCE_LINE = "table-source"  # the class of a rules table's source line


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[int, str]] = []
        self.ids: set[str] = set()
        self.links: list[tuple[int, str, bool]] = []  # (line, href of an <a>, inside a source line)
        self.in_source_line = False

    def handle_endtag(self, tag):
        if tag == "p":
            self.in_source_line = False

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.in_source_line = SOURCE_LINE in (dict(attrs).get("class") or "").split()
        if tag == "a" and dict(attrs).get("href"):
            self.links.append((self.getpos()[0], dict(attrs)["href"], self.in_source_line))
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            elif name in REFERENCES and value is not None:
                self.refs.append((self.getpos()[0], value))
            elif name == "srcset" and value:
                self.refs.extend((self.getpos()[0], part.split()[0]) for part in value.split(",") if part.strip())


def parse(path: Path) -> _Refs:
    return _parse_text(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=512)
def _parse_text(text: str) -> _Refs:
    # Cached by content: a rebuild rewrites every page, but most are byte-for-byte the same.
    parser = _Refs()
    parser.feed(text)
    parser.close()
    return parser


def internal_target(ref: str, page: str, base: str, folders: set[str]) -> tuple[str, str] | None:
    """The site file (a path relative to the site root) and fragment an internal reference points
    at; None for other origins. `page` is the referring file, also relative to the root."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith(("mailto:", "tel:")):
        return None
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    if path.startswith("/"):
        if not path.startswith(base):
            return "../" + path.lstrip("/"), parts.fragment  # outside the site: never a file
        target = path[len(base):]
    else:
        target = posixpath.join(posixpath.dirname(page), path)
    target = posixpath.normpath(target) if target else "."
    if path.endswith("/") or target in folders:
        target = posixpath.normpath(posixpath.join(target, "index.html"))
    return target, parts.fragment


def broken_links(out: Path, base: str) -> list[str]:
    """`file:line: message` for each reference that does not resolve, across every HTML file."""
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    folders = {posixpath.dirname(f) or "." for f in files}
    parsed = {name: parse(out / name) for name in sorted(files) if name.endswith(".html")}
    problems = []
    for page, refs in parsed.items():
        for line, ref in refs.refs:
            found = internal_target(ref, page, base, folders)
            if found is None:
                continue
            target, fragment = found
            if target not in files:
                problems.append(f"{page}:{line}: broken link {ref!r} (no such file in the site)")
            elif fragment and target in parsed and fragment not in parsed[target].ids:
                problems.append(f"{page}:{line}: broken link {ref!r} (no element with id {fragment!r})")
    return problems


@functools.cache
def allowed_hosts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(official hosts, secondary hosts) from sitegen/external-hosts.toml."""
    data = tomllib.loads(HOSTS_FILE.read_text(encoding="utf-8"))
    return tuple(data["official"]), tuple(data["secondary"])


def _listed(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def foreign_links(out: Path) -> list[str]:
    """`file:line: message` for each link to a host that sitegen/external-hosts.toml does not allow
    there (secondary hosts only in a rules table's source line)."""
    official, secondary = allowed_hosts()
    problems = []
    for path in sorted(out.rglob("*.html")):
        page = path.relative_to(out).as_posix()
        for line, href, in_source_line in parse(path).links:
            parts = urlsplit(href)
            if parts.scheme not in ("http", "https"):
                continue
            host = (parts.hostname or "").lower()
            if _listed(host, official) or (in_source_line and _listed(host, secondary)):
                continue
            if _listed(host, secondary):
                problems.append(f"{page}:{line}: link to the non-government site {host!r} outside a rules table's "
                                "source line (sitegen/external-hosts.toml allows it only there)")
            else:
                problems.append(f"{page}:{line}: link to {host!r}, a host not listed in sitegen/external-hosts.toml")
    return problems


def check_site(out: Path, base: str) -> None:
    problems = broken_links(out, base) + foreign_links(out)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise BuildError(f"site/{problems[0]}{more}")
