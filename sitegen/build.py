"""The build: content and templates in, a complete static site out, swapped in atomically.

Stages (docs/architecture.md): strings → content → Markdown → templates → runtime → datasets →
search index, sitemap, 404 → links checked → offline files → swap.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

from . import atomic, datasets, site_files
from .content import Page, load_pages
from .linkcheck import check_site
from .offline import PAGE_GROUPS, group_of, write_offline
from .paths import CONTENT, DATA, ENGINE, LOCALES, STATIC, TEMPLATES
from .rendering import Link, check_links, render_page
from .rounds import write_rounds_feed
from .runtime import file_sizes, write_runtime, write_stdlib
from .shortcodes import Shortcodes
from .strings import load_strings
from .templating import make_env, render
from .urls import Urls

# Pages rendered from a template alone: (template, output route). Owned by other parts of the
# project, they are rendered when their template exists.
OPTIONAL_PAGES = [("calculator.html", "calculator/"), ("noc.html", "noc/")]


def build_site(out_dir: Path, *, base_url: str = "/", dev: bool = False, as_of: dt.date | None = None) -> None:
    """Build the whole site into `out_dir`; on any error `out_dir` is left as it was.

    `as_of` is the date whose rules the guide shows (default: today).
    """
    Builder(base_url=base_url, dev=dev, as_of=as_of).build(Path(out_dir))


class Builder:
    """One configured build; kept alive by `serve` so unchanged pages are not re-rendered."""

    def __init__(self, *, base_url: str = "/", dev: bool = False, as_of: dt.date | None = None,
                 content: Path = CONTENT, templates: Path = TEMPLATES):
        self.content, self.templates = content, templates  # other folders let tests build broken inputs
        self.urls = Urls(base_url)
        self.dev = dev
        self.as_of = as_of
        self._rendered: dict[Path, tuple[str, Page]] = {}  # path -> (input fingerprint, page)
        self._env = None  # kept while the strings are unchanged: Jinja then reuses compiled templates
        self._env_strings: dict | None = None

    def build(self, out_dir: Path) -> None:
        with atomic.staging(out_dir, background_cleanup=self.dev) as tmp:
            self._build_into(tmp)

    def _build_into(self, out: Path) -> None:
        as_of = self.as_of or dt.date.today()
        strings = load_strings()
        if strings != self._env_strings:
            self._env, self._env_strings = make_env(strings, self.urls, self.dev, self.templates), strings
            datasets.register(self._env)
        env = self._env
        shortcodes = Shortcodes(env, as_of)
        shortcodes.install()

        env.globals["has_page"] = {route: (self.templates / name).exists() for name, route in OPTIONAL_PAGES}
        pages = self._render_pages(load_pages(self.content), env, as_of, shortcodes.blocks)
        _copy_static(out)
        runtime = write_stdlib(out, write_runtime(out))
        env.globals.update(runtime=runtime, runtime_config=runtime_config(runtime, out, self.urls.url),
                           offline_offer_bytes=runtime_download(out), page_groups=PAGE_GROUPS, guide_pages=pages,
                           **_profile_model(as_of))
        datasets.write(out, as_of)
        # The rounds feed links to the page that shows the rounds figure.
        draws = next((page.route for page in pages if 'class="rounds-figure"' in page.html), "guide/")
        write_rounds_feed(out, env.globals["t"], datasets.rounds_data(), env.filters["long_date"],
                          lang="en", site_url=self.urls.site_url, page_route=draws)

        routes = [""]
        write(out / "index.html", render(env, "index.html", {"route": ""}))
        routes.append("guide/")
        write(out / "guide/index.html", render(env, "guide_index.html", {"route": "guide/"}))
        for i, page in enumerate(pages):
            routes.append(page.route)
            write(out / page.route / "index.html", render(env, "page.html", {
                "route": page.route,
                "page": page,
                "step": i + 1,
                "previous": pages[i - 1] if i > 0 else None,
                "next": pages[i + 1] if i + 1 < len(pages) else None,
            }))
        for name, route in OPTIONAL_PAGES:
            if (self.templates / name).exists():
                routes.append(route)
                write(out / route / "index.html", render(env, name, {"route": route}))
        routes.append("search/")
        write(out / "search/index.html", render(env, "search.html", {"route": "search/"}))
        write(out / "404.html", render(env, "404.html", {"route": "404.html"}))

        site_files.write_search_index(out, pages, self.urls.url)
        site_files.write_sitemap(out, routes, self.urls.site_url)
        site_files.write_nojekyll(out)
        write_offline(out, self.urls.base, self.dev)
        check_site(out, self.urls.base)

    def _render_pages(self, pages: list[Page], env, as_of: dt.date, blocks: dict) -> list[Page]:
        """Markdown → HTML, reusing the last result for a page whose inputs did not change."""
        shared = _inputs_stamp(as_of, self.urls.base, self.templates)
        links: list[Link] = []
        result = []
        for page in pages:
            fingerprint = hashlib.sha256(f"{shared}\n{page.path.read_text(encoding='utf-8')}".encode()).hexdigest()
            cached = self._rendered.get(page.path)
            if cached and cached[0] == fingerprint:
                page, page_links = cached[1]
            else:
                page_links = []
                render_page(page, env, page_links, blocks)
                self._rendered[page.path] = (fingerprint, (page, page_links))
            links.extend(page_links)
            result.append(page)
        check_links(links, result)
        return result


def runtime_config(runtime: dict, out: Path, url) -> dict:
    """What the calculator's worker needs beyond the Pyodide folder and the engine zip (boot.js)."""
    return {
        "stdlib": url(runtime["stdlib"]),
        "stdlibFull": url(runtime["stdlib_full"]),
        "stdlibFullSizes": file_sizes(out / runtime["stdlib_full"]),
        "downloads": {url(name): sizes for name, sizes in runtime["downloads"].items()},
    }


def runtime_download(out: Path) -> int:
    """Bytes (gzipped) of the files the service worker keeps for an offline calculator."""
    files = [p for p in out.rglob("*") if p.is_file() and group_of(p.relative_to(out).as_posix()) == "runtime"]
    return sum(file_sizes(p)[1] for p in files)


def _profile_model(as_of: dt.date) -> dict:
    """The field model the calculator's form is drawn from (and ships to its script)."""
    from engine import fields

    model = fields.model(as_of)
    by_path = {f["path"]: f for f in model["fields"]}
    return {"profile_model": model, "profile_field": by_path.__getitem__}


def _inputs_stamp(as_of: dt.date, base: str, templates: Path) -> str:
    """What every page body depends on besides its own file: rules, datasets, partials, strings."""
    watched = [*ENGINE.rglob("*.py"), *ENGINE.rglob("*.toml"), *DATA.glob("*.json"),
               *(templates / "partials").glob("*"), *LOCALES.rglob("*.toml")]
    stamps = sorted(f"{p}:{p.stat().st_mtime_ns}" for p in watched if p.is_file())
    optional = [name for name, _ in OPTIONAL_PAGES if (templates / name).exists()]  # pages link to them
    return f"{as_of}|{base}|{optional}|" + "|".join(stamps)


def _copy_static(out: Path) -> None:
    if STATIC.is_dir():
        shutil.copytree(STATIC, out / "static", dirs_exist_ok=True, copy_function=_link_or_copy)


def _link_or_copy(source: str, target: str) -> None:
    # A hard link costs nothing; every build writes a new tree, so the site never edits a source.
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
